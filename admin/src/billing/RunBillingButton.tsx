import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { runBilling, type BillingRun } from './billingApi';
import { endedMonths, monthLabel } from './months';
import { RunResult } from './RunResult';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/** The invoice list of one billed month. */
export const invoicesOfMonth = (month: string) =>
  `/invoices?filter=${encodeURIComponent(JSON.stringify({ month }))}`;

/**
 * "Lập hóa đơn tháng", for the operator: bills a month that has ended (the month just ended is
 * offered first) and shows what the run did. A second run of the same month issues nothing and
 * says so; the schedule in AWS does the same on the 1st.
 */
export const RunBillingButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const canRun = useCan('billing-runs', 'create');
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => endedMonths()[0]);
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [run, setRun] = useState<BillingRun | null>(null);
  const [running, setRunning] = useState(false);
  if (!canRun) return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.run.${key}`, options);
  const close = () => {
    setOpen(false);
    setErrors(NO_ERRORS);
    setRun(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setErrors(NO_ERRORS);
    setRun(null);
    try {
      setRun(await runBilling(month));
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button label="billing.run.open" onClick={() => setOpen(true)}>
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <DialogContentText>{t('explain')}</DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <TextField
                select
                label={t('month')}
                value={month}
                onChange={(event) => {
                  setMonth(event.target.value);
                  setRun(null);
                }}
                error={Boolean(errors.fields.month)}
                helperText={errors.fields.month ?? ' '}
                fullWidth
              >
                {endedMonths().map((id) => (
                  <MenuItem key={id} value={id}>
                    {monthLabel(id)}
                  </MenuItem>
                ))}
              </TextField>
              {run && <RunResult run={run} />}
            </Stack>
          </DialogContent>
          <DialogActions>
            {run && (
              <MuiButton component={RouterLink} to={invoicesOfMonth(run.month)} onClick={close}>
                {t('show_invoices')}
              </MuiButton>
            )}
            <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={running}>
              {t('submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

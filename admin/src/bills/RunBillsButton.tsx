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
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { recentMonthsInVietnam } from '../format/dates';
import { formatVnd } from '../format/money';
import { formatCount } from '../format/numbers';
import { billsOfMonth, type BillRunResult, runBills } from './feesApi';
import { UnitPicker } from './UnitPicker';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/** The counts a run answers with, in the order a reader checks them. */
const COUNTS = [
  ['households', 'households'],
  ['created', 'created'],
  ['alreadyBilled', 'already_billed'],
  ['notYetRegistered', 'not_yet_registered'],
  ['inactive', 'inactive'],
  ['exempt', 'exempt'],
  ['unpriced', 'unpriced'],
  ['skipped', 'skipped'],
] as const;

const RunCounts = ({ run }: { run: BillRunResult }) => {
  const translate = useTranslate();

  return (
    <>
      <Table size="small" data-testid="bill-run-result">
        <TableBody>
          {COUNTS.map(([field, key]) => (
            <TableRow key={field}>
              <TableCell>{translate(`fees.run.${key}`)}</TableCell>
              <TableCell align="right">{formatCount(run[field])}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{translate('fees.run.created_total')}</TableCell>
            <TableCell align="right">{formatVnd(run.createdTotal)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {run.unpriced > 0 && <Alert severity="warning">{translate('fees.run.unpriced_hint')}</Alert>}
    </>
  );
};

/**
 * "Lập hóa đơn phí rác": bills a unit's households for a month (the current one first) and
 * shows what the run did. Running a month again makes only the bills still missing.
 */
export const RunBillsButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const canRun = useCan('bills', 'create');
  const months = recentMonthsInVietnam(12);
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [month, setMonth] = useState(months[0]);
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [run, setRun] = useState<BillRunResult | null>(null);
  const [running, setRunning] = useState(false);
  if (!canRun) return null;

  const t = (key: string) => translate(`fees.run.${key}`);
  const close = () => {
    setOpen(false);
    setErrors(NO_ERRORS);
    setRun(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unitId) return;
    setRunning(true);
    setErrors(NO_ERRORS);
    setRun(null);
    try {
      setRun(await runBills(unitId, month));
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button label="fees.run.open" onClick={() => setOpen(true)}>
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <DialogContentText>{t('explain')}</DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <UnitPicker
                value={unitId}
                onChange={(id) => {
                  setUnitId(id);
                  setRun(null);
                }}
                label={translate('fees.unit')}
                helperText={errors.fields.unitId ?? translate('fees.unit_help')}
              />
              <TextField
                select
                label={translate('fees.month')}
                value={month}
                onChange={(event) => {
                  setMonth(event.target.value);
                  setRun(null);
                }}
                error={Boolean(errors.fields.month)}
                helperText={errors.fields.month ?? ' '}
                fullWidth
              >
                {months.map((id) => (
                  <MenuItem key={id} value={id}>
                    {translate('nguon.month.name', { month: id.slice(5, 7), year: id.slice(0, 4) })}
                  </MenuItem>
                ))}
              </TextField>
              {run && <RunCounts run={run} />}
            </Stack>
          </DialogContent>
          <DialogActions>
            {run && unitId && (
              <MuiButton
                component={RouterLink}
                to={billsOfMonth(unitId, run.month)}
                onClick={close}
              >
                {t('show_bills')}
              </MuiButton>
            )}
            <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={running || !unitId}>
              {t('submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

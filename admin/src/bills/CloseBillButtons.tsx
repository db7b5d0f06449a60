import BlockIcon from '@mui/icons-material/Block';
import MoneyOffIcon from '@mui/icons-material/MoneyOff';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Bill } from '../../../shared/bills/fields';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { closeBill } from './feesApi';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

type Action = 'waive' | 'cancel';

/**
 * One closing action of an unpaid bill, with its reason dialog. The API requires the reason,
 * records who acted, and refuses a bill that is no longer unpaid; its message is shown as is.
 */
const CloseBillButton = ({ action, bill }: { action: Action; bill: Bill }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);

  const t = (key: string) => translate(`fees.close.${key}`, { reference: bill.reference });
  const close = () => {
    setOpen(false);
    setReason('');
    setErrors(NO_ERRORS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await closeBill(bill.id, action, reason);
      close();
      notify('fees.close.done', { type: 'success' });
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        label={`fees.close.${action}`}
        onClick={() => setOpen(true)}
        color={action === 'cancel' ? 'error' : 'primary'}
      >
        {action === 'cancel' ? <BlockIcon /> : <MoneyOffIcon />}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t(`${action}_title`)}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              <DialogContentText>{t(`${action}_explain`)}</DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <TextField
                label={t('reason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={Boolean(errors.fields.reason)}
                helperText={errors.fields.reason ?? ' '}
                required
                autoFocus
                multiline
                minRows={2}
                fullWidth
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton
              type="submit"
              variant="contained"
              color={action === 'cancel' ? 'error' : 'primary'}
              disabled={saving || reason.trim() === ''}
            >
              {translate(`fees.close.${action}`)}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

/** "Miễn thu" and "Hủy hóa đơn" on an unpaid bill's page, for those who may change bills. */
export const CloseBillButtons = () => {
  const bill = useRecordContext<Bill>();
  const canChange = useCan('bills', 'update');
  if (!bill || !canChange || bill.status !== 'unpaid') return null;

  return (
    <>
      <CloseBillButton action="waive" bill={bill} />
      <CloseBillButton action="cancel" bill={bill} />
    </>
  );
};

import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
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
import { type FormEvent, useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Bill } from '../../../shared/bills/fields';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { formatVnd } from '../format/money';
import { recordCash } from './paymentsApi';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

interface Draft {
  receiptNo: string;
  amount: string;
  paidAt: string;
}

/** Now in Vietnam as `yyyy-MM-ddTHH:mm`, what a datetime-local input holds. */
const nowInVietnam = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);

/**
 * "Thu tiền mặt" on an unpaid bill, for collectors and ward officials: the receipt number they
 * wrote, the amount (the bill's) and when the cash was handed over, which the API reads as
 * Vietnam time. A receipt number recorded before is refused beside its input.
 */
export const BillCashButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const bill = useRecordContext<Bill>();
  const canRecord = useCan('payments', 'create');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  if (!bill || !canRecord || bill.status !== 'unpaid') return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`payments.cash.${key}`, options);
  const close = () => {
    setDraft(null);
    setErrors(NO_ERRORS);
  };
  const field = (name: keyof Draft) => ({
    value: draft?.[name] ?? '',
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => (current ? { ...current, [name]: event.target.value } : current)),
    error: Boolean(errors.fields[name]),
    helperText: errors.fields[name] ?? ' ',
    fullWidth: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    try {
      const { result, payment } = await recordCash({
        billIds: [bill.id],
        // Blank is sent as null, so the API names the amount as missing.
        amount: draft.amount.trim() === '' ? (null as unknown as number) : Number(draft.amount),
        receiptNo: draft.receiptNo,
        paidAt: draft.paidAt,
      });
      if (result === 'overpayment') notify(t('overpayment'), { type: 'warning' });
      else notify(t('done', { amount: formatVnd(payment.amount) }), { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  const month = `${bill.month.slice(5, 7)}/${bill.month.slice(0, 4)}`;

  return (
    <>
      <Button
        label="payments.cash.open"
        onClick={() =>
          setDraft({ receiptNo: '', amount: String(bill.amount), paidAt: nowInVietnam() })
        }
      >
        <PointOfSaleIcon />
      </Button>
      <Dialog open={draft !== null} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title', { month })}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              <DialogContentText>
                {t('explain', { code: bill.householdCode, amount: formatVnd(bill.amount) })}
              </DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <TextField label={t('receipt_no')} required autoFocus {...field('receiptNo')} />
              <TextField
                label={t('amount')}
                type="number"
                required
                slotProps={{ htmlInput: { min: 1, step: 1 } }}
                {...field('amount')}
              />
              <TextField
                label={t('paid_at')}
                type="datetime-local"
                required
                slotProps={{ inputLabel: { shrink: true } }}
                {...field('paidAt')}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving}>
              {t('submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

import PaymentsIcon from '@mui/icons-material/Payments';
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
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Invoice } from '../../../shared/billing/fields';
import { MANUAL_PAYMENT_METHODS } from '../../../shared/billing/fields';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { todayInVietnam } from '../format/dates';
import { formatVnd } from '../format/money';
import { choiceKey } from '../i18n/resourceMessages';
import { recordPayment, type PaymentForm } from './billingApi';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

interface Draft {
  amount: string;
  paidOn: string;
  method: PaymentForm['method'];
  reference: string;
  note: string;
}

const draftFor = (invoice: Invoice): Draft => ({
  amount: invoice.balanceDue > 0 ? String(invoice.balanceDue) : '',
  paidOn: todayInVietnam(),
  method: 'bank-transfer',
  reference: '',
  note: '',
});

/**
 * "Ghi nhận thanh toán" for finance and the operator: a bank transfer or cash received for the
 * invoice, whole or in part. The API decides what reaches the invoice and what becomes credit;
 * its refusals are shown beside the input they concern (a reference already recorded, a day
 * still to come), the rest above the form.
 */
export const RecordPaymentButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const invoice = useRecordContext<Invoice & { id: string }>();
  const canRecord = useCan('invoice-payments', 'create');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  if (!invoice || !canRecord) return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.payment.${key}`, options);
  const close = () => {
    setDraft(null);
    setErrors(NO_ERRORS);
  };
  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => (current ? { ...current, [name]: event.target.value } : current));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    try {
      const payment = await recordPayment({
        invoiceId: invoice.number,
        // Blank is sent as null, so the API names the amount as missing.
        amount: draft.amount.trim() === '' ? (null as unknown as number) : Number(draft.amount),
        paidOn: draft.paidOn,
        method: draft.method,
        reference: draft.reference,
        note: draft.note.trim() || null,
      });
      const amount = formatVnd(payment.amount);
      notify(
        payment.creditAdded > 0
          ? t('done_credit', { amount, credit: formatVnd(payment.creditAdded) })
          : t('done', { amount }),
        { type: 'success' },
      );
      close();
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof Draft) => ({
    value: draft?.[name] ?? '',
    onChange: set(name),
    error: Boolean(errors.fields[name]),
    helperText: errors.fields[name] ?? ' ',
    fullWidth: true,
  });

  return (
    <>
      <Button label="billing.payment.open" onClick={() => setDraft(draftFor(invoice))}>
        <PaymentsIcon />
      </Button>
      <Dialog open={draft !== null} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title', { number: invoice.number })}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              <DialogContentText>
                {t('explain', { balance: formatVnd(invoice.balanceDue) })}
              </DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <TextField
                label={t('amount')}
                type="number"
                required
                autoFocus
                slotProps={{ htmlInput: { min: 1, step: 1 } }}
                {...field('amount')}
              />
              <TextField
                label={t('paid_on')}
                type="date"
                required
                slotProps={{ inputLabel: { shrink: true } }}
                {...field('paidOn')}
              />
              <TextField label={t('method')} select {...field('method')}>
                {MANUAL_PAYMENT_METHODS.map((method) => (
                  <MenuItem key={method} value={method}>
                    {translate(choiceKey('invoice-payments', 'method', method))}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label={t('reference')} required {...field('reference')} />
              <TextField label={t('note')} multiline minRows={2} {...field('note')} />
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

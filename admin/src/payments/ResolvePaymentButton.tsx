import RuleIcon from '@mui/icons-material/Rule';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { needsReview, type Payment } from '../../../shared/payments/record';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { formatVnd } from '../format/money';
import { resolvePayment } from './paymentsApi';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

interface Draft {
  action: 'match' | 'refund';
  bills: string;
  refundReference: string;
  note: string;
}

/** A transfer reference the payer wrote, offered as the bill to match. */
const referenceIn = (payment: Payment): string =>
  /NGP[A-HJ-NP-Z2-9]{8}/.exec(
    (payment.details?.content ?? '').toUpperCase().replace(/[\s.\-_]+/g, ''),
  )?.[0] ?? '';

const draftFor = (payment: Payment): Draft => ({
  action: 'match',
  bills: payment.billIds.length > 0 ? payment.billIds.join(', ') : referenceIn(payment),
  refundReference: '',
  note: '',
});

/**
 * "Xử lý" on a payment waiting for review, for finance and the operator: match it to bills (by
 * id or transfer reference), which the API then marks paid by it, or record its refund.
 */
export const ResolvePaymentButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const payment = useRecordContext<Payment>();
  const canResolve = useCan('payments', 'update');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  if (!payment || !canResolve || !needsReview(payment.status)) return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`payments.resolve.${key}`, options);
  const close = () => {
    setDraft(null);
    setErrors(NO_ERRORS);
  };
  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => (current ? { ...current, [name]: event.target.value } : current));
  const field = (name: keyof Draft, errorName: string = name) => ({
    value: draft?.[name] ?? '',
    onChange: set(name),
    error: Boolean(errors.fields[errorName]),
    helperText: errors.fields[errorName] ?? ' ',
    fullWidth: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    const note = draft.note.trim() || null;
    try {
      await resolvePayment(
        payment.id,
        draft.action === 'match'
          ? { action: 'match', billIds: draft.bills.split(/[\s,;]+/).filter(Boolean), note }
          : { action: 'refund', refundReference: draft.refundReference, note },
      );
      notify(t(draft.action === 'match' ? 'done_match' : 'done_refund'), { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="payments.resolve.open" onClick={() => setDraft(draftFor(payment))}>
        <RuleIcon />
      </Button>
      <Dialog open={draft !== null} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title', { amount: formatVnd(payment.amount) })}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <RadioGroup value={draft?.action ?? 'match'} onChange={set('action')}>
                <FormControlLabel value="match" control={<Radio />} label={t('match')} />
                <FormControlLabel value="refund" control={<Radio />} label={t('refund')} />
              </RadioGroup>
              {draft?.action === 'match' ? (
                <TextField
                  label={t('bills')}
                  required
                  {...field('bills', 'billIds')}
                  helperText={errors.fields.billIds ?? t('bills_help')}
                />
              ) : (
                <TextField label={t('refund_reference')} required {...field('refundReference')} />
              )}
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

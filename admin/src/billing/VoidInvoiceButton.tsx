import BlockIcon from '@mui/icons-material/Block';
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
import { Button, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { Invoice } from '../../../shared/billing/fields';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { voidInvoice, type VoidResult } from './billingApi';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/**
 * "Hủy hóa đơn" for finance and the operator. A reason is required (the API says so too); once
 * voided, the dialog names the replacement the API issued in the same step and opens it.
 */
export const VoidInvoiceButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const invoice = useRecordContext<Invoice & { id: string }>();
  const canVoid = useCan('invoices', 'update');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [result, setResult] = useState<VoidResult | null>(null);
  const [saving, setSaving] = useState(false);
  if (!invoice || !canVoid || (invoice.status === 'void' && !result)) return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.void.${key}`, options);
  const close = () => {
    setOpen(false);
    setReason('');
    setErrors(NO_ERRORS);
    if (result) refresh();
    setResult(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      setResult(await voidInvoice(invoice.number, reason));
      setErrors(NO_ERRORS);
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  const replacement = result?.replacement?.number;

  return (
    <>
      <Button label="billing.void.open" onClick={() => setOpen(true)} color="error">
        <BlockIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title', { number: invoice.number })}</DialogTitle>
          <DialogContent>
            {result ? (
              <Alert severity="success" data-testid="void-result">
                {t('done', { number: result.voided.number })}{' '}
                {replacement ? t('replacement', { number: replacement }) : t('no_replacement')}
              </Alert>
            ) : (
              <Stack spacing={1}>
                <DialogContentText>{t('explain')}</DialogContentText>
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
            )}
          </DialogContent>
          <DialogActions>
            {result ? (
              <>
                {replacement && (
                  <MuiButton
                    component={RouterLink}
                    to={`/invoices/${encodeURIComponent(replacement)}/show`}
                    onClick={close}
                    variant="contained"
                  >
                    {t('open_replacement')}
                  </MuiButton>
                )}
                <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
              </>
            ) : (
              <>
                <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
                <MuiButton
                  type="submit"
                  variant="contained"
                  color="error"
                  disabled={saving || reason.trim() === ''}
                >
                  {t('submit')}
                </MuiButton>
              </>
            )}
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

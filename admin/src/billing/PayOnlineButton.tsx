import QrCodeIcon from '@mui/icons-material/QrCode2';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Radio,
  RadioGroup,
  Stack,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { Invoice } from '../../../shared/billing/fields';
import type { Identity } from '../auth/authProvider';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { formatVnd } from '../format/money';
import { GATEWAYS, payInvoice, type Gateway, type PaymentStart } from './billingApi';
import { TransferDetails } from './TransferDetails';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/** Only a web page of the gateway is followed: never a `javascript:` or other scheme. */
const safeRedirect = (url: string): string | undefined => {
  try {
    const parsed = new URL(url, window.location.href);

    return ['https:', 'http:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};

/**
 * "Thanh toán trực tuyến", for the unit admins of the invoice's own account while something is
 * due. The API starts a payment attempt with the chosen gateway and answers either a gateway
 * page to go to or a VietQR transfer to show; a refusal (no gateway configured, invoice already
 * paid) is shown as the API words it.
 */
export const PayOnlineButton = () => {
  const translate = useTranslate();
  const invoice = useRecordContext<Invoice & { id: string }>();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [gateway, setGateway] = useState<Gateway>('vietqr');
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [started, setStarted] = useState<PaymentStart | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const [saving, setSaving] = useState(false);
  const me = identity as Identity | undefined;
  const payable =
    invoice &&
    me?.role === 'unit-admin' &&
    me.accountId === invoice.accountId &&
    (invoice.status === 'issued' || invoice.status === 'partly-paid') &&
    invoice.balanceDue > 0;
  if (!invoice || !payable) return null;

  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.pay.${key}`, options);
  const close = () => {
    setOpen(false);
    setErrors(NO_ERRORS);
    setStarted(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors(NO_ERRORS);
    try {
      const answer = await payInvoice(invoice.number, gateway);
      const target = answer.redirectUrl ? safeRedirect(answer.redirectUrl) : undefined;
      if (target) {
        setRedirecting(true);
        window.location.assign(target);
      } else if (answer.qr) {
        setStarted(answer);
      } else {
        setErrors({ message: t('failed'), fields: {} });
      }
    } catch (error) {
      setErrors(passwordErrorsOf(error, t('failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="billing.pay.open" onClick={() => setOpen(true)} variant="contained">
        <QrCodeIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('title', { number: invoice.number })}</DialogTitle>
          <DialogContent>
            {started?.qr ? (
              <TransferDetails qr={started.qr} />
            ) : (
              <Stack spacing={1}>
                <DialogContentText>
                  {t('explain', { amount: formatVnd(invoice.balanceDue) })}
                </DialogContentText>
                {generalMessage(errors) && (
                  <Alert severity="error" data-testid="pay-error">
                    {generalMessage(errors)}
                  </Alert>
                )}
                {redirecting && <Alert severity="info">{t('redirecting')}</Alert>}
                <RadioGroup
                  name="gateway"
                  value={gateway}
                  onChange={(event) => setGateway(event.target.value as Gateway)}
                >
                  {GATEWAYS.map((id) => (
                    <FormControlLabel
                      key={id}
                      value={id}
                      control={<Radio />}
                      label={t(`gateways.${id}`)}
                    />
                  ))}
                </RadioGroup>
                {errors.fields.gateway && (
                  <FormHelperText error>{errors.fields.gateway}</FormHelperText>
                )}
              </Stack>
            )}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
            {!started && (
              <MuiButton type="submit" variant="contained" disabled={saving || redirecting}>
                {t('submit')}
              </MuiButton>
            )}
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

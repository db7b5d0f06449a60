import { Alert, Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatVnd } from '../format/money';
import type { PaymentStart } from './billingApi';

type Qr = NonNullable<PaymentStart['qr']>;

const Row = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body1" data-testid={testId} sx={{ fontWeight: 500 }}>
      {value}
    </Typography>
  </Box>
);

/**
 * A VietQR transfer as text: bank, account, amount and transfer content, which is all a bank
 * transfer needs, and the QR payload itself. No QR image: the admin has no QR encoder among its
 * dependencies yet, and one would be added here.
 */
export const TransferDetails = ({ qr }: { qr: Qr }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`billing.pay.${key}`);

  return (
    <Stack spacing={1.5} data-testid="transfer-details">
      <Typography variant="subtitle1" component="h3">
        {t('qr_title')}
      </Typography>
      <Alert severity="info">{t('qr_text_only')}</Alert>
      <Row label={t('bank')} value={qr.bankName} testId="transfer-bank" />
      <Row label={t('account_number')} value={qr.accountNumber} testId="transfer-account" />
      <Row label={t('amount')} value={formatVnd(qr.amount)} testId="transfer-amount" />
      <Row label={t('content')} value={qr.content} testId="transfer-content" />
      <Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {t('payload')}
        </Typography>
        <Box
          component="code"
          data-testid="transfer-payload"
          sx={{
            display: 'block',
            p: 1,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontSize: 12,
            wordBreak: 'break-all',
            userSelect: 'all',
          }}
        >
          {qr.payload}
        </Box>
      </Box>
    </Stack>
  );
};

import PrintIcon from '@mui/icons-material/Print';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button } from '@mui/material';
import { Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { Invoice } from '../../../shared/billing/fields';
import { RecordHistory } from '../audit/RecordHistory';
import { ShowError } from '../generated/RecordError';
import { InvoicePayments } from './InvoicePayments';
import { InvoiceSummary } from './InvoiceSummary';
import { PayOnlineButton } from './PayOnlineButton';
import { RecordPaymentButton } from './RecordPaymentButton';
import { VoidInvoiceButton } from './VoidInvoiceButton';

/** Links to the printable invoice and to the account's statement. */
const InvoiceLinks = () => {
  const translate = useTranslate();
  const invoice = useRecordContext<Invoice & { id: string }>();
  if (!invoice) return null;

  return (
    <>
      <Button
        size="small"
        component={RouterLink}
        to={`/invoices/${encodeURIComponent(invoice.number)}/print`}
        startIcon={<PrintIcon />}
      >
        {translate('billing.invoice.print')}
      </Button>
      <Button
        size="small"
        component={RouterLink}
        to={`/accounts/${encodeURIComponent(invoice.accountId)}/statement`}
        startIcon={<ReceiptLongIcon />}
      >
        {translate('billing.invoice.statement')}
      </Button>
    </>
  );
};

/**
 * An invoice's page: the invoice, its payments and its history, with what each role may do to
 * it (each button hides itself from a role that may not).
 */
export const InvoiceShow = () => (
  <Show
    actions={
      <TopToolbar sx={{ flexWrap: 'wrap' }}>
        <PayOnlineButton />
        <InvoiceLinks />
        <RecordPaymentButton />
        <VoidInvoiceButton />
      </TopToolbar>
    }
    error={<ShowError />}
  >
    <InvoiceSummary />
    <InvoicePayments />
    <RecordHistory resource="invoices" />
  </Show>
);

import { Box, Typography } from '@mui/material';
import { Datagrid, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { paymentResource } from '../../../shared/billing/payment-resource';
import { fieldFor } from '../generated/fields';

const SHOWN = ['paidOn', 'amount', 'allocated', 'creditAdded', 'method', 'reference', 'note'];

const columns = paymentResource.fields
  .filter((field) => SHOWN.includes(field.source))
  .map((field) => fieldFor(paymentResource, field, true));

/** The payments recorded for the invoice on the page: amount, what reached it, what became credit. */
export const InvoicePayments = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record) return null;

  return (
    <Box component="section" aria-labelledby="invoice-payments" sx={{ px: 2, pb: 2 }}>
      <Typography id="invoice-payments" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('billing.invoice.payments')}
      </Typography>
      <ReferenceManyField
        reference="invoice-payments"
        target="invoiceId"
        sort={paymentResource.defaultSort}
        perPage={50}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('billing.invoice.no_payments')}
          </Typography>
        }
      >
        <Datagrid bulkActionButtons={false} rowClick="show">
          {columns}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

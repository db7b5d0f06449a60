import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  NumberField,
  ReferenceArrayField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { billResource } from '../../../shared/bills/resource';
import type { Payment } from '../../../shared/payments/record';
import { feePaymentResource as def } from '../../../shared/payments/resource';
import { RecordHistory } from '../audit/RecordHistory';
import { formatDateTime } from '../format/dates';
import { fieldFor, isDisplayed, translatedChoices } from '../generated/fields';
import { ShowError } from '../generated/RecordError';
import { ResolvePaymentButton } from './ResolvePaymentButton';

const fields = def.fields.filter(isDisplayed).map((field) => fieldFor(def, field));

const billStatus = billResource.fields.find((field) => field.source === 'status');

/** The bills a payment paid (or names, while under review), one row each. */
const PaidBills = () => {
  const translate = useTranslate();
  const payment = useRecordContext<Payment>();
  if (!payment) return null;

  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('payments.show.bills')}</Typography>
      {payment.billIds.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('payments.show.no_bills')}
        </Typography>
      ) : (
        <ReferenceArrayField source="billIds" reference="bills">
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="month" />
            <TextField source="householdCode" />
            <TextField source="reference" />
            <NumberField source="amount" locales="vi-VN" />
            <SelectField
              source="status"
              choices={translatedChoices('bills', billStatus ?? { source: 'status' })}
            />
          </Datagrid>
        </ReferenceArrayField>
      )}
    </Box>
  );
};

/** Who recorded it, what the transfer said, and how finance resolved it. */
const Provenance = () => {
  const translate = useTranslate();
  const payment = useRecordContext<Payment>();
  if (!payment) return null;
  const { resolution } = payment;
  const line = (label: string, value: string) => (
    <Typography variant="body2">
      <strong>{label}:</strong> {value}
    </Typography>
  );

  return (
    <Box sx={{ mt: 2 }}>
      {line(translate('payments.show.recorded_by'), payment.recordedBy.username)}
      {payment.details?.content &&
        line(translate('payments.show.content'), payment.details.content)}
      {resolution && (
        <>
          {line(
            translate('payments.show.resolution'),
            translate('payments.show.resolved', {
              action: translate(
                resolution.action === 'match'
                  ? 'payments.resolve.match'
                  : 'payments.resolve.refund',
              ),
              user: resolution.by.username,
              at: formatDateTime(resolution.at),
            }),
          )}
          {resolution.refundReference && (
            <Typography variant="body2">
              {translate('payments.show.refund_reference', {
                reference: resolution.refundReference,
              })}
            </Typography>
          )}
          {resolution.note && <Typography variant="body2">{resolution.note}</Typography>}
        </>
      )}
    </Box>
  );
};

/** A fee payment: its fields, the bills it paid, its provenance, finance's action, its history. */
export const PaymentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ResolvePaymentButton />
      </TopToolbar>
    }
    error={<ShowError />}
  >
    <SimpleShowLayout>
      {fields}
      <PaidBills />
      <Provenance />
    </SimpleShowLayout>
    <RecordHistory resource="payments" />
  </Show>
);

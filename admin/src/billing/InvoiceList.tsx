import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button } from '@mui/material';
import {
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { invoiceResource } from '../../../shared/billing/invoice-resource';
import type { Invoice } from '../../../shared/billing/fields';
import { formatVnd } from '../format/money';
import { translatedChoices } from '../generated/fields';
import { DateTextField } from '../generated/kindFields';
import { ReferenceAutocomplete } from '../generated/ReferenceAutocomplete';
import { InvoiceStatusChip } from './InvoiceStatusChip';
import { endedMonths, monthLabel } from './months';

const def = invoiceResource;
const filterLabel = (source: string) => `resources.invoices.filters.${source}`;
const statusFilter = def.filters.find((filter) => filter.source === 'status');

/**
 * The billed month, picked from the months billing could have billed; empty lists every month
 * of the year the API answers for (the current one, or the account's whole ledger).
 */
const BilledMonthInput = (_props: { alwaysOn?: boolean }) => (
  <SelectInput
    source="month"
    label={filterLabel('month')}
    choices={endedMonths().map((month) => ({ id: month, name: monthLabel(month) }))}
    translateChoice={false}
    emptyText="billing.month.all"
    helperText={false}
  />
);

const filters = [
  <ReferenceAutocomplete
    key="accountId"
    source="accountId"
    label={filterLabel('accountId')}
    reference="accounts"
    alwaysOn
    helperText={false}
  />,
  <BilledMonthInput key="month" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label={filterLabel('status')}
    choices={statusFilter ? translatedChoices(def.name, statusFilter) : []}
    alwaysOn
    helperText={false}
  />,
  <TextInput key="year" source="year" label={filterLabel('year')} helperText={false} />,
];

/** With one account filtered, its statement is one click away. */
const StatementLink = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const accountId = filterValues.accountId as string | undefined;
  if (!accountId) return null;

  return (
    <Button
      size="small"
      component={RouterLink}
      to={`/accounts/${encodeURIComponent(accountId)}/statement`}
      startIcon={<ReceiptLongIcon />}
    >
      {translate('billing.invoice.statement')}
    </Button>
  );
};

const money = (source: 'total' | 'balanceDue') => (
  <FunctionField<Invoice>
    key={source}
    source={source}
    textAlign="right"
    render={(invoice) => formatVnd(invoice[source])}
    sx={{ whiteSpace: 'nowrap' }}
  />
);

/** The list's columns, money in VND and the billed month as people read it. */
const columns = [
  <TextField key="number" source="number" sx={{ whiteSpace: 'nowrap' }} />,
  <ReferenceField key="accountId" source="accountId" reference="accounts" sortable={false} />,
  <FunctionField<Invoice>
    key="month"
    source="month"
    render={(invoice) => monthLabel(invoice.month)}
  />,
  <FunctionField<Invoice>
    key="status"
    source="status"
    sortable={false}
    render={(invoice) => <InvoiceStatusChip status={invoice.status} />}
  />,
  <DateTextField key="issuedOn" source="issuedOn" />,
  <DateTextField key="dueDate" source="dueDate" />,
  money('total'),
  money('balanceDue'),
];

/**
 * Invoices by account, billed month and status. An account's own users get only their
 * account's (the API narrows); finance and the operator get every account's.
 */
export const InvoiceList = () => (
  <List
    filters={filters}
    sort={def.defaultSort}
    perPage={25}
    actions={
      <TopToolbar>
        <FilterButton />
        <StatementLink />
      </TopToolbar>
    }
    sx={{ '& .RaList-actions': { flexWrap: 'wrap' } }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      {columns}
    </Datagrid>
  </List>
);

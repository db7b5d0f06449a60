import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import RuleIcon from '@mui/icons-material/Rule';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button } from '@mui/material';
import { type ReactElement, useMemo } from 'react';
import { Datagrid, DateInput, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { REVIEW_STATUSES } from '../../../shared/payments/record';
import { feePaymentResource as def } from '../../../shared/payments/resource';
import { useCan } from '../auth/useCan';
import { fieldFor, isDisplayed } from '../generated/fields';
import { filterDefaults, filtersFor } from '../generated/filters';

const columns = def.fields
  .filter((field) => field.list && isDisplayed(field))
  .map((field) => fieldFor(def, field, true));

/** The definition's filters, and a day (a day wins over the month, as the API reads them). */
const filters = [
  ...filtersFor(def),
  <DateInput key="day" source="day" label="payments.list.day" helperText={false} />,
];

const LinkButton = ({ to, label, icon }: { to: string; label: string; icon: ReactElement }) => {
  const translate = useTranslate();

  return (
    <Button size="small" component={RouterLink} to={to} startIcon={icon}>
      {translate(label)}
    </Button>
  );
};

const PaymentListActions = () => {
  const canImport = useCan('bank-statements', 'create');
  const canResolve = useCan('payments', 'update');

  return (
    <TopToolbar>
      <FilterButton />
      {canResolve && (
        <LinkButton to="/payments/review" label="payments.list.review" icon={<RuleIcon />} />
      )}
      <LinkButton to="/payments/daily" label="payments.list.daily" icon={<CalendarMonthIcon />} />
      {canImport && (
        <LinkButton
          to="/payments/bank-statement"
          label="payments.list.statement"
          icon={<UploadFileIcon />}
        />
      )}
    </TopToolbar>
  );
};

/** Fee payments, newest first, of a month (or a day) of the caller's area. */
export const PaymentList = () => {
  // At each visit, not when the module loaded: a tab left open for days still opens on today.
  const defaults = useMemo(() => filterDefaults(def), []);

  return (
    <List
      filters={filters}
      filterDefaultValues={defaults}
      sort={def.defaultSort}
      actions={<PaymentListActions />}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columns}
      </Datagrid>
    </List>
  );
};

/**
 * What waits for finance, whenever it was paid: the API lists the review queue when asked for
 * review states alone, without a month.
 */
export const PaymentReviewList = () => {
  const translate = useTranslate();

  return (
    <List
      resource="payments"
      title={translate('payments.review.title')}
      filter={{ status: REVIEW_STATUSES }}
      sort={def.defaultSort}
      actions={false}
      disableSyncWithLocation
      perPage={25}
    >
      <Alert severity="info" sx={{ m: 1 }}>
        {translate('payments.review.explain')}
      </Alert>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columns}
      </Datagrid>
    </List>
  );
};

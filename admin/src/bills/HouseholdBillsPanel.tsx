import {
  Box,
  LinearProgress,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { Bill } from '../../../shared/bills/fields';
import { useCan } from '../auth/useCan';
import { formatVnd } from '../format/money';

/** The latest bills shown on the page; the rest are one click away in the bill list. */
const SHOWN = 12;

/** "Hóa đơn phí rác" on a household's page: its bills, newest month first. */
export const HouseholdBillsPanel = () => {
  const translate = useTranslate();
  const household = useRecordContext();
  const canRead = useCan('bills', 'list');
  const {
    data = [],
    total,
    isPending,
  } = useGetList<Bill>(
    'bills',
    {
      filter: { householdId: household?.id },
      sort: { field: 'householdCode', order: 'ASC' },
      pagination: { page: 1, perPage: SHOWN },
    },
    { enabled: Boolean(household?.id) && canRead },
  );
  if (!household || !canRead) return null;
  const statusName = (status: string) =>
    translate(`resources.bills.choices.status.${status}`, { _: status });
  const monthName = (month: string) =>
    translate('nguon.month.name', { month: month.slice(5, 7), year: month.slice(0, 4) });
  const allBills = `/bills?filter=${encodeURIComponent(JSON.stringify({ householdId: household.id }))}`;

  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="household-bills">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('fees.household.title')}
      </Typography>
      {isPending && <LinearProgress />}
      {!isPending && data.length === 0 && (
        <Typography variant="body2">{translate('fees.household.empty')}</Typography>
      )}
      {data.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.bills.fields.month')}</TableCell>
              <TableCell align="right">{translate('resources.bills.fields.amount')}</TableCell>
              <TableCell>{translate('resources.bills.fields.status')}</TableCell>
              <TableCell>{translate('resources.bills.fields.reference')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((bill) => (
              <TableRow key={bill.id} hover>
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={`/bills/${encodeURIComponent(bill.id)}/show`}
                    underline="hover"
                    data-testid="household-bill-month"
                  >
                    {monthName(bill.month)}
                  </Link>
                </TableCell>
                <TableCell align="right">{formatVnd(bill.amount)}</TableCell>
                <TableCell>{statusName(bill.status)}</TableCell>
                <TableCell>{bill.reference}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {(total ?? 0) > SHOWN && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={allBills} underline="hover">
            {translate('fees.household.more')}
          </Link>
        </Typography>
      )}
    </Box>
  );
};

import { Alert, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatCount } from '../format/numbers';
import { formatVnd } from '../format/money';
import type { BillingRun } from './billingApi';
import { monthLabel } from './months';

/** What a run did: new invoices (and their numbers), accounts already invoiced, not billable. */
export const RunResult = ({ run }: { run: BillingRun }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.run.${key}`, options);
  const rows: Array<[string, string]> = [
    ['issued', formatCount(run.issued)],
    ['already', formatCount(run.alreadyInvoiced)],
    ['not_billable', formatCount(run.notBillable)],
    ['issued_total', formatVnd(run.issuedTotal)],
    ...(run.firstNumber
      ? [
          ['numbers', `${run.firstNumber} – ${run.lastNumber ?? run.firstNumber}`] as [
            string,
            string,
          ],
        ]
      : []),
  ];

  return (
    <Alert
      severity={run.issued > 0 ? 'success' : 'info'}
      data-testid="run-result"
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <strong>{t('result', { month: monthLabel(run.month) })}</strong>
      <Table size="small" sx={{ mt: 1 }}>
        <TableBody>
          {rows.map(([key, value]) => (
            <TableRow key={key} data-testid={`run-${key}`}>
              <TableCell sx={{ pl: 0 }}>{t(key)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {value}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {run.issued === 0 && <div>{t('nothing_new')}</div>}
    </Alert>
  );
};

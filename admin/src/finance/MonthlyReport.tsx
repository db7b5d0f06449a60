import { Alert, Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { monthLabel } from '../billing/months';
import { paths, type MonthlyAnswer } from '../billing/billingApi';
import { useApiGet } from '../billing/useApiGet';
import { recentMonthsInVietnam } from '../format/dates';
import { monthlyColumns } from './columns';
import { ReportExportButtons, ReportTable } from './ReportTable';

/** Months offered: five years, the most the API answers at once. */
const MONTHS = 60;
/** What the report opens on: the last twelve months, this one included. */
const OPENING_SPAN = 12;

/** Invoiced (by billed month) and collected (by day paid) totals, month by month. */
export const MonthlyReport = () => {
  const translate = useTranslate();
  const months = recentMonthsInVietnam(MONTHS);
  const [to, setTo] = useState(months[0]);
  const [from, setFrom] = useState(months[OPENING_SPAN - 1]);
  const { data, error, loading } = useApiGet<MonthlyAnswer>(paths.monthly(from, to));
  const rows = data?.months ?? [];
  const sum = (key: 'invoiced' | 'invoiceCount' | 'collected' | 'paymentCount') =>
    rows.reduce((total, row) => total + row[key], 0);
  const monthInput = (label: string, value: string, onChange: (month: string) => void) => (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 140 }}
    >
      {months.map((month) => (
        <MenuItem key={month} value={month}>
          {monthLabel(month)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('finance.monthly.explain')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        {monthInput(translate('finance.from'), from, setFrom)}
        {monthInput(translate('finance.to'), to, setTo)}
        <Box sx={{ flex: 1 }} />
        <ReportExportButtons
          columns={monthlyColumns}
          rows={rows}
          fileName={`thu-theo-thang-${from}-${to}`}
          sheetName="Theo thang"
        />
      </Stack>
      {error && <Alert severity="error">{error.message || translate('billing.failed')}</Alert>}
      {loading && !data && <Loading />}
      {data && !error && (
        <ReportTable
          columns={monthlyColumns}
          rows={rows}
          rowKey={(row) => row.month}
          totals={{
            invoiced: sum('invoiced'),
            invoiceCount: sum('invoiceCount'),
            collected: sum('collected'),
            paymentCount: sum('paymentCount'),
          }}
          label={translate('finance.tabs.monthly')}
          empty=""
        />
      )}
    </Box>
  );
};

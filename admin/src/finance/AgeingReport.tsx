import { Alert, Box, Link, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { AGEING_BUCKETS } from '../../../shared/billing/fields';
import type { AgedAccount } from '../../../shared/billing/reports';
import { paths, type Ageing } from '../billing/billingApi';
import { useApiGet } from '../billing/useApiGet';
import { todayInVietnam } from '../format/dates';
import { ageingColumns } from './columns';
import { ReportExportButtons, ReportTable } from './ReportTable';

export const statementPath = (accountId: string) =>
  `/accounts/${encodeURIComponent(accountId)}/statement`;

/**
 * Outstanding balances by account as of a day, in the buckets finance ages debts by: not due
 * yet, then 0–30, 31–60, 61–90 and over 90 days past the due date. Each account opens its
 * statement.
 */
export const AgeingReport = () => {
  const translate = useTranslate();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const { data, error, loading } = useApiGet<Ageing>(paths.ageing(asOf || undefined));
  const rows: AgedAccount[] = data?.accounts ?? [];
  const totals = data
    ? Object.fromEntries(
        [...AGEING_BUCKETS, 'total'].map((key) => [key, data.totals[key as 'total']]),
      )
    : undefined;

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('finance.ageing.explain')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        <TextField
          label={translate('finance.as_of')}
          type="date"
          size="small"
          fullWidth={false}
          sx={{ width: 200 }}
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Box sx={{ flex: 1 }} />
        <ReportExportButtons
          columns={ageingColumns}
          rows={rows}
          fileName={`tuoi-no-${data?.asOf ?? asOf}`}
          sheetName="Tuoi no"
        />
      </Stack>
      {error && <Alert severity="error">{error.message || translate('billing.failed')}</Alert>}
      {loading && !data && <Loading />}
      {data && (
        <ReportTable
          columns={ageingColumns}
          rows={rows}
          rowKey={(row) => row.accountId}
          totals={rows.length > 0 ? totals : undefined}
          label={translate('finance.tabs.ageing')}
          empty={translate('finance.ageing.empty')}
          render={{
            accountName: (row) => (
              <Link component={RouterLink} to={statementPath(row.accountId)}>
                {row.accountName}
              </Link>
            ),
          }}
        />
      )}
    </Box>
  );
};

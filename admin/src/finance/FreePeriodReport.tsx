import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { paths, type FreePeriodAnswer } from '../billing/billingApi';
import { useApiGet } from '../billing/useApiGet';
import { todayInVietnam } from '../format/dates';
import { freePeriodColumns } from './columns';
import { ReportExportButtons, ReportTable } from './ReportTable';

/** Accounts in their free year on a day, and the day each starts to be billed. */
export const FreePeriodReport = () => {
  const translate = useTranslate();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const [all, setAll] = useState(false);
  const { data, error, loading } = useApiGet<FreePeriodAnswer>(
    paths.freePeriod(asOf || undefined, all),
  );
  const rows = data?.accounts ?? [];

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('finance.free.explain')}
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
        <FormControlLabel
          control={<Checkbox checked={all} onChange={(event) => setAll(event.target.checked)} />}
          label={translate('finance.free.all')}
        />
        <Box sx={{ flex: 1 }} />
        <ReportExportButtons
          columns={freePeriodColumns}
          rows={rows}
          fileName={`mien-phi-${data?.asOf ?? asOf}`}
          sheetName="Mien phi"
        />
      </Stack>
      {error && <Alert severity="error">{error.message || translate('billing.failed')}</Alert>}
      {loading && !data && <Loading />}
      {data && (
        <ReportTable
          columns={freePeriodColumns}
          rows={rows}
          rowKey={(row) => row.accountId}
          label={translate('finance.tabs.free')}
          empty={translate('finance.free.empty')}
          render={{
            accountName: (row) => (
              <Link
                component={RouterLink}
                to={`/accounts/${encodeURIComponent(row.accountId)}/show`}
              >
                {row.accountName}
              </Link>
            ),
          }}
        />
      )}
    </Box>
  );
};

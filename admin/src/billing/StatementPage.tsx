import { Alert, Box, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router';
import { todayInVietnam } from '../format/dates';
import { formatVnd } from '../format/money';
import { statementColumns, type StatementRow } from '../finance/columns';
import { ReportExportButtons, ReportTable } from '../finance/ReportTable';
import { paths, type Statement } from './billingApi';
import { useApiGet } from './useApiGet';

type Row = StatementRow & { key: string };

/** The statement's lines, after an opening-balance line when the range starts after day one. */
const rowsOf = (statement: Statement): Row[] => {
  const opening: Row[] = statement.from
    ? [
        {
          key: 'opening',
          date: statement.from,
          kind: 'opening',
          reference: '',
          invoiceId: '',
          description: '',
          debit: 0,
          credit: 0,
          balance: statement.openingBalance,
        },
      ]
    : [];

  return [...opening, ...statement.lines.map((line, index) => ({ ...line, key: String(index) }))];
};

const Figure = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Box sx={{ minWidth: 180 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="h6" component="div" data-testid={testId}>
      {formatVnd(value)}
    </Typography>
  </Box>
);

/**
 * An account's statement: invoices, voids and payments by date with the running balance, over
 * a date range, exportable as CSV and XLSX. Finance and the operator reach every account's; an
 * account's own users their own (the API answers 404 for any other).
 */
export const StatementPage = () => {
  const translate = useTranslate();
  const { id = '' } = useParams<{ id: string }>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const { data, error, loading } = useApiGet<Statement>(paths.statement(id, range));
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`billing.statement.${key}`, options);
  const rows = data ? rowsOf(data) : [];
  const dateInput = (name: 'from' | 'to') => (
    <TextField
      label={t(name)}
      type="date"
      size="small"
      fullWidth={false}
      sx={{ width: 200 }}
      value={range[name] ?? ''}
      onChange={(event) => setRange({ ...range, [name]: event.target.value || undefined })}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title', { name: data?.accountName ?? id })} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
          {dateInput('from')}
          {dateInput('to')}
          <Box sx={{ flex: 1 }} />
          <ReportExportButtons
            columns={statementColumns}
            rows={rows}
            fileName={`sao-ke-${id}-${todayInVietnam()}`}
            sheetName="Sao ke"
          />
        </Stack>
        {error && <Alert severity="error">{error.message || translate('billing.failed')}</Alert>}
        {loading && !data && <Loading />}
        {data && (
          <>
            <Stack direction="row" spacing={3} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
              <Figure label={t('opening')} value={data.openingBalance} testId="opening" />
              <Figure label={t('closing')} value={data.closingBalance} testId="closing" />
              <Figure label={t('outstanding')} value={data.outstanding} testId="outstanding" />
              <Figure label={t('account_credit')} value={data.credit} testId="credit" />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('balance_hint')}
            </Typography>
            <ReportTable
              columns={statementColumns}
              rows={rows}
              rowKey={(row) => row.key}
              label={t('title', { name: data.accountName })}
              empty={t('empty')}
              render={{
                reference: (row) =>
                  row.invoiceId ? (
                    <Link
                      component={RouterLink}
                      to={`/invoices/${encodeURIComponent(row.invoiceId)}/show`}
                    >
                      {row.reference}
                    </Link>
                  ) : (
                    row.reference
                  ),
              }}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
};

export default StatementPage;

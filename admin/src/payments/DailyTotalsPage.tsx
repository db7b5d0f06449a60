import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { ExportColumn } from '../../../shared/export/table';
import { useApiGet } from '../billing/useApiGet';
import { formatDate, todayInVietnam } from '../format/dates';
import { formatVnd } from '../format/money';
import { CSV_TYPE, downloadFile, XLSX_TYPE } from '../households/export/download';
import { choiceKey } from '../i18n/resourceMessages';
import { dailyPath, type DailyTotal } from './paymentsApi';

const AMOUNTS = ['amount', 'settledAmount', 'reviewAmount', 'refundedAmount'] as const;
const AMOUNT_LABELS = {
  amount: 'amount',
  settledAmount: 'settled',
  reviewAmount: 'review',
  refundedAmount: 'refunded',
};

/**
 * Money received per Vietnam day and method in the caller's area, as the API sums it, with a
 * total row; exported as CSV or XLSX with the same columns (numbers stay numbers in Excel).
 */
const DailyTotalsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const today = todayInVietnam();
  const [range, setRange] = useState({ from: `${today.slice(0, 7)}-01`, to: today });
  const [asked, setAsked] = useState(range);
  const { data, error, loading } = useApiGet<DailyTotal[]>(dailyPath(asked.from, asked.to));
  const t = (key: string) => translate(`payments.daily.${key}`);
  const methodName = (method: string) => translate(choiceKey('payments', 'method', method));
  const rows = data ?? [];
  const sum = (field: (typeof AMOUNTS)[number] | 'count') =>
    rows.reduce((total, row) => total + row[field], 0);

  const columns: ExportColumn<DailyTotal>[] = [
    { header: t('day'), value: (row) => formatDate(row.day) },
    { header: t('method'), value: (row) => methodName(row.method) },
    { header: t('count'), value: (row) => row.count },
    ...AMOUNTS.map((field) => ({
      header: `${t(AMOUNT_LABELS[field])} (VND)`,
      value: (row: DailyTotal) => row[field],
    })),
  ];

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const { toCsv, toXlsx } = await import('../../../shared/export/table');
      const fileName = `thu-phi-theo-ngay-${asked.from}-${asked.to}.${format}`;
      if (format === 'csv') downloadFile(toCsv(columns, rows), fileName, CSV_TYPE);
      else {
        const bytes = (await toXlsx(columns, rows, 'Thu phi')) as Uint8Array<ArrayBuffer>;
        downloadFile(bytes, fileName, XLSX_TYPE);
      }
    } catch (failure) {
      notify((failure as Error).message || 'nguon.export.failed', { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack
          direction="row"
          spacing={2}
          sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}
          useFlexGap
        >
          {(['from', 'to'] as const).map((name) => (
            <TextField
              key={name}
              label={t(name)}
              type="date"
              size="small"
              value={range[name]}
              onChange={(event) => setRange({ ...range, [name]: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ))}
          <Button variant="contained" onClick={() => setAsked(range)}>
            {t('show')}
          </Button>
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              size="small"
              startIcon={<DownloadIcon />}
              disabled={rows.length === 0}
              onClick={() => void exportAs(format)}
            >
              {t(format)}
            </Button>
          ))}
        </Stack>
        {loading && <LinearProgress />}
        {error && <Alert severity="error">{error.message || translate('payments.failed')}</Alert>}
        {!loading && !error && rows.length === 0 && <Alert severity="info">{t('empty')}</Alert>}
        {rows.length > 0 && (
          <Table size="small" lang={locale}>
            <TableHead>
              <TableRow>
                {columns.map((column) => (
                  <TableCell key={column.header}>{column.header}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>{formatDate(row.day)}</TableCell>
                  <TableCell>{methodName(row.method)}</TableCell>
                  <TableCell align="right">{row.count}</TableCell>
                  {AMOUNTS.map((field) => (
                    <TableCell key={field} align="right">
                      {formatVnd(row[field])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={2}>
                  <strong>{t('total')}</strong>
                </TableCell>
                <TableCell align="right">
                  <strong>{sum('count')}</strong>
                </TableCell>
                {AMOUNTS.map((field) => (
                  <TableCell key={field} align="right">
                    <strong>{formatVnd(sum(field))}</strong>
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

export default DailyTotalsPage;

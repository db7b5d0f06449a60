import DownloadIcon from '@mui/icons-material/Download';
import {
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatVnd } from '../format/money';
import {
  downloadReport,
  type ExportFormat,
  type Language,
  type ReportColumn,
} from './reportExport';

interface ExportProps<T> {
  columns: ReportColumn<T>[];
  rows: T[];
  fileName: string;
  sheetName: string;
}

/** "Xuất CSV" and "Xuất Excel" of exactly the rows the table shows. */
export const ReportExportButtons = <T,>({ columns, rows, fileName, sheetName }: ExportProps<T>) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const language: Language = locale === 'en' ? 'en' : 'vi';

  const start = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await downloadReport(columns, rows, { format, language, fileName, sheetName });
    } catch (error) {
      notify((error as Error).message || 'nguon.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" spacing={1}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          startIcon={<DownloadIcon />}
          onClick={() => start(format)}
          disabled={busy || rows.length === 0}
        >
          {translate(`nguon.export.${format}`)}
        </Button>
      ))}
    </Stack>
  );
};

interface TableProps<T> {
  columns: ReportColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** What a cell shows instead of its value, e.g. a link. */
  render?: Partial<Record<string, (row: T) => ReactNode>>;
  totals?: Partial<Record<string, number>>;
  empty: string;
  label: string;
}

/** A finance table: money right-aligned in VND, an optional totals row, a word when empty. */
export const ReportTable = <T,>(props: TableProps<T>) => {
  const { columns, rows, rowKey, render, totals, empty, label } = props;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language: Language = locale === 'en' ? 'en' : 'vi';
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        {empty}
      </Typography>
    );
  }
  const align = (column: ReportColumn<T>) => (column.money || column.numeric ? 'right' : 'left');

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.key} align={align(column)}>
                {column.label[language]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} hover>
              {columns.map((column) => {
                const value = column.value(row, language);
                const shown = column.money && typeof value === 'number' ? formatVnd(value) : value;

                return (
                  <TableCell
                    key={column.key}
                    align={align(column)}
                    sx={column.money ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {render?.[column.key]?.(row) ?? shown}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
        {totals && (
          <TableFooter>
            <TableRow>
              {columns.map((column, index) => (
                <TableCell
                  key={column.key}
                  align={align(column)}
                  sx={{
                    fontWeight: 600,
                    fontSize: '0.875rem',
                    color: 'text.primary',
                    whiteSpace: 'nowrap',
                  }}
                >
                  {index === 0
                    ? translate('finance.totals')
                    : totals[column.key] !== undefined
                      ? column.money
                        ? formatVnd(totals[column.key])
                        : totals[column.key]
                      : ''}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </Box>
  );
};

import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { recentMonthsInVietnam } from '../format/dates';
import { formatVnd } from '../format/money';
import { formatCount } from '../format/numbers';
import { useApiGet } from '../billing/useApiGet';
import { type UnpaidByHamlet, unpaidPath } from './feesApi';
import { UnitPicker } from './UnitPicker';
import { exportUnpaid } from './unpaidExport';

/** The bill list of a hamlet's unpaid bills of a month, for a row's link. */
const unpaidBillsOf = (month: string, wardId: string, hamletId: string | null) =>
  `/bills?filter=${encodeURIComponent(
    JSON.stringify({ month, unitId: wardId, status: 'unpaid', ...(hamletId ? { hamletId } : {}) }),
  )}`;

/**
 * "Chưa thu theo tổ/thôn": for a ward (or a city, ward by ward) and a month, how many fee bills
 * each hamlet still owes and how much, with the total, exported to CSV or Excel for collectors.
 */
const UnpaidByHamletPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const months = recentMonthsInVietnam(24);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [month, setMonth] = useState(months[0]);
  const report = useApiGet<UnpaidByHamlet>(unitId ? unpaidPath(unitId, month) : undefined);
  const t = (key: string) => translate(`fees.unpaid.${key}`);

  const download = (format: 'csv' | 'xlsx') => {
    if (!report.data) return;
    exportUnpaid(report.data, format, translate).catch((error: Error) =>
      notify(error.message || 'fees.failed', { type: 'error' }),
    );
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{t('explain')}</Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Box sx={{ flex: '1 1 360px', maxWidth: 520 }}>
              <UnitPicker
                value={unitId}
                onChange={setUnitId}
                levels={['city', 'ward', 'commune', 'special-zone']}
                label={translate('fees.unit')}
              />
            </Box>
            <TextField
              select
              label={translate('fees.month')}
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              sx={{ flex: '0 0 220px' }}
            >
              {months.map((id) => (
                <MenuItem key={id} value={id}>
                  {translate('nguon.month.name', { month: id.slice(5, 7), year: id.slice(0, 4) })}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {!unitId && <Alert severity="info">{t('pick_unit')}</Alert>}
          {report.loading && <LinearProgress />}
          {report.error && (
            <Alert severity="error">{report.error.message || translate('fees.failed')}</Alert>
          )}
          {report.data && (
            <>
              <Stack direction="row" spacing={1}>
                <Button size="small" startIcon={<DownloadIcon />} onClick={() => download('csv')}>
                  {t('csv')}
                </Button>
                <Button size="small" startIcon={<DownloadIcon />} onClick={() => download('xlsx')}>
                  {t('xlsx')}
                </Button>
              </Stack>
              <Table size="small" data-testid="unpaid-by-hamlet">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('ward')}</TableCell>
                    <TableCell>{t('hamlet')}</TableCell>
                    <TableCell align="right">{t('count')}</TableCell>
                    <TableCell align="right">{t('amount')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.data.rows.map((row) => (
                    <TableRow key={`${row.wardId}|${row.hamletId ?? ''}`} hover>
                      <TableCell>{row.wardName}</TableCell>
                      <TableCell>
                        <RouterLink
                          to={unpaidBillsOf(report.data!.month, row.wardId, row.hamletId)}
                        >
                          {row.hamletName ?? t('no_hamlet')}
                        </RouterLink>
                      </TableCell>
                      <TableCell align="right">{formatCount(row.count)}</TableCell>
                      <TableCell align="right">{formatVnd(row.amount)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter>
                  <TableRow>
                    <TableCell colSpan={2}>{t('total')}</TableCell>
                    <TableCell align="right">{formatCount(report.data.total.count)}</TableCell>
                    <TableCell align="right">{formatVnd(report.data.total.amount)}</TableCell>
                  </TableRow>
                </TableFooter>
              </Table>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

export default UnpaidByHamletPage;

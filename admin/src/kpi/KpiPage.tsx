import AssessmentIcon from '@mui/icons-material/Assessment';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardHeader,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { currentMonthInVietnam, recentMonthsInVietnam } from '../format/dates';
import { KpiCards } from './KpiCards';
import { KpiChildrenTable } from './KpiChildrenTable';
import { kpiPath, type KpiReport, useApi } from './kpiData';
import { KpiDefinitions } from './KpiDefinitions';
import { exportKpis } from './kpiExport';
import { monthLabel } from './kpiFormat';
import { UnitTrail } from './UnitTrail';

// recharts is most of the page's weight; the cards need not wait for it.
const KpiTrendCharts = lazy(() => import('./KpiTrendCharts'));

const MONTHS_OFFERED = 36;

/** The month a KPI page opens on: the last whole month (the current one is still filling). */
export const defaultKpiMonth = (now = new Date()): string => recentMonthsInVietnam(2, now)[1];

export const MonthSelect = ({
  value,
  onChange,
}: {
  value: string;
  onChange: (month: string) => void;
}) => {
  const translate = useTranslate();
  const current = currentMonthInVietnam();

  return (
    <TextField
      select
      size="small"
      label={translate('nguon.kpi.month')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth={false}
      sx={{ width: 220 }}
    >
      {recentMonthsInVietnam(MONTHS_OFFERED).map((month) => (
        <MenuItem key={month} value={month}>
          {month === current
            ? translate('nguon.kpi.month_current', { month: monthLabel(month) })
            : monthLabel(month)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/**
 * The KPI dashboard: for a unit (the user's own area unless one is chosen) and a month, the
 * five KPIs against their baseline and target with their status, tonnage and the register, the
 * twelve months' trend, and the units one level down to drill into. Everything is one call,
 * `GET /api/kpis`, which reads monthly aggregates, never pickups.
 */
const KpiPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const month = params.get('month') ?? defaultKpiMonth();
  const { data, error, loading } = useApi<KpiReport>(kpiPath(unitId, month));
  const [exporting, setExporting] = useState(false);
  // While another unit or month loads, the previous answer is not shown as this one.
  const report =
    data && data.month === month && (!unitId || data.unit.id === unitId) ? data : undefined;

  const go = (next: { unitId?: string; month?: string }) => {
    const values = { unitId, month, ...next };
    setParams(
      Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>,
    );
  };
  const pageOf = (id: string) => `/kpis?${new URLSearchParams({ unitId: id, month })}`;

  const download = async (format: 'csv' | 'xlsx') => {
    if (!report) return;
    setExporting(true);
    try {
      await exportKpis(report, format, translate, locale === 'en' ? 'en' : 'vi');
    } catch (failure) {
      notify((failure as Error).message || 'nguon.export.failed', { type: 'error' });
    } finally {
      setExporting(false);
    }
  };

  return (
    // A grid of one shrinkable column: wide tables scroll inside it instead of widening the page.
    <Box sx={{ mt: 2, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title={translate('nguon.kpi.title')} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2 }}>
        <MonthSelect value={month} onChange={(next) => go({ month: next })} />
        <Button
          size="small"
          startIcon={<AssessmentIcon />}
          component={RouterLink}
          to={`/kpis/review?${new URLSearchParams({
            ...(report ? { unitId: report.unit.id } : {}),
            year: month.slice(0, 4),
          })}`}
        >
          {translate('nguon.kpi.review.open')}
        </Button>
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          disabled={!report || exporting}
          onClick={() => void download('csv')}
        >
          {translate('nguon.export.csv')}
        </Button>
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          disabled={!report || exporting}
          onClick={() => void download('xlsx')}
        >
          {translate('nguon.export.xlsx')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error.message}</Alert>}
      {loading && <LinearProgress sx={{ mb: 2 }} />}
      {report && (
        <>
          <UnitTrail unit={report.unit} to={pageOf} />
          <Typography variant="h5" component="h1" sx={{ mb: 1 }} data-testid="kpi-heading">
            {translate('nguon.kpi.heading', {
              unit: report.unit.id === '*' ? translate('nguon.kpi.platform') : report.unit.name,
              month: monthLabel(report.month),
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`nguon.kpi.target_origin.${report.target.origin}`, {
              year: report.target.year,
              baseline: monthLabel(report.target.baselineMonth),
            })}
          </Typography>
          {report.month === currentMonthInVietnam() && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('nguon.kpi.month_in_progress')}
            </Alert>
          )}
          <KpiCards report={report} />
          <Card sx={{ mb: 2 }}>
            <CardHeader
              title={translate(`nguon.kpi.children_of.${report.unit.level}`, {
                _: translate('nguon.kpi.children'),
              })}
              slotProps={{ title: { variant: 'h6', component: 'h2' } }}
            />
            <KpiChildrenTable report={report} />
          </Card>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {translate('nguon.kpi.trend')}
          </Typography>
          <Box sx={{ mb: 2 }}>
            <Suspense fallback={<LinearProgress />}>
              <KpiTrendCharts report={report} />
            </Suspense>
          </Box>
          <KpiDefinitions report={report} />
        </>
      )}
    </Box>
  );
};

export default KpiPage;

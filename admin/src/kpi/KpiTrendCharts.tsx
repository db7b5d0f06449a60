import { Card, CardContent, Grid, Typography, useTheme } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { WASTE_GROUPS } from '../../../shared/collections/fields';
import { wasteGroupLabels } from '../../../shared/collections/resource';
import { type KpiReport, type KpiStatus, kpiValue } from './kpiData';
import { definitionOf, monthLabel } from './kpiFormat';

const HEIGHT = 220;

/** Chart values: shares in %, weights in tonnes, GHG in t CO2e, so axes stay short. */
const scaleOf = (kpi: KpiStatus) => (definitionOf(kpi.key).unit === 'share' ? 100 : 1 / 1000);
const unitOf = (kpi: KpiStatus) =>
  ({ share: '%', kg: 't', kgCO2e: 't CO2e' })[definitionOf(kpi.key).unit];

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const tick = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * One KPI month by month against its baseline (a level line), its year-end target (another) and
 * the straight path between them that the status is judged on, for the months of the target's
 * year.
 */
const KpiTrend = ({ kpi, report }: { kpi: KpiStatus; report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { palette } = useTheme();
  const scale = scaleOf(kpi);
  const year = String(report.target.year);
  const data = report.trend.map((figures) => {
    const value = kpiValue(kpi.key, figures);
    const inYear = figures.month.startsWith(year);
    const m = Number(figures.month.slice(5, 7));
    const expected =
      inYear && kpi.baseline !== null && kpi.target !== null
        ? kpi.baseline + ((kpi.target - kpi.baseline) * m) / 12
        : null;

    return {
      month: monthLabel(figures.month),
      value: round(value === null ? null : value * scale),
      expected: round(expected === null ? null : expected * scale),
    };
  });
  const definition = definitionOf(kpi.key);

  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          {`${definition.label[locale === 'en' ? 'en' : 'vi']} (${unitOf(kpi)})`}
        </Typography>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11 }} tickFormatter={tick} width={48} />
            <Tooltip formatter={(value) => tick(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {kpi.baseline !== null && (
              <ReferenceLine
                y={round(kpi.baseline * scale) ?? 0}
                stroke={palette.grey[500]}
                strokeDasharray="4 4"
                label={{
                  value: translate('nguon.kpi.chart.baseline'),
                  fontSize: 11,
                  position: 'insideTopLeft',
                }}
              />
            )}
            {kpi.target !== null && (
              <ReferenceLine
                y={round(kpi.target * scale) ?? 0}
                stroke={palette.success.main}
                strokeDasharray="4 4"
                label={{
                  value: translate('nguon.kpi.chart.target'),
                  fontSize: 11,
                  position: 'insideTopRight',
                }}
              />
            )}
            <Line
              type="monotone"
              dataKey="expected"
              name={translate('nguon.kpi.chart.expected')}
              stroke={palette.success.light}
              strokeDasharray="6 3"
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="value"
              name={translate('nguon.kpi.chart.value')}
              stroke={palette.primary.main}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

const GROUP_COLOURS = ['#2e7d32', '#8d6e63', '#757575', '#5c6bc0', '#c62828'];

/** Tonnes by group, month by month, with what went to landfill. */
const TonnageTrend = ({ report }: { report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { palette } = useTheme();
  const language = locale === 'en' ? 'en' : 'vi';
  const data = report.trend.map((figures) => ({
    month: monthLabel(figures.month),
    ...Object.fromEntries(
      WASTE_GROUPS.map((group) => [group, round(figures.weightsKg[group] / 1000, 3)]),
    ),
    landfill: round(figures.landfillKg / 1000, 3),
  }));

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          {translate('nguon.kpi.chart.tonnage')}
        </Typography>
        <ResponsiveContainer width="100%" height={HEIGHT + 40}>
          <ComposedChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11 }} tickFormatter={tick} width={48} />
            <Tooltip formatter={(value) => `${tick(Number(value))} t`} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {WASTE_GROUPS.map((group, index) => (
              <Bar
                key={group}
                dataKey={group}
                stackId="groups"
                name={wasteGroupLabels[group][language].replace(/ \(kg\)$/, '')}
                fill={GROUP_COLOURS[index]}
                isAnimationActive={false}
              />
            ))}
            <Line
              type="monotone"
              dataKey="landfill"
              name={translate('nguon.kpi.chart.landfill')}
              stroke={palette.error.main}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

/** The twelve months up to the month shown: each KPI, and tonnage by group. */
const KpiTrendCharts = ({ report }: { report: KpiReport }) => (
  <Grid container spacing={2}>
    {report.kpis.map((kpi) => (
      <Grid key={kpi.key} size={{ xs: 12, md: 6 }}>
        <KpiTrend kpi={kpi} report={report} />
      </Grid>
    ))}
    <Grid size={{ xs: 12, md: 6 }}>
      <TonnageTrend report={report} />
    </Grid>
  </Grid>
);

export default KpiTrendCharts;

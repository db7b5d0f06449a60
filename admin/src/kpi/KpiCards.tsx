import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { WASTE_GROUPS } from '../../../shared/collections/fields';
import { wasteGroupLabels } from '../../../shared/collections/resource';
import { formatCount } from '../format/numbers';
import { type KpiReport, type KpiState, type KpiStatus, STATE_COLOURS } from './kpiData';
import {
  definitionOf,
  formatChange,
  formatKg,
  formatKpi,
  formatShare,
  monthLabel,
} from './kpiFormat';

export const StateChip = ({ state }: { state: KpiState }) => {
  const translate = useTranslate();

  return (
    <Chip
      size="small"
      color={STATE_COLOURS[state]}
      label={translate(`nguon.kpi.state.${state}`)}
      data-state={state}
    />
  );
};

const Line = ({ label, value }: { label: string; value: ReactNode }) => (
  <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body2" sx={{ textAlign: 'right' }}>
      {value}
    </Typography>
  </Stack>
);

const Figure = ({
  id,
  title,
  value,
  state,
  children,
}: {
  id: string;
  title: string;
  value: string;
  state?: KpiState;
  children?: ReactNode;
}) => (
  <Card
    variant="outlined"
    sx={{ height: '100%' }}
    component="section"
    aria-labelledby={`${id}-title`}
  >
    <CardContent data-testid={id}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}
      >
        <Typography id={`${id}-title`} variant="body2" color="text.secondary" component="h3">
          {title}
        </Typography>
        {state && <StateChip state={state} />}
      </Stack>
      <Typography variant="h5" component="p" sx={{ my: 0.5 }} data-testid={`${id}-value`}>
        {value}
      </Typography>
      <Stack spacing={0.25}>{children}</Stack>
    </CardContent>
  </Card>
);

/** One KPI against its baseline month and its year-end target, with its status. */
const KpiCard = ({ kpi, report }: { kpi: KpiStatus; report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const definition = definitionOf(kpi.key);
  const change = definition.unit === 'share' ? null : formatChange(kpi.value, kpi.baseline);
  const { figures } = report;

  return (
    <Figure
      id={`kpi-${kpi.key}`}
      title={definition.label[locale === 'en' ? 'en' : 'vi']}
      value={formatKpi(kpi.key, kpi.value)}
      state={kpi.status}
    >
      {kpi.key === 'sortingShare' && (
        <Line
          label={translate('nguon.kpi.households_sorting')}
          value={`${formatCount(figures.households.sorting)} / ${formatCount(figures.households.active)}`}
        />
      )}
      {change && <Line label={translate('nguon.kpi.change')} value={change} />}
      <Line
        label={translate('nguon.kpi.baseline', { month: monthLabel(report.target.baselineMonth) })}
        value={formatKpi(kpi.key, kpi.baseline)}
      />
      <Line
        label={translate('nguon.kpi.expected', { month: monthLabel(report.month) })}
        value={formatKpi(kpi.key, kpi.expected)}
      />
      <Line
        label={translate('nguon.kpi.target', { year: report.target.year })}
        value={formatKpi(kpi.key, kpi.target)}
      />
    </Figure>
  );
};

/** Tonnage by group, the recyclables' share of it, and what went to landfill. */
const TonnageCard = ({ report }: { report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { figures } = report;
  const total = figures.weightsKg.total;

  return (
    <Figure id="kpi-tonnage" title={translate('nguon.kpi.tonnage')} value={formatKg(total)}>
      {WASTE_GROUPS.map((group) => (
        <Box key={group}>
          <Line
            label={wasteGroupLabels[group][locale === 'en' ? 'en' : 'vi'].replace(/ \(kg\)$/, '')}
            value={formatKg(figures.weightsKg[group])}
          />
          <Box sx={{ height: 4, bgcolor: 'grey.200', borderRadius: 1 }}>
            <Box
              sx={{
                height: 4,
                borderRadius: 1,
                bgcolor: 'primary.main',
                width: `${total > 0 ? (100 * figures.weightsKg[group]) / total : 0}%`,
              }}
            />
          </Box>
        </Box>
      ))}
      <Line
        label={translate('nguon.kpi.recyclables_share')}
        value={formatShare(figures.recyclablesShare)}
      />
      <Line label={translate('nguon.kpi.unsorted')} value={formatKg(figures.unsortedKg)} />
      <Line
        label={translate('nguon.kpi.pickups')}
        value={translate('nguon.kpi.pickups_value', {
          total: formatCount(figures.pickups.total),
          household: formatCount(figures.pickups.household),
          route: formatCount(figures.pickups.route),
        })}
      />
    </Figure>
  );
};

/** The register's digitisation: complete (10/10), partly complete, incomplete (under 7). */
const RegisterCard = ({ report }: { report: KpiReport }) => {
  const translate = useTranslate();
  const { register } = report.figures;
  const share = (part: number) => formatShare(register.total > 0 ? part / register.total : null);

  return (
    <Figure
      id="kpi-register"
      title={translate('nguon.kpi.register')}
      value={formatCount(register.total)}
    >
      <Line label={translate('nguon.kpi.register_active')} value={formatCount(register.active)} />
      <Line
        label={translate('nguon.dashboard.complete')}
        value={`${share(register.complete)} (${formatCount(register.complete)})`}
      />
      <Line
        label={translate('nguon.dashboard.partial')}
        value={`${share(register.partial)} (${formatCount(register.partial)})`}
      />
      <Line
        label={translate('nguon.dashboard.incomplete')}
        value={`${share(register.incomplete)} (${formatCount(register.incomplete)})`}
      />
    </Figure>
  );
};

/** The month's cards: the five KPIs with their status, then tonnage and the register. */
export const KpiCards = ({ report }: { report: KpiReport }) => (
  <Grid container spacing={2} sx={{ mb: 2 }}>
    {report.kpis.map((kpi) => (
      <Grid key={kpi.key} size={{ xs: 12, sm: 6, lg: 4 }}>
        <KpiCard kpi={kpi} report={report} />
      </Grid>
    ))}
    <Grid size={{ xs: 12, sm: 6, lg: 4 }}>
      <TonnageCard report={report} />
    </Grid>
    <Grid size={{ xs: 12, sm: 6, lg: 4 }}>
      <RegisterCard report={report} />
    </Grid>
  </Grid>
);

import AddIcon from '@mui/icons-material/Add';
import InsightsIcon from '@mui/icons-material/Insights';
import { Box, Button, Card, CardContent, CardHeader, Grid, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { useCan } from '../auth/useCan';
import { recentMonthsInVietnam } from '../format/dates';
import { StateChip } from '../kpi/KpiCards';
import { kpiPath, type KpiReport, useApi } from '../kpi/kpiData';
import { definitionOf, formatKpi, monthLabel } from '../kpi/kpiFormat';

/**
 * The top of the dashboard: the user's area's KPIs of the last whole month with their status,
 * a link to the KPI page, and for those who record pickups, the fast entry form one tap away.
 */
export const KpiSummary = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const canRead = useCan('kpis', 'read');
  const canRecord = useCan('collections', 'create');
  const month = recentMonthsInVietnam(2)[1];
  const { data } = useApi<KpiReport>(canRead ? kpiPath(undefined, month) : null);

  return (
    <Box sx={{ mb: 2 }}>
      {canRecord && (
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          component={RouterLink}
          to="/collections/create"
          sx={{ mb: 2 }}
        >
          {translate('nguon.collections.record')}
        </Button>
      )}
      {data && (
        <Card>
          <CardHeader
            title={translate('nguon.kpi.summary.title', { month: monthLabel(data.month) })}
            subheader={data.unit.id === '*' ? translate('nguon.kpi.platform') : data.unit.name}
            slotProps={{ title: { variant: 'h6', component: 'h2' } }}
            action={
              <Button
                size="small"
                startIcon={<InsightsIcon />}
                component={RouterLink}
                to={`/kpis?${new URLSearchParams({ month: data.month })}`}
              >
                {translate('nguon.kpi.summary.open')}
              </Button>
            }
          />
          <CardContent sx={{ pt: 0 }}>
            <Grid container spacing={2}>
              {data.kpis.map((kpi) => (
                <Grid key={kpi.key} size={{ xs: 6, sm: 4, md: 'grow' }}>
                  <Typography variant="body2" color="text.secondary">
                    {definitionOf(kpi.key).label[locale === 'en' ? 'en' : 'vi']}
                  </Typography>
                  <Stack
                    direction="row"
                    spacing={1}
                    sx={{ alignItems: 'center', flexWrap: 'wrap' }}
                  >
                    <Typography variant="h6" component="p">
                      {formatKpi(kpi.key, kpi.value)}
                    </Typography>
                    <StateChip state={kpi.status} />
                  </Stack>
                </Grid>
              ))}
            </Grid>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};

import { Alert, Box, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Headline } from './Headline';
import { KpiSummary } from './KpiSummary';
import { RegisterTable } from './RegisterTable';
import { useRegisterStats } from './useRegisterStats';

// recharts is most of the dashboard's weight; the table and totals need not wait for it.
const RegisterChart = lazy(() => import('./RegisterChart'));

/**
 * The area's KPIs of the last whole month (and, for collectors, the pickup form), then how far
 * each ward's register is digitised: its households by completeness band.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { data, error } = useRegisterStats();

  return (
    // A grid of one shrinkable column: wide tables scroll inside it instead of widening the page.
    <Box sx={{ mt: 2, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title={translate('nguon.dashboard.title')} />
      <KpiSummary />
      {error && <Alert severity="error">{error.message}</Alert>}
      {!data && !error && <LinearProgress />}
      {data && (
        <>
          <Headline wards={data} />
          <Card sx={{ mb: 2 }}>
            <CardHeader title={translate('nguon.dashboard.chart')} />
            <CardContent>
              <Suspense fallback={<LinearProgress />}>
                <RegisterChart wards={data} />
              </Suspense>
            </CardContent>
          </Card>
          <Card sx={{ overflowX: 'auto' }}>
            <CardHeader title={translate('nguon.dashboard.table')} />
            <RegisterTable wards={data} />
          </Card>
        </>
      )}
    </Box>
  );
};

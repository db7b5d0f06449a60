import { Alert, Box, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Headline } from './Headline';
import { RegisterTable } from './RegisterTable';
import { useRegisterStats } from './useRegisterStats';

// recharts is most of the dashboard's weight; the table and totals need not wait for it.
const RegisterChart = lazy(() => import('./RegisterChart'));

/** How far each ward's register is digitised: its households by completeness band. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { data, error } = useRegisterStats();

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('nguon.dashboard.title')} />
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
          <Card>
            <CardHeader title={translate('nguon.dashboard.table')} />
            <RegisterTable wards={data} />
          </Card>
        </>
      )}
    </Box>
  );
};

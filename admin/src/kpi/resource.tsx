import InsightsIcon from '@mui/icons-material/Insights';
import { lazy, Suspense } from 'react';
import { Loading, Resource } from 'react-admin';
import { Route } from 'react-router';

const KpiPage = lazy(() => import('./KpiPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));

const page = (Page: typeof KpiPage) => () => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

const KpiList = page(KpiPage);
const Review = page(ReviewPage);

/**
 * The KPI dashboard as a menu entry: `kpis` is in every role's menu (shared/auth/roles.ts) and
 * every role reads it, so react-admin's menu offers it like a resource. Its "list" is the
 * dashboard; the annual review lives under it at /kpis/review.
 */
export const kpiResource = (
  <Resource name="kpis" list={KpiList} icon={InsightsIcon} options={{ label: 'nguon.kpi.menu' }}>
    <Route path="review" element={<Review />} />
  </Resource>
);

import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router';
import type { ResourceDef } from '../../../shared/resources/types';
import type { ResourceViews } from '../generated/views';
import { PaymentList, PaymentReviewList } from './PaymentList';
import { PaymentShow } from './PaymentShow';

// Pages a session may never open: loaded when first visited (the statement reader is large).
const BankStatementPage = lazy(() => import('./BankStatementPage'));
const DailyTotalsPage = lazy(() => import('./DailyTotalsPage'));

const suspended = (Page: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

/**
 * Fee payments get their own list (a day filter, links to the review queue, daily totals and
 * the statement import) and page (the bills paid, finance's resolution). A bill's page offers
 * BillCashButton ("Thu tiền mặt") through the bills' own views. Undefined for every other
 * resource.
 */
export const paymentsViewsOf = (def: ResourceDef): ResourceViews | undefined => {
  if (def.name === 'payments') return { list: PaymentList, show: PaymentShow };

  return undefined;
};

export const paymentsIcons: Record<string, ComponentType> = { payments: PointOfSaleIcon };

/** Pages inside the admin's layout, beside the payments resource's own. */
export const paymentsRoutes = [
  <Route key="review" path="/payments/review" element={<PaymentReviewList />} />,
  <Route key="daily" path="/payments/daily" element={suspended(DailyTotalsPage)} />,
  <Route
    key="bank-statement"
    path="/payments/bank-statement"
    element={suspended(BankStatementPage)}
  />,
];

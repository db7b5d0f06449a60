import AssessmentIcon from '@mui/icons-material/Assessment';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import PaymentsIcon from '@mui/icons-material/Payments';
import ReceiptIcon from '@mui/icons-material/Receipt';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import ListIcon from '@mui/icons-material/List';
import { Button } from '@mui/material';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink, Route } from 'react-router';
import type { ResourceDef } from '../../../shared/resources/types';
import { generateViews, type ResourceViews } from '../generated/views';
import { InvoiceList } from './InvoiceList';
import { InvoiceShow } from './InvoiceShow';
import { invoicesOfMonth, RunBillingButton } from './RunBillingButton';

// Pages a session may never open: loaded when first visited.
const InvoicePrintPage = lazy(() => import('./InvoicePrintPage'));
const StatementPage = lazy(() => import('./StatementPage'));
const LazyFinanceReports = lazy(() => import('../finance/FinanceReportsPage'));

const suspended = (Page: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

/** "Xem hóa đơn tháng này" on a billing run's page. */
const RunInvoicesLink = () => {
  const translate = useTranslate();
  const run = useRecordContext();
  if (!run) return null;

  return (
    <Button
      size="small"
      component={RouterLink}
      to={invoicesOfMonth(String(run.month))}
      startIcon={<ListIcon />}
    >
      {translate('billing.run.show_invoices')}
    </Button>
  );
};

/**
 * The billing resources' views where the generated ones are not enough: invoices get their own
 * list (a billed-month picker) and page (payments, void, print, online payment); billing runs a
 * "run billing" button. Undefined for every other resource.
 */
export const billingViewsOf = (def: ResourceDef): ResourceViews | undefined => {
  if (def.name === 'invoices') return { list: InvoiceList, show: InvoiceShow };
  if (def.name === 'billing-runs') {
    return generateViews(def, {
      actions: <RunBillingButton />,
      recordActions: <RunInvoicesLink />,
    });
  }

  return undefined;
};

export const billingIcons: Record<string, ComponentType> = {
  invoices: ReceiptIcon,
  'invoice-payments': PaymentsIcon,
  'price-plans': RequestQuoteIcon,
  'billing-runs': EventRepeatIcon,
  'finance-reports': AssessmentIcon,
};

/** The finance reports page, registered as the `finance-reports` resource's list. */
export const FinanceReportsList = () => suspended(LazyFinanceReports);

/** Pages inside the admin's layout: an account's statement. */
export const billingRoutes = (
  <Route path="/accounts/:id/statement" element={suspended(StatementPage)} />
);

/** Pages without the admin's layout: the printable invoice. */
export const billingPrintRoutes = (
  <Route path="/invoices/:id/print" element={suspended(InvoicePrintPage)} />
);

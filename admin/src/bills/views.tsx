import PriceChangeIcon from '@mui/icons-material/PriceChange';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import ViewListIcon from '@mui/icons-material/ViewList';
import { lazy, Suspense, type ComponentType } from 'react';
import { Button, Loading } from 'react-admin';
import { Link as RouterLink, Route } from 'react-router';
import type { ResourceDef } from '../../../shared/resources/types';
import { generateViews, type ResourceViews } from '../generated/views';
import { BillCashButton } from '../payments/BillCashButton';
import { CloseBillButtons } from './CloseBillButtons';
import { RunBillsButton } from './RunBillsButton';

// Opened by those who follow up what is owed; most sessions never do.
const UnpaidByHamletPage = lazy(() => import('./UnpaidByHamletPage'));

export const UNPAID_PATH = '/bills/unpaid-by-hamlet';

const UnpaidLink = () => (
  <Button label="fees.unpaid.open" component={RouterLink} to={UNPAID_PATH}>
    <ViewListIcon />
  </Button>
);

/**
 * The bills' generated views with their own buttons: "generate bills" and "unpaid by hamlet" on
 * the list; on an unpaid bill, the payments' "cash received" and "waive" and "cancel". Undefined
 * for every other resource (fee schedules are the generated views as they are).
 */
export const feeViewsOf = (def: ResourceDef): ResourceViews | undefined => {
  if (def.name !== 'bills') return undefined;

  return generateViews(def, {
    actions: (
      <>
        <RunBillsButton />
        <UnpaidLink />
      </>
    ),
    recordActions: (
      <>
        <BillCashButton />
        <CloseBillButtons />
      </>
    ),
  });
};

export const feeIcons: Record<string, ComponentType> = {
  bills: ReceiptLongIcon,
  'fee-schedules': PriceChangeIcon,
};

/** Pages inside the admin's layout: the unpaid report per hamlet. */
export const feeRoutes = (
  <Route
    path={UNPAID_PATH}
    element={
      <Suspense fallback={<Loading />}>
        <UnpaidByHamletPage />
      </Suspense>
    }
  />
);

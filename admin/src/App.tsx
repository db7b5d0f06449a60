import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BusinessIcon from '@mui/icons-material/Business';
import HistoryIcon from '@mui/icons-material/History';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import PeopleIcon from '@mui/icons-material/People';
import { lazy, Suspense, type ComponentType } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router';
import { resources } from '../../shared/resources';
import type { ResourceDef } from '../../shared/resources/types';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { feeIcons, feeRoutes, feeViewsOf } from './bills/views';
import { CollectionIcon, collectionRoutes, collectionViews } from './collections/views';
import {
  billingIcons,
  billingPrintRoutes,
  billingRoutes,
  billingViewsOf,
  FinanceReportsList,
} from './billing/views';
import { LoginPage } from './auth/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { authProvider, dataProvider } from './data/api';
import { representationOf } from './generated/representation';
import { generateViews, type ResourceViews } from './generated/views';
import { HouseholdListActions } from './households/HouseholdListActions';
import { HouseholdShow } from './households/HouseholdShow';
import { i18nProvider } from './i18n/i18nProvider';
import { kpiResource } from './kpi/resource';
import { AppLayout } from './layout/AppLayout';
import { paymentsIcons, paymentsRoutes, paymentsViewsOf } from './payments/views';
import { createUnitList } from './units/UnitList';
import { ResetPasswordButton } from './users/ResetPasswordButton';

// The import page carries the spreadsheet readers; most sessions never open it.
const ImportPage = lazy(() => import('./households/import/ImportPage'));

/**
 * Where a resource needs more than its generated views: households get import and export
 * buttons, units open as a tree (the generated list stays one click away), a user's page can
 * reset their password.
 */
const viewsOf = (def: ResourceDef): ResourceViews => {
  const billing = billingViewsOf(def);
  if (billing) return billing;
  const fees = feeViewsOf(def);
  if (fees) return fees;
  const payments = paymentsViewsOf(def);
  if (payments) return payments;
  if (def.name === 'households') {
    return { ...generateViews(def, { actions: <HouseholdListActions /> }), show: HouseholdShow };
  }
  if (def.name === 'collections') return collectionViews(def);
  if (def.name === 'users') {
    return generateViews(def, { recordActions: <ResetPasswordButton /> });
  }
  const views = generateViews(def);
  if (def.name === 'units') return { ...views, list: createUnitList(views.list) };

  return views;
};

const icons: Record<string, ComponentType> = {
  households: HomeWorkIcon,
  units: AccountTreeIcon,
  accounts: BusinessIcon,
  users: PeopleIcon,
  'audit-events': HistoryIcon,
  collections: CollectionIcon,
  ...billingIcons,
  ...paymentsIcons,
  ...feeIcons,
};

const views = resources.map((def) => ({ def, views: viewsOf(def) }));

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    loginPage={LoginPage}
    title="Nguồn"
    disableTelemetry
    requireAuth
  >
    {views.map(({ def, views: { list, show, edit, create } }) => (
      <Resource
        key={def.name}
        name={def.name}
        list={list}
        show={show}
        edit={edit}
        create={create}
        recordRepresentation={representationOf(def)}
        icon={icons[def.name]}
      />
    ))}
    <CustomRoutes>
      <Route
        path="/households/import"
        element={
          <Suspense fallback={<Loading />}>
            <ImportPage />
          </Suspense>
        }
      />
      <Route path="/password" element={<ChangePasswordPage />} />
      {collectionRoutes}
      {billingRoutes}
      {paymentsRoutes}
      {feeRoutes}
    </CustomRoutes>
    <CustomRoutes noLayout>{billingPrintRoutes}</CustomRoutes>
    {kpiResource}
    <Resource
      name="finance-reports"
      list={FinanceReportsList}
      icon={billingIcons['finance-reports']}
    />
  </Admin>
);

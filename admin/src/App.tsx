import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BusinessIcon from '@mui/icons-material/Business';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { lazy, Suspense, type ComponentType } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router';
import { resources } from '../../shared/resources';
import type { ResourceDef } from '../../shared/resources/types';
import { Dashboard } from './dashboard/Dashboard';
import { authProvider, dataProvider } from './data/api';
import { generateViews, type ResourceViews } from './generated/views';
import { HouseholdListActions } from './households/HouseholdListActions';
import { i18nProvider } from './i18n/i18nProvider';
import { createUnitList } from './units/UnitList';

// The import page carries the spreadsheet readers; most sessions never open it.
const ImportPage = lazy(() => import('./households/import/ImportPage'));

/**
 * Where a resource needs more than its generated views: households get import and export
 * buttons, units open as a tree (the generated list stays one click away).
 */
const viewsOf = (def: ResourceDef): ResourceViews => {
  if (def.name === 'households') {
    return generateViews(def, { actions: <HouseholdListActions /> });
  }
  const views = generateViews(def);
  if (def.name === 'units') return { ...views, list: createUnitList(views.list) };

  return views;
};

const icons: Record<string, ComponentType> = {
  households: HomeWorkIcon,
  units: AccountTreeIcon,
  accounts: BusinessIcon,
};

const views = resources.map((def) => ({ def, views: viewsOf(def) }));

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
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
        recordRepresentation={def.recordRepresentation}
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
    </CustomRoutes>
  </Admin>
);

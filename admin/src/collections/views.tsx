import RecyclingIcon from '@mui/icons-material/Recycling';
import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router';
import type { ResourceDef } from '../../../shared/resources/types';
import { generateViews, type ResourceViews } from '../generated/views';
import { CollectionCreate } from './CollectionCreate';
import { CollectionListActions } from './CollectionListActions';

// The import page carries the spreadsheet readers; most sessions never open it.
const CollectionImportPage = lazy(() => import('./CollectionImportPage'));

/** Collections: the generated list, show and edit, with the fast entry form as the create page. */
export const collectionViews = (def: ResourceDef): ResourceViews => ({
  ...generateViews(def, { actions: <CollectionListActions /> }),
  create: CollectionCreate,
});

export const CollectionIcon = RecyclingIcon;

export const collectionRoutes = (
  <Route
    path="/collections/import"
    element={
      <Suspense fallback={<Loading />}>
        <CollectionImportPage />
      </Suspense>
    }
  />
);

import type { ReactElement } from 'react';
import {
  BulkDeleteButton,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  TopToolbar,
} from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { fieldFor } from './fields';
import { filtersFor } from './filters';

/**
 * Filters in a row across the page, the buttons under them when both do not fit: by default the
 * buttons keep their width and the filters are squeezed into one column.
 */
const toolbarLayout = {
  '& .RaList-actions': { flexWrap: 'wrap' },
  '& .RaList-actions > form': { flex: '1 1 560px' },
};

export interface ListOptions {
  /** Buttons beside "Add filter" and "Create", e.g. import and export. */
  actions?: ReactElement;
}

/**
 * The generated list: a column per `list: true` field, the definition's filters and default
 * sort. react-admin's export button is left out: it would export only what it fetched itself.
 */
export const createList = (def: ResourceDef, options: ListOptions = {}) => {
  const filters = filtersFor(def);
  const columns = def.fields
    .filter((field) => field.list)
    .map((field) => fieldFor(def, field, true));
  const bulkActions = def.canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false;
  const actions = (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      {options.actions}
    </TopToolbar>
  );

  const GeneratedList = () => (
    <List
      filters={filters}
      sort={def.defaultSort}
      actions={actions}
      perPage={25}
      sx={toolbarLayout}
    >
      <Datagrid rowClick="show" bulkActionButtons={bulkActions}>
        {columns}
      </Datagrid>
    </List>
  );
  GeneratedList.displayName = `${def.name}List`;

  return GeneratedList;
};

import { useMemo, type ReactElement } from 'react';
import {
  BulkDeleteButton,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  TopToolbar,
} from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { useCan } from '../auth/useCan';
import { fieldFor, isDisplayed } from './fields';
import { filterDefaults, filtersFor } from './filters';

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
 * Create and delete are offered only where the definition and the signed-in role both allow
 * them (CreateButton asks the role itself; the row checkboxes are decided here).
 */
export const createList = (def: ResourceDef, options: ListOptions = {}) => {
  const filters = filtersFor(def);
  const columns = def.fields
    .filter((field) => field.list && isDisplayed(field))
    .map((field) => fieldFor(def, field, true));
  const actions = (
    <TopToolbar>
      {filters.length > 0 && <FilterButton />}
      {!def.readOnly && <CreateButton />}
      {options.actions}
    </TopToolbar>
  );

  const GeneratedList = () => {
    const canDelete = useCan(def.name, 'delete') && def.canDelete && !def.readOnly;
    // At each visit, not when the module loaded: a tab left open for days still opens on today.
    const defaults = useMemo(() => filterDefaults(def), []);

    return (
      <List
        filters={filters}
        filterDefaultValues={defaults}
        sort={def.defaultSort}
        actions={actions}
        perPage={25}
        sx={toolbarLayout}
      >
        <Datagrid
          rowClick="show"
          bulkActionButtons={canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
        >
          {columns}
        </Datagrid>
      </List>
    );
  };
  GeneratedList.displayName = `${def.name}List`;

  return GeneratedList;
};

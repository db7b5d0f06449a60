import { Box, useMediaQuery, type Theme } from '@mui/material';
import { useMemo, type ReactElement } from 'react';
import {
  BulkDeleteButton,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  type RaRecord,
  SimpleList,
  TopToolbar,
} from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { useCan } from '../auth/useCan';
import { fieldFor, isDisplayed } from './fields';
import { filterDefaults, filtersFor } from './filters';
import { representationOf } from './representation';

/**
 * Filters in a row across the page, the buttons under them when both do not fit: by default the
 * buttons keep their width and the filters are squeezed into one column. Not on a phone: there
 * react-admin stacks the buttons above the filters in a column, and wrapping that column put the
 * buttons in a second one beside the page, past its right edge.
 */
const toolbarLayout = (theme: Theme) => ({
  [theme.breakpoints.up('sm')]: {
    '& .RaList-actions': { flexWrap: 'wrap' },
    '& .RaList-actions > form': { flex: '1 1 560px', minWidth: 0, flexWrap: 'wrap' },
    '& .RaList-actions > .MuiToolbar-root': { flexWrap: 'wrap', minHeight: 0 },
  },
});

/** How many list columns, after the record's name, a phone's one-line-per-record list shows. */
const PHONE_DETAILS = 3;

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
  // On a phone a table of many columns cannot be read: each record becomes its name with a few
  // of the list columns under it, and a tap opens it.
  const named = representationOf(def);
  const primaryText = (record: RaRecord) =>
    typeof named === 'function' ? named(record) : String(record[named] ?? '');
  const details = def.fields
    .filter(
      (field) => field.list && isDisplayed(field) && field.source !== def.recordRepresentation,
    )
    .slice(0, PHONE_DETAILS)
    .map((field) => fieldFor(def, field, true));
  const secondaryText = () => (
    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5 }}>
      {details}
    </Box>
  );
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
    const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

    return (
      <List
        filters={filters}
        filterDefaultValues={defaults}
        sort={def.defaultSort}
        actions={actions}
        perPage={25}
        sx={toolbarLayout}
      >
        {phone ? (
          <SimpleList primaryText={primaryText} secondaryText={secondaryText} linkType="show" />
        ) : (
          <Datagrid
            rowClick="show"
            bulkActionButtons={canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
          >
            {columns}
          </Datagrid>
        )}
      </List>
    );
  };
  GeneratedList.displayName = `${def.name}List`;

  return GeneratedList;
};

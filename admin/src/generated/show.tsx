import type { ReactElement } from 'react';
import { DeleteButton, EditButton, Show, SimpleShowLayout, TopToolbar } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { RecordHistory } from '../audit/RecordHistory';
import { fieldFor, isDisplayed } from './fields';
import { ShowError } from './RecordError';

export interface RecordOptions {
  /** Buttons for one record beside "Edit" and "Delete", e.g. resetting a user's password. */
  recordActions?: ReactElement;
}

/**
 * Every field of the definition, the server's own included (completeness, timestamps), and for
 * an audited resource the record's history. Edit and Delete hide themselves from a role that
 * may not use them.
 */
export const createShow = (def: ResourceDef, options: RecordOptions = {}) => {
  const fields = def.fields.filter(isDisplayed).map((field) => fieldFor(def, field));
  const actions = (
    <TopToolbar>
      {!def.readOnly && <EditButton />}
      {options.recordActions}
      {def.canDelete && !def.readOnly && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );

  const GeneratedShow = () => (
    <Show actions={actions} error={<ShowError />}>
      <SimpleShowLayout>{fields}</SimpleShowLayout>
      {def.audited && <RecordHistory resource={def.name} />}
    </Show>
  );
  GeneratedShow.displayName = `${def.name}Show`;

  return GeneratedShow;
};

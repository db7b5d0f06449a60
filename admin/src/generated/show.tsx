import { DeleteButton, EditButton, Show, SimpleShowLayout, TopToolbar } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { fieldFor } from './fields';

/** Every field of the definition, the server's own included (completeness, timestamps). */
export const createShow = (def: ResourceDef) => {
  const fields = def.fields.map((field) => fieldFor(def, field));
  const actions = (
    <TopToolbar>
      <EditButton />
      {def.canDelete && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );

  const GeneratedShow = () => (
    <Show actions={actions}>
      <SimpleShowLayout>{fields}</SimpleShowLayout>
    </Show>
  );
  GeneratedShow.displayName = `${def.name}Show`;

  return GeneratedShow;
};

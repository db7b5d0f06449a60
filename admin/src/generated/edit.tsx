import { Edit, ShowButton, TopToolbar } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { createForm } from './form';
import { normalizeFormValues } from './formValues';
import { EditError } from './RecordError';
import type { RecordOptions } from './show';

/** Pessimistic: a rejected save (validation, stale version) keeps the user in the form. */
export const createEdit = (def: ResourceDef, options: RecordOptions = {}) => {
  const Form = createForm(def, 'edit');
  const transform = (values: Record<string, unknown>) => normalizeFormValues(def, values);
  const actions = (
    <TopToolbar>
      <ShowButton />
      {options.recordActions}
    </TopToolbar>
  );

  const GeneratedEdit = () => (
    <Edit mutationMode="pessimistic" transform={transform} actions={actions} error={<EditError />}>
      <Form />
    </Edit>
  );
  GeneratedEdit.displayName = `${def.name}Edit`;

  return GeneratedEdit;
};

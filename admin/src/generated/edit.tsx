import { Edit } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { createForm } from './form';
import { normalizeFormValues } from './formValues';

/** Pessimistic: a rejected save (validation, stale version) keeps the user in the form. */
export const createEdit = (def: ResourceDef) => {
  const Form = createForm(def, 'edit');
  const transform = (values: Record<string, unknown>) => normalizeFormValues(def, values);

  const GeneratedEdit = () => (
    <Edit mutationMode="pessimistic" transform={transform}>
      <Form />
    </Edit>
  );
  GeneratedEdit.displayName = `${def.name}Edit`;

  return GeneratedEdit;
};

import { Create } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { createForm } from './form';
import { normalizeFormValues } from './formValues';

export const createCreate = (def: ResourceDef) => {
  const Form = createForm(def, 'create');
  const transform = (values: Record<string, unknown>) => normalizeFormValues(def, values);

  const GeneratedCreate = () => (
    <Create transform={transform} redirect="show">
      <Form />
    </Create>
  );
  GeneratedCreate.displayName = `${def.name}Create`;

  return GeneratedCreate;
};

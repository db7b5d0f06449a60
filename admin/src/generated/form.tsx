import { DeleteButton, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { inputFor, type FormMode } from './inputs';
import { createFormValidator } from './validateForm';

const FormToolbar = ({ canDelete }: { canDelete: boolean }) => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    {canDelete && <DeleteButton mutationMode="pessimistic" />}
  </Toolbar>
);

/**
 * The generated form. The record's other values (id, `version`, server fields) stay in the
 * form state untouched and go back with the update, so the server can detect a stale write.
 */
export const createForm = (def: ResourceDef, mode: FormMode) => {
  const inputs = def.fields.map((field) => inputFor(def, field, mode));
  const validate = createFormValidator(def);
  const toolbar = <FormToolbar canDelete={mode === 'edit' && def.canDelete} />;

  const GeneratedForm = () => (
    <SimpleForm validate={validate} toolbar={toolbar} warnWhenUnsavedChanges sx={{ maxWidth: 760 }}>
      {inputs}
    </SimpleForm>
  );
  GeneratedForm.displayName = `${def.name}Form`;

  return GeneratedForm;
};

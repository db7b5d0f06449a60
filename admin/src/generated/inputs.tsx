import { cloneElement, type ReactElement } from 'react';
import {
  BooleanInput,
  DateInput,
  DateTimeInput,
  FormDataConsumer,
  Labeled,
  NumberInput,
  PasswordInput,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import type { FieldDef, ResourceDef } from '../../../shared/resources/types';
import { fieldFor, isDisplayed, translatedChoices } from './fields';
import { LocationInput, SortingSinceInput } from './kindInputs';
import { OfferedChoiceInput } from './OfferedChoiceInput';
import { ReferenceAutocomplete } from './ReferenceAutocomplete';

export type FormMode = 'create' | 'edit';

/**
 * Marks an input as required (the asterisk) without validating: the form validates as a whole
 * with the server's zod schema, and react-hook-form ignores input rules when a form resolver
 * is set.
 */
const requiredMark: Validator = Object.assign(() => undefined, { isRequired: true });

const editorOf = (def: ResourceDef, field: FieldDef, mode: FormMode): ReactElement => {
  const { source } = field;
  const common = {
    source,
    // readOnly, not disabled: react-hook-form drops disabled values from the submit, and the
    // API expects the whole record back (a household without its unitId is refused).
    readOnly: mode === 'edit' && field.createOnly === true,
    validate: field.required ? requiredMark : undefined,
    defaultValue: mode === 'create' ? field.defaultValue : undefined,
  };

  switch (field.kind) {
    case 'longText':
      return <TextInput {...common} multiline minRows={3} fullWidth />;
    case 'number':
      return <NumberInput {...common} />;
    case 'date':
      return <DateInput {...common} />;
    case 'dateTime':
      return <DateTimeInput {...common} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'choice':
      return field.choicesByRole ? (
        <OfferedChoiceInput {...common} resource={def.name} field={field} />
      ) : (
        <SelectInput {...common} choices={translatedChoices(def.name, field)} />
      );
    case 'reference':
      return (
        <ReferenceAutocomplete
          {...common}
          reference={field.reference ?? ''}
          referenceFilter={field.referenceFilter}
        />
      );
    case 'phone':
      return <TextInput {...common} type="tel" helperText="nguon.hint.phone" />;
    case 'email':
      return <TextInput {...common} type="email" />;
    case 'password':
      // A browser must not offer the signed-in user's own saved password for someone else.
      return <PasswordInput {...common} autoComplete="new-password" />;
    case 'sortingSince':
      return <SortingSinceInput {...common} />;
    case 'location':
      return <LocationInput {...common} />;
    default:
      return <TextInput {...common} />;
  }
};

/** Server-owned values are shown in the form for reference, never as inputs. */
const readOnlyOf = (def: ResourceDef, field: FieldDef): ReactElement => (
  <Labeled source={field.source}>{fieldFor(def, field)}</Labeled>
);

/**
 * Whether a field has a place in this form: server values do not exist before a create, and a
 * write-only value set on create (an initial password) is changed through its own action.
 */
const inForm = (field: FieldDef, mode: FormMode): boolean => {
  if (field.serverOwned) return mode === 'edit' && isDisplayed(field);
  if (!isDisplayed(field) && field.createOnly) return mode === 'create';

  return true;
};

/**
 * The form element for one field, or null when the field has no place in this form. A
 * `showWhen` field appears only while the other field has the given value.
 */
export const inputFor = (
  def: ResourceDef,
  field: FieldDef,
  mode: FormMode,
): ReactElement | null => {
  if (!inForm(field, mode)) return null;
  const element = field.serverOwned ? readOnlyOf(def, field) : editorOf(def, field, mode);
  const { showWhen } = field;
  if (!showWhen) return cloneElement(element, { key: field.source });

  return (
    <FormDataConsumer key={field.source}>
      {({ formData }) =>
        (formData as Record<string, unknown>)[showWhen.source] === showWhen.equals ? element : null
      }
    </FormDataConsumer>
  );
};

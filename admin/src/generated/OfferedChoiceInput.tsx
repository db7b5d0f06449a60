import { SelectInput, useGetIdentity, useRecordContext, type Validator } from 'react-admin';
import type { FieldDef } from '../../../shared/resources/types';
import type { Identity } from '../auth/authProvider';
import { translatedChoices } from './fields';

interface Props {
  source: string;
  resource: string;
  field: FieldDef;
  readOnly?: boolean;
  validate?: Validator;
  defaultValue?: unknown;
}

/**
 * A choice whose options depend on the signed-in role (`choicesByRole`): a ward's admin may make
 * users ward admins, collectors or viewers, never operators. The record's current value stays
 * among the options, so an edit never shows an empty select.
 */
export const OfferedChoiceInput = ({ resource, field, ...input }: Props) => {
  const { identity, isPending } = useGetIdentity();
  const record = useRecordContext();
  const role = (identity as Identity | undefined)?.role;
  const allowed = role ? field.choicesByRole?.[role] : undefined;
  const current = record?.[field.source] as unknown;
  const choices = translatedChoices(resource, field).filter(
    (choice) => !role || !allowed || allowed.includes(choice.id) || choice.id === current,
  );

  return <SelectInput {...input} choices={choices} isPending={isPending} />;
};

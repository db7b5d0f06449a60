import { cloneElement, type ReactElement } from 'react';
import {
  BooleanField,
  EmailField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
} from 'react-admin';
import type { FieldDef, ResourceDef } from '../../../shared/resources/types';
import { ActorField } from '../audit/ActorField';
import { choiceKey } from '../i18n/resourceMessages';
import { ChangesField } from './ChangesField';
import {
  CompletenessField,
  DateTextField,
  LocationField,
  PhoneField,
  SortingSinceField,
  UnitPathField,
} from './kindFields';

/** Choices whose names are translation keys, so lists follow the current language. */
export const translatedChoices = (
  resource: string,
  field: { source: string; choices?: FieldDef['choices'] },
) =>
  (field.choices ?? []).map((choice) => ({
    id: choice.id,
    name: choiceKey(resource, field.source, choice.id),
  }));

/** Changes of an audit event a list row shows; the event's own page shows them all. */
const CHANGES_IN_LIST = 3;

/** Whether a field is ever displayed: a write-only value (a password) never comes back. */
export const isDisplayed = (field: FieldDef): boolean =>
  !field.writeOnly && field.kind !== 'password';

/**
 * The display component for one field of a definition. Labels are not passed: react-admin
 * finds `resources.<name>.fields.<source>`, generated from the definition's labels.
 */
export const fieldFor = (def: ResourceDef, field: FieldDef, inList = false): ReactElement =>
  cloneElement(displayOf(def, field, inList), { key: field.source });

const displayOf = (def: ResourceDef, field: FieldDef, inList: boolean): ReactElement => {
  const { source } = field;
  // The API answers 400 to any other sort, so the other columns must not offer it.
  const sortable = inList ? def.sortableFields.includes(source) : undefined;
  const common = { source, sortable };
  // Writes by the platform itself are recorded as "system": named in the reader's language.
  if (def.name === 'audit-events' && source === 'username') return <ActorField {...common} />;

  switch (field.kind) {
    case 'number':
      return <NumberField {...common} locales="vi-VN" />;
    case 'date':
      return <DateTextField {...common} />;
    case 'dateTime':
      return <DateTextField {...common} withTime />;
    case 'choice':
      return <SelectField {...common} choices={translatedChoices(def.name, field)} />;
    case 'reference':
      return (
        <ReferenceField {...common} reference={field.reference ?? ''} link="show" emptyText="" />
      );
    case 'phone':
      return <PhoneField {...common} />;
    case 'email':
      return <EmailField {...common} />;
    case 'sortingSince':
      return <SortingSinceField {...common} />;
    case 'location':
      return <LocationField {...common} />;
    case 'completeness':
      return <CompletenessField {...common} />;
    case 'path':
      return <UnitPathField {...common} />;
    case 'longText':
      return <TextField {...common} sx={{ whiteSpace: 'pre-wrap' }} />;
    case 'boolean':
      return <BooleanField {...common} />;
    case 'changes':
      return <ChangesField {...common} limit={inList ? CHANGES_IN_LIST : undefined} />;
    default:
      return <TextField {...common} />;
  }
};

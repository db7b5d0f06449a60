import { useGetManyAggregate, useTranslate, type TranslateFunction } from 'react-admin';
import { COMPLETE_AT } from '../../../shared/households/fields';
import { resourceByName } from '../../../shared/resources';
import type { FieldDef } from '../../../shared/resources/types';
import { pathIds } from '../../../shared/units/fields';
import { formatDate, formatDateTime } from '../format/dates';
import { formatCount } from '../format/numbers';
import { formatPhone } from '../format/phone';
import { choiceKey } from '../i18n/resourceMessages';
import { sortingText } from './kindFields';

interface Props {
  /** The resource of the changed record (households…), whose labels and choices apply. */
  resource: string;
  /** The changed field's definition; undefined for a field the definition does not list. */
  field: FieldDef | undefined;
  value: unknown;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * A referenced record by its name. Falls back to the id when the record is gone or lies
 * outside what the reader may see (the API then leaves it out of the answer).
 */
const ReferenceName = ({ reference, id }: { reference: string; id: string }) => {
  const { data } = useGetManyAggregate(reference, { ids: [id] }, { retry: false });
  const representation = resourceByName(reference)?.recordRepresentation ?? 'id';
  const name = data?.find((record) => String(record.id) === id)?.[representation];

  return <>{name ? String(name) : id}</>;
};

const formatValue = (
  resource: string,
  field: FieldDef | undefined,
  value: unknown,
  translate: TranslateFunction,
): string => {
  switch (field?.kind) {
    case 'choice':
      return translate(choiceKey(resource, field.source, String(value)), { _: String(value) });
    case 'boolean':
      return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    case 'date':
      return formatDate(String(value));
    case 'dateTime':
      return formatDateTime(String(value));
    case 'number':
      return typeof value === 'number' ? formatCount(value) : String(value);
    case 'phone':
      return formatPhone(String(value));
    case 'sortingSince':
      return sortingText(value, translate);
    case 'completeness':
      return `${String(value)}/${COMPLETE_AT}`;
    case 'location': {
      const { lat, lng } = value as { lat?: unknown; lng?: unknown };

      return `${String(lat)}, ${String(lng)}`;
    }
    case 'path':
      return pathIds(String(value)).join(' › ');
    case 'password':
      // The trail never records secrets; should one slip through, it is still not shown.
      return '••••••';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
};

/** One value of an audit change, shown the way its field is shown everywhere else. */
export const ChangeValue = ({ resource, field, value }: Props) => {
  const translate = useTranslate();
  // For sorting at source, "no value" is an answer of its own: unknown.
  if (isBlank(value) && field?.kind !== 'sortingSince') {
    return <>{translate('nguon.audit.empty')}</>;
  }
  if (field?.kind === 'reference' && field.reference) {
    return <ReferenceName reference={field.reference} id={String(value)} />;
  }

  return <>{formatValue(resource, field, value, translate)}</>;
};

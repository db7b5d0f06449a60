import type { RaRecord } from 'react-admin';
import type { ResourceDef } from '../../../shared/resources/types';
import { formatDate, formatDateTime } from '../format/dates';

/**
 * How a record is named in titles and references: its `recordRepresentation` field, formatted
 * like that field (an audit event is named by its time, "04/12/2025 09:30", not an ISO string).
 */
export const representationOf = (def: ResourceDef): string | ((record: RaRecord) => string) => {
  const kind = def.fields.find((field) => field.source === def.recordRepresentation)?.kind;
  const value = (record: RaRecord) => record[def.recordRepresentation] as string | undefined;
  if (kind === 'dateTime') return (record) => formatDateTime(value(record));
  if (kind === 'date') return (record) => formatDate(value(record));

  return def.recordRepresentation;
};

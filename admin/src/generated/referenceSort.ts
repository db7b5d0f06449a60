import type { SortPayload } from 'react-admin';
import { resourceByName } from '../../../shared/resources';

/**
 * The sort an autocomplete asks for: by the name people type when the API can sort by it,
 * else the resource's default. react-admin's own default (id) would be answered with a 400.
 */
export const referenceSort = (reference: string): SortPayload => {
  const def = resourceByName(reference);
  if (!def) return { field: 'id', order: 'ASC' };
  if (def.sortableFields.includes(def.recordRepresentation)) {
    return { field: def.recordRepresentation, order: 'ASC' };
  }

  return def.defaultSort;
};

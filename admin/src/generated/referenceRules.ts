import { BASE_LEVELS } from '../../../shared/units/fields';
import { resourceByName } from '../../../shared/resources';
import type { SortPayload } from 'react-admin';

/** Which referenced records an input offers, and which other input narrows them. */
export interface ReferenceRule {
  filter?: Record<string, unknown>;
  /** The form field whose value is the parent of the offered records (`filter.parentId`). */
  parentFrom?: string;
}

/**
 * Reference inputs narrower than "any record of the resource". FieldDef has no place for this
 * yet (FilterDef has `referenceFilter`), so the rules are kept here by `<resource>.<source>`.
 */
export const referenceRules: Record<string, ReferenceRule> = {
  'households.unitId': { filter: { level: [...BASE_LEVELS] } },
  'households.hamletId': { filter: { level: 'hamlet' }, parentFrom: 'unitId' },
  'households.collectorId': { filter: { kind: 'collector' } },
};

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

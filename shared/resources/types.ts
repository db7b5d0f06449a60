import type { Role } from '../auth/roles';

/**
 * Resource definitions: what the admin panel is generated from and what the API checks
 * sort and filter parameters against. One definition per resource, in shared/<resource>/.
 */
export interface Label {
  vi: string;
  en: string;
}

export interface Choice {
  id: string;
  name: Label;
}

export type FieldKind =
  | 'text'
  | 'longText'
  | 'number'
  | 'date'
  | 'dateTime'
  | 'choice'
  | 'reference'
  | 'phone'
  | 'email'
  | 'sortingSince'
  | 'location'
  | 'completeness'
  | 'path'
  | 'boolean'
  | 'password'
  | 'changes';

/**
 * Which records a reference input offers: always those matching `static` (sent as the list
 * filter), and, while the form's `fromField.field` has a value, only those whose `as` filter
 * equals it. Changing that other field clears this one, since the old choice may not fit.
 * Example: a household's hamlet is `{ static: { level: 'hamlet' }, fromField: { field:
 * 'unitId', as: 'parentId' } }`: hamlets of the chosen ward.
 */
export interface ReferenceFilter {
  static?: Record<string, unknown>;
  fromField?: { field: string; as: string };
}

export interface FieldDef {
  source: string;
  label: Label;
  kind: FieldKind;
  choices?: Choice[];
  /** Resource the value points at, for `reference` fields. */
  reference?: string;
  /** Narrows the records a `reference` input offers; the API still checks what is sent. */
  referenceFilter?: ReferenceFilter;
  /**
   * For `choice` fields: the choices each role may pick (the roles a user may give); a role left
   * out picks from all. The others are still displayed, and a value the record already has stays
   * selectable.
   */
  choicesByRole?: Partial<Record<Role, readonly string[]>>;
  /** The input's value on a new record, e.g. a new user is active. */
  defaultValue?: unknown;
  /** Shown as a column of the list. */
  list?: boolean;
  /** The API can sort by it (there is an index for it). */
  sortable?: boolean;
  required?: boolean;
  /** Kept by the server: shown, never edited. */
  serverOwned?: boolean;
  /** Set on create only (e.g. the unit a household belongs to is moved by a dedicated action). */
  createOnly?: boolean;
  /** Sent by the client, never returned nor displayed (an initial password). */
  writeOnly?: boolean;
  /** Shown only when another field has one of these values. */
  showWhen?: { source: string; equals: string };
  helper?: Label;
}

export interface FilterDef {
  source: string;
  label: Label;
  /**
   * `month` is a calendar month `YYYY-MM` in Vietnam time; the list opens on the current month,
   * the month the API answers for when none is given.
   */
  kind: 'search' | 'choice' | 'reference' | 'text' | 'month';
  choices?: Choice[];
  reference?: string;
  /** Restricts the referenced records offered, e.g. only wards and communes. */
  referenceFilter?: ReferenceFilter;
  alwaysOn?: boolean;
}

export interface ResourceDef {
  name: string;
  label: { one: Label; many: Label };
  /** Field shown when another record references this one. */
  recordRepresentation: string;
  fields: FieldDef[];
  filters: FilterDef[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** Fields a list can be sorted by; the API answers 400 for any other. */
  sortableFields: string[];
  /** Whether the API allows deleting (units referenced by records are never deleted). */
  canDelete: boolean;
  /** No create, edit or delete at all (the audit trail). */
  readOnly?: boolean;
  /** Writes are kept in the audit trail: the record's page shows its history. */
  audited?: boolean;
}

export const choicesOf = (ids: readonly string[], labels: Record<string, Label>): Choice[] =>
  ids.map((id) => ({ id, name: labels[id] ?? { vi: id, en: id } }));

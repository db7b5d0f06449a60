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

export interface FieldDef {
  source: string;
  label: Label;
  kind: FieldKind;
  choices?: Choice[];
  /** Resource the value points at, for `reference` fields. */
  reference?: string;
  /** Shown as a column of the list. */
  list?: boolean;
  /** The API can sort by it (there is an index for it). */
  sortable?: boolean;
  required?: boolean;
  /** Kept by the server: shown, never edited. */
  serverOwned?: boolean;
  /** Set on create only (e.g. the unit a household belongs to is moved by a dedicated action). */
  createOnly?: boolean;
  /** Sent by the client on create, never returned (an initial password). */
  writeOnly?: boolean;
  /** Shown only when another field has one of these values. */
  showWhen?: { source: string; equals: string };
  helper?: Label;
}

export interface FilterDef {
  source: string;
  label: Label;
  kind: 'search' | 'choice' | 'reference' | 'text';
  choices?: Choice[];
  reference?: string;
  /** Restricts the referenced records offered, e.g. only wards and communes. */
  referenceFilter?: Record<string, unknown>;
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
}

export const choicesOf = (ids: readonly string[], labels: Record<string, Label>): Choice[] =>
  ids.map((id) => ({ id, name: labels[id] ?? { vi: id, en: id } }));

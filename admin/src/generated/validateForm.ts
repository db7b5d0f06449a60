import { toFieldErrors } from '../../../shared/validation';
import type { ResourceDef } from '../../../shared/resources/types';
import { normalizeFormValues, SORTING_DATE_PENDING } from './formValues';
import { inputSchemas } from './schemas';

type Values = Record<string, unknown>;
type FormErrors = Record<string, unknown>;

/** Puts "location.lat" style paths under their parent, where react-hook-form looks for them. */
const nest = (flat: Record<string, string>): FormErrors => {
  const nested: FormErrors = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let node = nested;
    keys.slice(0, -1).forEach((key) => {
      node[key] = typeof node[key] === 'object' && node[key] !== null ? node[key] : {};
      node = node[key] as FormErrors;
    });
    node[keys[keys.length - 1]] ??= message;
  }

  return nested;
};

/**
 * Client-side validation with the server's schema, run on submit. Only the fields the schema
 * knows are checked: the record's server-owned fields (id, version, completeness…) are left out.
 */
export const createFormValidator = (def: ResourceDef) => {
  const input = inputSchemas[def.name];

  return (values: Values): FormErrors => {
    if (!input) return {};
    const normalized = normalizeFormValues(def, values);
    const present = input.fields.filter((field) => field in normalized);
    const known = Object.fromEntries(present.map((field) => [field, normalized[field]]));
    const own: Record<string, string> = {};
    const creating = values.id === undefined || values.id === null;
    for (const field of def.fields) {
      if (field.kind === 'sortingSince' && known[field.source] === SORTING_DATE_PENDING) {
        own[field.source] = 'nguon.validation.sorting_date_required';
        known[field.source] = null;
      }
      // A write-only value (an initial password) is outside the record's schema: the API checks
      // its rules, this only makes sure it is not forgotten.
      const value = values[field.source];
      if (field.writeOnly && field.required && creating && (value === undefined || value === '')) {
        own[field.source] = 'ra.validation.required';
      }
    }

    const result = input.schema.safeParse(known);
    const errors = { ...(result.success ? {} : toFieldErrors(result.error)), ...own };
    // A whole-object message for a location belongs to its first box.
    for (const field of def.fields) {
      if (field.kind === 'location' && typeof errors[field.source] === 'string') {
        errors[`${field.source}.lat`] = errors[field.source];
        delete errors[field.source];
      }
    }
    // A message about no field in particular is shown where react-admin shows the server's.
    if (errors._) {
      errors['root.serverError'] = errors._;
      delete errors._;
    }

    return nest(errors);
  };
};

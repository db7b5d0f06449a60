/**
 * The fast entry form's values and what it sends: pure functions, so the rules (commas in
 * weights, blank is 0, a route pickup has no household, a refusal weighs nothing) are the same
 * whatever the screen looks like.
 */
import {
  type RefusalReason,
  type SortingStatus,
  WASTE_GROUPS,
  type WasteGroup,
  weightField,
} from '../../../shared/collections/fields';
import { collectionInputSchema } from '../../../shared/collections/schema';
import { toFieldErrors } from '../../../shared/validation';
import { VIETNAM_TIME_ZONE } from '../format/dates';

/** One household's pickup, or a whole hamlet's or route's. */
export type EntryMode = 'household' | 'route';

export interface EntryValues {
  unitId: string | null;
  hamletId: string | null;
  mode: EntryMode;
  householdId: string | null;
  householdsCovered: string;
  weights: Record<WasteGroup, string>;
  sortingStatus: SortingStatus | '';
  refusalReason: RefusalReason | '';
  /** `YYYY-MM-DDTHH:mm`, Vietnam time, as a datetime-local input holds it. */
  at: string;
  collectorId: string | null;
  note: string;
  photoUrl: string;
}

export const blankWeights = (): Record<WasteGroup, string> =>
  Object.fromEntries(WASTE_GROUPS.map((group) => [group, ''])) as Record<WasteGroup, string>;

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Now in Vietnam as a datetime-local value, whatever the phone's own time zone. */
export const nowInVietnamLocal = (now: Date = new Date()): string => {
  const parts = Object.fromEntries(
    localParts.formatToParts(now).map((part) => [part.type, part.value]),
  );

  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

/**
 * "12,5" and "12.5" are 12.5, blank is 0; anything else is sent as typed so that the schema
 * names the mistake ("phải là số kg") on the field.
 */
export const kgValue = (text: string): number | string => {
  const value = text.trim();
  if (value === '') return 0;
  const dotted = value.replace(/^(\d+),(\d+)$/, '$1.$2');

  return /^\d+(\.\d+)?$/.test(dotted) ? Number(dotted) : value;
};

/** The total the form shows while typing; what is not a number yet counts as nothing. */
export const totalKg = (weights: Record<WasteGroup, string>): number =>
  Math.round(
    WASTE_GROUPS.reduce((sum, group) => {
      const kg = kgValue(weights[group]);

      return sum + (typeof kg === 'number' ? kg * 10 : 0);
    }, 0),
  ) / 10;

/** The API's body for the form's values: the fields of `CollectionInput`, nothing else. */
export const entryBody = (values: EntryValues): Record<string, unknown> => {
  const refused = values.sortingStatus === 'refused';
  const covered = values.householdsCovered.trim();

  return {
    // A datetime-local value has no zone; the API reads a time without one as Vietnam time.
    at: values.at,
    unitId: values.unitId ?? '',
    hamletId: values.hamletId,
    householdId: values.mode === 'household' ? values.householdId : null,
    householdsCovered:
      values.mode === 'route' && covered !== ''
        ? /^\d+$/.test(covered)
          ? Number(covered)
          : covered
        : null,
    collectorId: values.collectorId ?? '',
    ...Object.fromEntries(
      WASTE_GROUPS.map((group) => [
        weightField(group),
        refused ? 0 : kgValue(values.weights[group]),
      ]),
    ),
    sortingStatus: values.sortingStatus || undefined,
    refusalReason: refused ? values.refusalReason || null : null,
    note: values.note.trim() || null,
    photoUrl: values.photoUrl.trim() || null,
  };
};

/**
 * The same checks the API runs on the fields alone, before anything is sent; what needs the
 * database (the household's ward, the collector's area, the weight bound) is the API's answer.
 */
export const checkEntry = (
  values: EntryValues,
  body: Record<string, unknown>,
): Record<string, string> => {
  const result = collectionInputSchema.safeParse(body);
  const errors: Record<string, string> = result.success ? {} : toFieldErrors(result.error);
  if (values.mode === 'household' && !values.householdId) {
    // The schema would ask for a route's count, a field a household pickup does not show.
    delete errors.householdsCovered;
    errors.householdId = 'nguon.collections.entry.household_required';
  }

  return errors;
};

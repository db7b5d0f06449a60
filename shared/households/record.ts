import { householdPathKey, keys, PLATFORM } from '../db/keys';
import { PATH_LEVELS, pathKeyAttr } from '../db/table';
import { ValidationError } from '../errors';
import { collationKey } from '../text/collation';
import { fold, searchText } from '../text/fold';
import { pathIds } from '../units/fields';
import { completenessOf, sortingStateOf } from './completeness';
import type { Household, HouseholdInput } from './fields';
import { HOUSEHOLD_INPUT_FIELDS } from './schema';

/** Codes are unique within a ward regardless of case, accents and spacing. */
export const codeKeyOf = (code: string): string => fold(code).replace(/\s+/g, '');

/** The stored item: the household plus the keys of every index it appears in. */
export const householdItem = (household: Household): Record<string, unknown> => {
  const ancestors = [PLATFORM, ...pathIds(household.unitPath)];
  if (ancestors.length > PATH_LEVELS) {
    throw new ValidationError('Đơn vị hành chính lồng quá sâu', { unitId: 'Quá sâu' });
  }

  return {
    ...keys.household(household.id),
    ...household,
    ...Object.fromEntries(ancestors.map((id, level) => [pathKeyAttr(level), householdPathKey(id)])),
    nameKey: `${collationKey(household.ownerName)}#${household.id}`,
    search: searchText([household.ownerName, household.code, household.address, household.phone]),
    sortingState: sortingStateOf(household.sortingSince),
    codeKey: codeKeyOf(household.code),
  };
};

/** Builds the next stored state from validated input. */
export const nextHousehold = (
  input: HouseholdInput,
  unitPath: string,
  base: { id: string; createdAt: string; version: number },
  now: string,
): Household => ({
  ...input,
  id: base.id,
  unitPath,
  completeness: completenessOf(input),
  createdAt: base.createdAt,
  updatedAt: now,
  version: base.version,
});

/** The client-writable part of a stored household. */
export const inputOf = (household: Household): HouseholdInput =>
  Object.fromEntries(
    HOUSEHOLD_INPUT_FIELDS.map((field) => [field, household[field as keyof Household] ?? null]),
  ) as unknown as HouseholdInput;

/** JSON with object keys in a fixed order: DynamoDB gives maps back in any key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

export const sameInput = (a: HouseholdInput, b: HouseholdInput): boolean =>
  HOUSEHOLD_INPUT_FIELDS.every(
    (field) =>
      canonical(a[field as keyof HouseholdInput]) === canonical(b[field as keyof HouseholdInput]),
  );

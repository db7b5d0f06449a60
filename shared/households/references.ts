import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { type FieldErrors, ValidationError } from '../errors';
import { BASE_LEVELS, childPath } from '../units/fields';
import type { HouseholdInput } from './fields';

interface ReferenceRecord {
  id: string;
  level?: string;
  parentId?: string | null;
  unitPath?: string;
  kind?: string;
}

/**
 * Checks the units and collector a household points at, in one batch read, and returns the
 * household's unit path: its ward's path, then its hamlet when it has one.
 */
export const resolveHouseholdPath = async (db: Db, input: HouseholdInput): Promise<string> => {
  const wanted = [keys.unit(input.unitId)];
  if (input.hamletId) wanted.push(keys.unit(input.hamletId));
  if (input.collectorId) wanted.push(keys.account(input.collectorId));
  const found = new Map(
    (await batchGet(db, wanted)).map((item) => [
      String(item.pk),
      item as unknown as ReferenceRecord,
    ]),
  );

  const ward = found.get(keys.unit(input.unitId).pk);
  const hamlet = input.hamletId ? found.get(keys.unit(input.hamletId).pk) : undefined;
  const collector = input.collectorId ? found.get(keys.account(input.collectorId).pk) : undefined;

  return householdPathFrom(input, ward, hamlet, collector);
};

/** The same checks on records already at hand (imports read them once per batch). */
export const householdPathFrom = (
  input: HouseholdInput,
  ward: ReferenceRecord | undefined,
  hamlet: ReferenceRecord | undefined,
  collector: ReferenceRecord | undefined,
): string => {
  const errors: FieldErrors = {};
  if (!ward || !BASE_LEVELS.includes(String(ward.level) as never)) {
    errors.unitId = 'Phường/xã không tồn tại';
  }
  if (
    input.hamletId &&
    (!hamlet || hamlet.level !== 'hamlet' || hamlet.parentId !== input.unitId)
  ) {
    errors.hamletId = 'Tổ dân phố/thôn không thuộc phường/xã đã chọn';
  }
  if (input.collectorId && (!collector || collector.kind !== 'collector')) {
    errors.collectorId = 'Đơn vị thu gom không tồn tại';
  }
  const first = Object.values(errors)[0];
  if (first) throw new ValidationError(first, errors, 'household.bad_reference');

  const wardPath = String(ward?.unitPath);

  return input.hamletId ? childPath(wardPath, input.hamletId) : wardPath;
};

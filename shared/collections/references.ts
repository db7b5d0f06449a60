import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { type FieldErrors, ValidationError } from '../errors';
import type { Household } from '../households/fields';
import { BASE_LEVELS, childPath, isUnder } from '../units/fields';
import { ictDate } from '../time/ict';
import {
  CLOCK_SKEW_MS,
  type CollectionInput,
  EARLIEST_PICKUP,
  MAX_KG,
  WASTE_GROUPS,
  weightField,
} from './fields';
import { TallyBook, tallyOfItem } from './tallies';

type Item = Record<string, unknown>;

/** Units, households and collector accounts a batch of collections points at, read once. */
export interface References {
  units: Map<string, Item>;
  households: Map<string, Household>;
  accounts: Map<string, Item>;
}

/**
 * Reads everything a batch of writes needs in one strongly consistent batch: the references of
 * the inputs and the household-month tallies the writes will move (`tallies`).
 */
export const readForWrites = async (
  db: Db,
  inputs: CollectionInput[],
  tallies: Array<{ householdId: string; month: string }>,
): Promise<{ references: References; book: TallyBook }> => {
  const unitIds = inputs.flatMap((i) => (i.hamletId ? [i.unitId, i.hamletId] : [i.unitId]));
  const householdIds = inputs.flatMap((i) => (i.householdId ? [i.householdId] : []));
  const items = await batchGet(
    db,
    [
      ...unitIds.map(keys.unit),
      ...householdIds.map(keys.household),
      ...inputs.map((i) => keys.account(i.collectorId)),
      ...tallies.map((t) => keys.householdPickups(t.householdId, t.month)),
    ],
    true,
  );
  const references: References = { units: new Map(), households: new Map(), accounts: new Map() };
  const book = new TallyBook();
  const tallyItems = new Map<string, Item>();
  for (const item of items) {
    const pk = String(item.pk);
    if (pk.startsWith('UNIT#')) references.units.set(String(item.id), item);
    else if (pk.startsWith('ACCOUNT#')) references.accounts.set(String(item.id), item);
    else if (item.sk === 'HOUSEHOLD') references.households.set(String(item.id), item as never);
    else tallyItems.set(`${item.householdId}|${item.month}`, item);
  }
  for (const { householdId, month } of tallies) {
    book.set(householdId, month, tallyOfItem(tallyItems.get(`${householdId}|${month}`)));
  }

  return { references, book };
};

const fail = (errors: FieldErrors, code = 'collection.invalid'): never => {
  throw new ValidationError(Object.values(errors)[0] ?? 'Dữ liệu không hợp lệ', errors, code);
};

/** The weight bound of one record: by the household's kind, or a route's truckload. */
const maxKgOf = (household: Household | undefined): number => {
  if (!household) return MAX_KG.route;

  return !household.kind || household.kind === 'household' ? MAX_KG.household : MAX_KG.otherSource;
};

/**
 * Checks one collection against what it points at and who records it, and returns where it is
 * counted: the household's ward and hamlet, or the route's hamlet (or ward). A ward or household
 * outside the caller's area is answered as if it did not exist.
 */
export const resolveCollection = (
  input: CollectionInput,
  references: References,
  now: string,
  caller?: Principal,
): { unitPath: string; hamletId: string | null } => {
  const errors: FieldErrors = {};
  if (Date.parse(input.at) > Date.parse(now) + CLOCK_SKEW_MS) {
    errors.at = 'Thời điểm thu gom không được ở tương lai';
  } else if (input.at < EARLIEST_PICKUP) {
    errors.at = 'Thời điểm thu gom quá xa trong quá khứ (trước năm 2015)';
  }

  const scope = scopeOf(caller);
  const ward = references.units.get(input.unitId);
  if (
    !ward ||
    !BASE_LEVELS.includes(ward.level as never) ||
    !isUnder(String(ward.unitPath), scope)
  ) {
    fail({ ...errors, unitId: 'Phường/xã không tồn tại' });
  }
  const wardPath = String(ward?.unitPath);

  const household = input.householdId ? references.households.get(input.householdId) : undefined;
  if (input.householdId) {
    if (!household || !isUnder(household.unitPath, scope)) {
      errors.householdId = 'Hộ không tồn tại';
    } else if (household.unitId !== input.unitId) {
      errors.householdId = 'Hộ không thuộc phường/xã đã chọn';
    } else if (input.hamletId && household.hamletId !== input.hamletId) {
      errors.hamletId = 'Hộ thuộc tổ dân phố/thôn khác';
    } else if (
      household.status === 'inactive' &&
      household.inactiveSince &&
      household.inactiveSince <= ictDate(input.at)
    ) {
      errors.householdId = `Hộ đã ngừng từ ngày ${household.inactiveSince}`;
    }
  }

  const hamletId = household ? household.hamletId : input.hamletId;
  if (!household && input.hamletId) {
    const hamlet = references.units.get(input.hamletId);
    if (!hamlet || hamlet.level !== 'hamlet' || hamlet.parentId !== input.unitId) {
      errors.hamletId = 'Tổ dân phố/thôn không thuộc phường/xã đã chọn';
    }
  }
  const unitPath = household?.unitPath ?? (hamletId ? childPath(wardPath, hamletId) : wardPath);

  const collector = references.accounts.get(input.collectorId);
  if (!collector || collector.kind !== 'collector') {
    errors.collectorId = 'Đơn vị thu gom không tồn tại';
  } else if (collector.status !== 'active') {
    errors.collectorId = 'Đơn vị thu gom đang tạm ngừng hoặc đã đóng';
  } else if (!isUnder(unitPath, String(collector.unitPath))) {
    errors.collectorId = 'Đơn vị thu gom không phục vụ địa bàn này';
  } else if (caller?.role === 'collector' && caller.accountId !== input.collectorId) {
    errors.collectorId = 'Chỉ ghi được lượt thu gom của đơn vị mình';
  }

  const totalKg = WASTE_GROUPS.reduce((sum, group) => sum + input[weightField(group)], 0);
  const maxKg = maxKgOf(household);
  if (totalKg > maxKg) {
    const heaviest = [...WASTE_GROUPS].sort(
      (a, b) => input[weightField(b)] - input[weightField(a)],
    )[0];
    errors[weightField(heaviest)] =
      `Tổng khối lượng ${totalKg.toLocaleString('vi')} kg vượt mức hợp lý của một lượt ` +
      `(${maxKg.toLocaleString('vi')} kg); lượt lớn hơn hãy ghi thành nhiều lượt`;
  }

  if (Object.keys(errors).length > 0) fail(errors);

  return { unitPath, hamletId };
};

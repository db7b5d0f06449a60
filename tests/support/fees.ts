/**
 * Helpers for the fee and bill tests: a fresh area of their own (a province, city, ward with two
 * hamlets and the ward's committee account) so that hand-worked amounts hold whatever the demo
 * register holds, households written through the store, and fee lines with every field named.
 */
import { createAccount } from '../../shared/accounts/store';
import type { Db } from '../../shared/db/client';
import type { FeeScheduleInput } from '../../shared/fees/fields';
import { createFeeSchedule } from '../../shared/fees/store';
import type { Household } from '../../shared/households/fields';
import { householdInputSchema } from '../../shared/households/schema';
import { createHousehold } from '../../shared/households/store';
import type { UnitLevel } from '../../shared/units/fields';
import { createUnit } from '../../shared/units/store';
import { parseOrThrow } from '../../shared/validation';

export interface FeeArea {
  provinceId: string;
  cityId: string;
  wardId: string;
  hamlets: [string, string];
  accountId: string;
}

/** An ISO instant at `time` (HH:MM) on a Vietnam day. */
export const ict = (day: string, time = '09:00'): string =>
  new Date(`${day}T${time}:00+07:00`).toISOString();

const SETUP = ict('2024-01-02');

/** A province, city, ward and two hamlets named after `tag`, and the ward's account. */
export const feeArea = async (db: Db, tag: string): Promise<FeeArea> => {
  const unit = (code: string, name: string, level: UnitLevel, parentId: string | null) =>
    createUnit(
      db,
      { code, name, level, parentId, validFrom: null, validTo: null },
      SETUP,
      `${tag}-${code}`,
    );
  const province = await unit('P', `Tỉnh ${tag}`, 'province', null);
  const city = await unit('C', `Thành phố ${tag}`, 'city', province.id);
  const ward = await unit('W', `Phường ${tag}`, 'ward', city.id);
  const first = await unit('T1', 'Tổ dân phố 1', 'hamlet', ward.id);
  const second = await unit('T2', 'Tổ dân phố 2', 'hamlet', ward.id);
  const account = await createAccount(
    db,
    {
      name: `UBND Phường ${tag}`,
      kind: 'ward-committee',
      unitId: ward.id,
      contactName: null,
      phone: null,
      email: null,
      status: 'active',
      activatedOn: null,
    },
    SETUP,
    `ubnd-${tag}`,
  );

  return {
    provinceId: province.id,
    cityId: city.id,
    wardId: ward.id,
    hamlets: [first.id, second.id],
    accountId: account.id,
  };
};

let serial = 0;

/** A household of the area's ward (first hamlet unless told), written through the store. */
export const addHousehold = async (
  db: Db,
  area: FeeArea,
  fields: Record<string, unknown> = {},
): Promise<Household> => {
  serial += 1;
  const input = parseOrThrow(householdInputSchema, {
    code: `HD-${String(serial).padStart(4, '0')}`,
    ownerName: `Nguyễn Văn Thử ${serial}`,
    unitId: area.wardId,
    hamletId: area.hamlets[0],
    kind: 'household',
    feeClass: 'standard',
    members: 3,
    ...fields,
  });

  return createHousehold(db, input, SETUP);
};

/** A fee line with every field given, `fixed` 0 VND from January 2025 unless told. */
export const feeLine = (
  unitId: string,
  fields: Partial<FeeScheduleInput> = {},
): FeeScheduleInput => ({
  unitId,
  effectiveFrom: '2025-01-01',
  kind: null,
  feeClass: null,
  name: 'Mức thu thử',
  pricing: 'fixed',
  amount: 0,
  firstTierUpTo: null,
  secondTierUpTo: null,
  secondTierAmount: null,
  aboveAmount: null,
  note: null,
  ...fields,
});

export const addFeeLine = (db: Db, unitId: string, fields: Partial<FeeScheduleInput> = {}) =>
  createFeeSchedule(db, feeLine(unitId, fields), SETUP);

/** Nha Trang's published ceiling as a tiered line, with demo tiers above four people. */
export const CEILING_TIERS: Partial<FeeScheduleInput> = {
  feeClass: 'standard',
  pricing: 'household-tiers',
  amount: 44_000,
  firstTierUpTo: 4,
  secondTierUpTo: 6,
  secondTierAmount: 55_000,
  aboveAmount: 66_000,
};

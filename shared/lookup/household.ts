import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { batchGet, getItem } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { NotFoundError } from '../errors';
import type { Household } from '../households/fields';
import { normalizePhone } from '../phone/phone';
import { BASE_LEVELS, type Unit } from '../units/fields';
import { chosenHolder, codeCandidates } from './code';

/** What a resident gives to find their household. Any of it may be missing or wrong. */
export interface HouseholdProof {
  unitId?: unknown;
  code?: unknown;
  phone?: unknown;
}

/**
 * Stands in for whatever is missing, so that every look-up reads the same items whatever it was
 * given: no item has this id, and no real id can equal it (ids never contain a space).
 */
export const ABSENT = ' absent';

/**
 * The one answer to every look-up that does not match: the same status, code and message
 * whether the ward is unknown, the code unknown, the phone wrong, the household inactive or a
 * field missing, so the answer says nothing about which households exist.
 */
export const lookupNotFound = () =>
  new NotFoundError(
    'Không tìm thấy hộ với phường/xã, mã hộ và số điện thoại này. Hãy kiểm tra lại: số điện ' +
      'thoại phải là số đã đăng ký với phường/xã.',
    'lookup.not_found',
  );

/** A text field as given, or ABSENT when missing, not text, or too long to be real. */
const textOf = (value: unknown, max: number): string => {
  if (typeof value !== 'string') return ABSENT;
  const text = value.normalize('NFC').trim();

  return text && text.length <= max ? text : ABSENT;
};

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time, so the time taken says nothing about how much of it matched. */
const samePhone = (stored: string | null, given: string): boolean =>
  timingSafeEqual(digest(stored ?? ABSENT), digest(given)) && stored !== null;

export interface FoundHousehold {
  household: Household;
  ward: Unit;
}

/**
 * Finds the active household of the ward with this code and phone, or undefined. Whatever it
 * is given, it makes the same two requests: the ward and the holders of the code's possible
 * spellings in one batch of fixed size, then the household named by the holder (or an id that
 * names nothing). A code is matched as the register matches it (case, accents and spaces
 * ignored), or with its separators typed another way ("VHA 0006", "vha.0006" or "VHA0006" for
 * "VHA-0006", see ./code.ts); the phone once normalised as the register stores it
 * ("+84 905 123 456" is "0905123456").
 */
export const findHousehold = async (
  db: Db,
  proof: HouseholdProof,
): Promise<FoundHousehold | undefined> => {
  const unitId = textOf(proof.unitId, 80);
  const code = textOf(proof.code, 30);
  const phoneText = textOf(proof.phone, 30);
  const normalised = phoneText === ABSENT ? undefined : normalizePhone(phoneText);
  const phone = normalised?.ok ? normalised.phone : ABSENT;

  const codeKeys = codeCandidates(code).map((key) => keys.householdCode(unitId, key));
  const items = await batchGet(db, [keys.unit(unitId), ...codeKeys]);
  const unitItem = items.find((item) => item.sk === 'UNIT');
  const holders = codeKeys.map((key) => {
    const holder = items.find((item) => item.pk === key.pk);

    return typeof holder?.householdId === 'string' ? holder.householdId : undefined;
  });
  const householdId = chosenHolder(holders) ?? ABSENT;
  const householdItem = await getItem(db, keys.household(householdId));

  const ward = unitItem ? stripInternal<Unit>(unitItem) : undefined;
  const household = householdItem ? stripInternal<Household>(householdItem) : undefined;
  const phoneMatches = samePhone(household?.phone ?? null, phone);
  const given = unitId !== ABSENT && code !== ABSENT && phone !== ABSENT;
  if (
    !given ||
    !ward ||
    !BASE_LEVELS.includes(ward.level) ||
    !household ||
    household.unitId !== ward.id ||
    household.status !== 'active' ||
    !phoneMatches
  ) {
    return undefined;
  }

  return { household, ward };
};

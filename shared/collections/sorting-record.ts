import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { queryAll } from '../db/items';
import { householdCollectionsPk, keys } from '../db/keys';
import { getVisibleHousehold } from '../households/store';
import { isSorting, pickupsIn } from '../kpi/sorting';
import { addDays, addMonths } from '../time/days';
import { ictDate, ictDayStart, ictMonth } from '../time/ict';
import { REFUSAL_REASONS, type RefusalReason, type SortingStatus } from './fields';
import { tallyOfItem } from './tallies';

export const RECORD_PERIODS = [30, 90] as const;
/** Months of the household's monthly tallies shown with the record. */
const RECORD_MONTHS = 3;

export interface SortingPeriod {
  days: number;
  /** Vietnam days, both included: the last `days` days up to today. */
  from: string;
  to: string;
  pickups: number;
  sorted: number;
  partly: number;
  unsorted: number;
  refused: number;
  refusals: Record<RefusalReason, number>;
  /** (sorted + ½·partly) ÷ scored pickups, as in the monthly rule; null with nothing scored. */
  score: number | null;
}

export interface SortingRecord {
  householdId: string;
  today: string;
  periods: SortingPeriod[];
  months: Array<{
    month: string;
    pickups: number;
    sorted: number;
    partly: number;
    unsorted: number;
    refused: number;
    notPutOut: number;
    /** Whether the household counts as sorting at source that month (shared/kpi/sorting.ts). */
    sorting: boolean;
  }>;
  lastPickupAt: string | null;
}

const periodOf = (
  days: number,
  today: string,
  pickups: Array<{ day: string; status: SortingStatus; reason: RefusalReason | null }>,
): SortingPeriod => {
  const from = addDays(today, -(days - 1));
  const inside = pickups.filter((p) => p.day >= from && p.day <= today);
  const count = (status: SortingStatus) => inside.filter((p) => p.status === status).length;
  const refusals = Object.fromEntries(
    REFUSAL_REASONS.map((reason) => [reason, inside.filter((p) => p.reason === reason).length]),
  ) as Record<RefusalReason, number>;
  const [sorted, partly, unsorted, refused] = [
    count('sorted'),
    count('partly'),
    count('unsorted'),
    count('refused'),
  ];
  const scored = sorted + partly + unsorted + refused - refusals['not-put-out'];

  return {
    days,
    from,
    to: today,
    pickups: inside.length,
    sorted,
    partly,
    unsorted,
    refused,
    refusals,
    score: scored === 0 ? null : (sorted + partly / 2) / scored,
  };
};

/**
 * A household's pickups sorted / partly / unsorted / refused over the last 30 and 90 days
 * (Vietnam days, today included), exact: read from the household's own pickups in the household
 * index, bounded to 90 days, plus its monthly tallies of the last three months.
 */
export const sortingRecord = async (
  db: Db,
  householdId: string,
  caller?: Principal,
  now: Date = new Date(),
): Promise<SortingRecord> => {
  await getVisibleHousehold(db, householdId, caller);
  const today = ictDate(now);
  const longest = Math.max(...RECORD_PERIODS);
  const [items, tallies] = await Promise.all([
    queryAll(db, {
      IndexName: 'byHousehold',
      KeyConditionExpression: 'householdPk = :pk AND householdSk >= :from',
      ExpressionAttributeValues: {
        ':pk': householdCollectionsPk(householdId),
        ':from': ictDayStart(addDays(today, -(longest - 1))),
      },
      ProjectionExpression: '#day, sortingStatus, refusalReason, #at',
      ExpressionAttributeNames: { '#day': 'day', '#at': 'at' },
    }),
    queryAll(db, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.householdPickups(householdId, '').pk,
        ':from': keys.householdPickups(householdId, addMonths(ictMonth(now), 1 - RECORD_MONTHS)).sk,
        ':to': keys.householdPickups(householdId, ictMonth(now)).sk,
      },
    }),
  ]);
  const pickups = items.map((item) => ({
    day: String(item.day),
    status: item.sortingStatus as SortingStatus,
    reason: (item.refusalReason ?? null) as RefusalReason | null,
  }));
  const last = items
    .map((item) => String(item.at))
    .sort()
    .at(-1);

  return {
    householdId,
    today,
    periods: RECORD_PERIODS.map((days) => periodOf(days, today, pickups)),
    months: tallies.map((item) => {
      const { tally } = tallyOfItem(item);

      return {
        month: String(item.month),
        pickups: pickupsIn(tally),
        sorted: tally.sorted,
        partly: tally.partly,
        unsorted: tally.unsorted,
        refused: tally.refused,
        notPutOut: tally.notPutOut,
        sorting: isSorting(tally),
      };
    }),
    lastPickupAt: last ?? null,
  };
};

/**
 * The "households sorting at source" rule, applied the same way everywhere (the collection
 * writes that keep the counts, the recomputation in tests, the household's sorting record):
 *
 * A registered household counts as sorting at source in a Vietnam calendar month M when its own
 * household pickups recorded in M (route and hamlet pickups cannot be attributed to one
 * household and are left out) give a sorting score of at least 80%:
 *   - a sorted pickup scores 1, a partly sorted one ½, an unsorted one 0;
 *   - a refusal for unsorted waste or a wrong bag scores 0;
 *   - a refusal because nothing was put out says nothing about sorting and is left out;
 *   - with no pickup left to score, the household does not count.
 * The share of households sorting is that count ÷ the unit's active registered households at the
 * end of M (the register, shared/households/counters.ts).
 *
 * The register's `sortingSince` (what a household declares) is deliberately not part of the
 * rule: the KPI measures what collectors saw. Including it would make past months change when
 * an officer corrects a date years later, and a household's transaction would then have to
 * rewrite every month of its history under every ancestor unit, which does not fit DynamoDB's
 * 100 items per transaction for long histories. The declaration is shown beside the KPI.
 *
 * A household-month is counted under one place: the unit path most of its pickups that month
 * were recorded with (a household that moved hamlet mid-month has two); on a tie, the path that
 * sorts first. It is a function of the pickups alone, so a recomputation finds the same answer.
 */
import type { RefusalReason, SortingStatus } from '../collections/fields';

/** Share of the score a household must reach, in tenths (8 = 80%). */
export const SORTING_THRESHOLD_TENTHS = 8;

/** One household's pickups of one month, by status, and by the unit path they were recorded in. */
export interface Tally {
  sorted: number;
  partly: number;
  unsorted: number;
  /** Refusals for unsorted waste or a wrong bag: scored 0. */
  refused: number;
  /** Refusals because nothing was put out: not scored. */
  notPutOut: number;
  places: Record<string, number>;
}

export const TALLY_COUNTS = ['sorted', 'partly', 'unsorted', 'refused', 'notPutOut'] as const;

export const emptyTally = (): Tally => ({
  sorted: 0,
  partly: 0,
  unsorted: 0,
  refused: 0,
  notPutOut: 0,
  places: {},
});

export const pickupsIn = (tally: Tally): number =>
  TALLY_COUNTS.reduce((sum, field) => sum + tally[field], 0);

const countOf = (
  status: SortingStatus,
  reason: RefusalReason | null,
): (typeof TALLY_COUNTS)[number] => {
  if (status !== 'refused') return status;

  return reason === 'not-put-out' ? 'notPutOut' : 'refused';
};

/** The tally with one pickup added (`sign` 1) or taken away (`sign` -1). */
export const withPickup = (
  tally: Tally,
  pickup: { sortingStatus: SortingStatus; refusalReason: RefusalReason | null; unitPath: string },
  sign: 1 | -1,
): Tally => {
  const next: Tally = { ...tally, places: { ...tally.places } };
  next[countOf(pickup.sortingStatus, pickup.refusalReason)] += sign;
  const place = (next.places[pickup.unitPath] ?? 0) + sign;
  if (place === 0) delete next.places[pickup.unitPath];
  else next.places[pickup.unitPath] = place;

  return next;
};

/** Integer arithmetic: (sorted + ½·partly) ≥ 80% of scored ⇔ 10·(2·sorted + partly) ≥ 16·scored. */
export const isSorting = (tally: Tally): boolean => {
  const scored = tally.sorted + tally.partly + tally.unsorted + tally.refused;
  if (scored === 0) return false;

  return 10 * (2 * tally.sorted + tally.partly) >= 2 * SORTING_THRESHOLD_TENTHS * scored;
};

/** Where the household-month is counted; undefined when it has no pickups. */
export const placeOf = (tally: Tally): string | undefined => {
  const entries = Object.entries(tally.places).filter(([, count]) => count > 0);
  entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));

  return entries[0]?.[0];
};

export const sameTally = (a: Tally, b: Tally): boolean =>
  TALLY_COUNTS.every((field) => a[field] === b[field]) &&
  JSON.stringify(Object.entries(a.places).sort()) ===
    JSON.stringify(Object.entries(b.places).sort());

/**
 * What a household owes for a month, from the fee schedules along its unit path. Pure: the
 * schedules are read once per run (store.ts) and every household is priced from them.
 *
 * - A unit's schedule for a month is its version in force on the month's 1st: the lines with
 *   the latest `effectiveFrom` not after that day. A version replaces the one before it whole.
 * - The schedule that applies is that of the lowest unit on the household's path (hamlet, then
 *   ward, city, province) that has one in force: a lower unit that sets its own replaces its
 *   parent's whole, for every kind and class.
 * - Within it, the line that names the household's fee class and kind wins over one that names
 *   only the class, which wins over one that names only the kind, which wins over one that
 *   names neither. A household no line matches is not priced (the run counts it).
 * - A household whose number of members is not known counts as one member.
 */
import type { Household } from '../households/fields';
import { firstDayOf } from '../time/days';
import { pathIds } from '../units/fields';
import type { FeeSchedule, PricingMethod } from './fields';

export type Pricing =
  | { priced: true; amount: number; scheduleId: string; method: PricingMethod; members: number }
  | { priced: false; reason: 'no-schedule' | 'no-line' };

type Priced = Pick<Household, 'unitPath' | 'kind' | 'feeClass' | 'members'>;

/** The lines of one unit's version in force on the 1st of `month`; empty when none is yet. */
export const versionInForce = (lines: FeeSchedule[], month: string): FeeSchedule[] => {
  const day = firstDayOf(month);
  const started = lines.filter((line) => line.effectiveFrom <= day);
  const latest = started.reduce<string | undefined>(
    (max, line) => (max === undefined || line.effectiveFrom > max ? line.effectiveFrom : max),
    undefined,
  );

  return started.filter((line) => line.effectiveFrom === latest);
};

/** The schedule (lines of one unit's version) that prices households at `unitPath`. */
export const scheduleFor = (
  unitPath: string,
  linesByUnit: Map<string, FeeSchedule[]>,
  month: string,
): FeeSchedule[] => {
  for (const unitId of pathIds(unitPath).reverse()) {
    const version = versionInForce(linesByUnit.get(unitId) ?? [], month);
    if (version.length > 0) return version;
  }

  return [];
};

const specificity = (line: FeeSchedule, household: Priced): number => {
  if (line.feeClass !== null && line.feeClass !== household.feeClass) return -1;
  if (line.kind !== null && line.kind !== household.kind) return -1;

  return (line.feeClass !== null ? 2 : 0) + (line.kind !== null ? 1 : 0);
};

/** The most specific line of a schedule for the household, if any matches. */
export const lineFor = (schedule: FeeSchedule[], household: Priced): FeeSchedule | undefined => {
  let best: FeeSchedule | undefined;
  let bestRank = -1;
  for (const line of schedule) {
    const rank = specificity(line, household);
    if (rank > bestRank) {
      best = line;
      bestRank = rank;
    }
  }

  return best;
};

/** A line's monthly amount for a household of `members` people. */
export const amountOf = (line: FeeSchedule, members: number): number => {
  switch (line.pricing) {
    case 'exempt':
      return 0;
    case 'fixed':
      return line.amount ?? 0;
    case 'per-person':
      return (line.amount ?? 0) * members;
    case 'household-tiers':
      if (members <= (line.firstTierUpTo ?? 0)) return line.amount ?? 0;
      if (line.secondTierUpTo !== null && members <= line.secondTierUpTo) {
        return line.secondTierAmount ?? 0;
      }
      return line.aboveAmount ?? 0;
  }
};

export const priceFor = (
  household: Priced,
  linesByUnit: Map<string, FeeSchedule[]>,
  month: string,
): Pricing => {
  const schedule = scheduleFor(household.unitPath, linesByUnit, month);
  if (schedule.length === 0) return { priced: false, reason: 'no-schedule' };
  const line = lineFor(schedule, household);
  if (!line) return { priced: false, reason: 'no-line' };
  const members = household.members ?? 1;

  return {
    priced: true,
    amount: amountOf(line, members),
    scheduleId: line.id,
    method: line.pricing,
    members,
  };
};

/**
 * A unit's figures for one month, computed from its monthly aggregate, its register at the end
 * of the month, and its province's emission factors. Pure arithmetic, so it is tested against
 * hand-computed fixtures (figures.test.ts).
 *
 * Definitions:
 * - tonnage by group: every pickup's weights, whatever its sorting status;
 * - recyclables recovered: recyclable weight of pickups that were sorted or partly sorted
 *   (recyclables inside unsorted waste are not recovered); share = that ÷ all weight collected;
 * - by destination: each group's weight from sorted and partly sorted pickups goes to its
 *   group's destination; all weight of unsorted pickups (mixed waste) goes where `other` goes;
 * - waste to landfill: what goes to the landfill destination, i.e. with the default
 *   destinations, other + bulky from sorted pickups plus everything in unsorted pickups;
 * - greenhouse gas: Σ tonnes per destination × the destination's factor (kg CO2e per tonne);
 * - households sorting: shared/kpi/sorting.ts; share = sorting ÷ active registered households.
 */
import {
  REFUSAL_REASONS,
  type RefusalReason,
  WASTE_GROUPS,
  type WasteGroup,
} from '../collections/fields';
import { DESTINATIONS, type Destination, type FactorSet } from '../emissions/fields';
import type { HouseholdCount } from '../households/counters';
import type { Aggregate } from './aggregates';

export interface MonthFigures {
  month: string;
  pickups: {
    total: number;
    sorted: number;
    partly: number;
    unsorted: number;
    refused: number;
    household: number;
    route: number;
  };
  refusals: Record<RefusalReason, number>;
  householdsCovered: number;
  /** Kilograms by group, one decimal, and their total. */
  weightsKg: Record<WasteGroup, number> & { total: number };
  unsortedKg: number;
  recyclablesKg: number;
  recyclablesShare: number | null;
  byDestinationKg: Record<Destination, number>;
  landfillKg: number;
  ghgKgCo2e: number;
  households: {
    active: number;
    withPickups: number;
    sorting: number;
    sortingShare: number | null;
  };
  register: {
    total: number;
    active: number;
    complete: number;
    partial: number;
    incomplete: number;
    completeShare: number | null;
  };
}

const kg = (tenths: number): number => tenths / 10;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
/** GHG to 0.1 kg: tenths of a kg × kg CO2e per tonne ÷ 10,000. */
const ghgOf = (tenths: Record<Destination, number>, factors: Record<Destination, number>) =>
  Math.round(DESTINATIONS.reduce((sum, d) => sum + tenths[d] * factors[d], 0) / 1000) / 10;

/** Tenths of a kilogram per destination. */
export const destinationTenths = (
  aggregate: Aggregate,
  factors: FactorSet,
): Record<Destination, number> => {
  const out = Object.fromEntries(DESTINATIONS.map((d) => [d, 0])) as Record<Destination, number>;
  for (const group of WASTE_GROUPS) {
    const sortedPart = aggregate[`w.${group}`] - aggregate[`wu.${group}`];
    out[factors.destinations[group]] += sortedPart;
    out[factors.destinations.other] += aggregate[`wu.${group}`];
  }

  return out;
};

export const computeFigures = (
  month: string,
  aggregate: Aggregate,
  register: HouseholdCount,
  factors: FactorSet,
): MonthFigures => {
  const weights = Object.fromEntries(
    WASTE_GROUPS.map((g) => [g, kg(aggregate[`w.${g}`])]),
  ) as Record<WasteGroup, number>;
  const totalTenths = WASTE_GROUPS.reduce((sum, g) => sum + aggregate[`w.${g}`], 0);
  const unsortedTenths = WASTE_GROUPS.reduce((sum, g) => sum + aggregate[`wu.${g}`], 0);
  const recoveredTenths = aggregate['w.recyclable'] - aggregate['wu.recyclable'];
  const destinations = destinationTenths(aggregate, factors);
  const pickups = {
    sorted: aggregate['n.sorted'],
    partly: aggregate['n.partly'],
    unsorted: aggregate['n.unsorted'],
    refused: aggregate['n.refused'],
  };

  return {
    month,
    pickups: {
      total: pickups.sorted + pickups.partly + pickups.unsorted + pickups.refused,
      ...pickups,
      household: aggregate['n.household'],
      route: aggregate['n.route'],
    },
    refusals: Object.fromEntries(
      REFUSAL_REASONS.map((reason) => [reason, aggregate[`r.${reason}`]]),
    ) as Record<RefusalReason, number>,
    householdsCovered: aggregate.covered,
    weightsKg: { ...weights, total: kg(totalTenths) },
    unsortedKg: kg(unsortedTenths),
    recyclablesKg: kg(recoveredTenths),
    recyclablesShare: ratio(recoveredTenths, totalTenths),
    byDestinationKg: Object.fromEntries(
      DESTINATIONS.map((d) => [d, kg(destinations[d])]),
    ) as Record<Destination, number>,
    landfillKg: kg(destinations.landfill),
    ghgKgCo2e: ghgOf(destinations, factors.factors),
    households: {
      active: register.active,
      withPickups: aggregate['hh.withPickups'],
      sorting: aggregate['hh.sorting'],
      sortingShare: ratio(aggregate['hh.sorting'], register.active),
    },
    register: {
      total: register.total,
      active: register.active,
      complete: register.complete,
      partial: register.total - register.complete - register.incomplete,
      incomplete: register.incomplete,
      completeShare: ratio(register.complete, register.total),
    },
  };
};

/**
 * The platform spans provinces with different factors: its destinations and GHG are the sums of
 * its provinces', the rest is its own aggregate.
 */
export const withProvinceSums = (
  platform: MonthFigures,
  provinces: MonthFigures[],
): MonthFigures => {
  const byDestinationKg = Object.fromEntries(
    DESTINATIONS.map((d) => [
      d,
      Math.round(provinces.reduce((sum, p) => sum + p.byDestinationKg[d], 0) * 10) / 10,
    ]),
  ) as Record<Destination, number>;

  return {
    ...platform,
    byDestinationKg,
    landfillKg: byDestinationKg.landfill,
    ghgKgCo2e: Math.round(provinces.reduce((sum, p) => sum + p.ghgKgCo2e, 0) * 10) / 10,
  };
};

/**
 * Household waste fees (issue 5): a unit's fee schedule is a set of lines, one per household
 * kind and fee class it prices, that holds from its first day until the unit's next version.
 * Money is whole VND per month.
 */
import type { FeeClass, HouseholdKind } from '../households/fields';

/**
 * How a line prices a household: by the household's number of members in tiers, per member,
 * a fixed monthly amount (business tiers), or nothing at all (exempt classes).
 */
export const PRICING_METHODS = ['household-tiers', 'per-person', 'fixed', 'exempt'] as const;
export type PricingMethod = (typeof PRICING_METHODS)[number];

/** A line's kind or class left empty prices every kind or class; `all` stands for it in keys. */
export const ANY = 'all';

export interface FeeScheduleInput {
  unitId: string;
  /** The 1st of the first month the version prices. */
  effectiveFrom: string;
  kind: HouseholdKind | null;
  feeClass: FeeClass | null;
  name: string;
  pricing: PricingMethod;
  /** Tiers: the first tier's amount; per person: each member's; fixed: the monthly amount. */
  amount: number | null;
  /** Tiers: households of up to this many members pay `amount`. */
  firstTierUpTo: number | null;
  /** Tiers, optional: up to this many members pay `secondTierAmount`. */
  secondTierUpTo: number | null;
  secondTierAmount: number | null;
  /** Tiers: households larger than the last bound pay this. */
  aboveAmount: number | null;
  note: string | null;
}

export interface FeeSchedule extends FeeScheduleInput {
  id: string;
  /** The unit path of `unitId`: the line prices households under it. */
  unitPath: string;
  /**
   * The unit's name when the line was last written, shown with the line: those below a unit
   * read its lines but may not read the unit itself.
   */
  unitName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

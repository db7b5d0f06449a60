/**
 * Targets per unit and year: each year's action plan sets its own, so they are data. A unit
 * without a record for a year follows its nearest ancestor's record for that year, and without
 * any, the rollout's defaults below.
 */
export interface TargetInput {
  unitId: string;
  year: number;
  /** The month each change is measured against (`YYYY-MM`, Vietnam time). */
  baselineMonth: string;
  /** Households sorting at source, % of active registered households (shared/kpi/sorting.ts). */
  sortingSharePct: number;
  /** Recyclables recovered, % change against the baseline month (+30 = 30% more). */
  recyclablesChangePct: number;
  /** Waste to landfill, % change against the baseline month (−10 = 10% less). */
  landfillChangePct: number;
  /** Greenhouse gas estimate, % change against the baseline month. */
  ghgChangePct: number;
  /** Register households with all ten basic fields, % of registered households. */
  completeSharePct: number;
  note: string | null;
}

export interface Target extends TargetInput {
  id: string;
  unitPath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * The rollout's four promises (DESIGN.md §2) and a register-completeness target of 80% of
 * households complete (10/10). The baseline is the December before the year.
 */
export const ROLLOUT_TARGET = {
  sortingSharePct: 90,
  recyclablesChangePct: 30,
  landfillChangePct: -10,
  ghgChangePct: -10,
  completeSharePct: 80,
} as const;

export const defaultBaselineMonth = (year: number): string => `${year - 1}-12`;

/** A target's id: one per unit and year. */
export const targetId = (unitId: string, year: number): string => `${unitId}.${year}`;

/** The targets in force for a unit and year, and where they came from. */
export interface TargetInForce extends Omit<TargetInput, 'note'> {
  /** `unit`: the unit's own record; `inherited`: an ancestor's; `default`: the rollout's. */
  origin: 'unit' | 'inherited' | 'default';
  /** The record's id when there is one. */
  targetId: string | null;
}

export const defaultTarget = (unitId: string, year: number): TargetInForce => ({
  unitId,
  year,
  baselineMonth: defaultBaselineMonth(year),
  ...ROLLOUT_TARGET,
  origin: 'default',
  targetId: null,
});

export const TARGET_SERVER_OWNED = ['id', 'unitPath', 'createdAt', 'updatedAt'] as const;

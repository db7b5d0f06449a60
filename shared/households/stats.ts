import type { Db } from '../db/client';
import { type Principal, scopeOf } from '../auth/principal';
import { BASE_LEVELS, isUnder } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';
import { viCollator } from '../text/collation';
import { householdCounts } from './counters';

export interface RegisterStats {
  unitId: string;
  code: string;
  name: string;
  level: string;
  total: number;
  active: number;
  complete: number;
  partial: number;
  incomplete: number;
}

/**
 * Digitisation progress of every ward and commune under a unit: read from the register
 * counters, one batch read for all of them, never from the households themselves.
 */
export const registerStats = async (
  db: Db,
  parentId?: string,
  caller?: Principal,
): Promise<RegisterStats[] | undefined> => {
  const scope = scopeOf(caller);
  const parent = parentId ? await getStoredUnit(db, parentId) : undefined;
  if (parentId && (!parent || !isUnder(parent.unitPath, scope))) return undefined;

  const units = (await unitsUnder(db, parent?.unitPath ?? scope)).filter((unit) =>
    BASE_LEVELS.includes(unit.level),
  );
  const counts = await householdCounts(
    db,
    units.map((unit) => unit.id),
  );

  return units
    .map((unit) => {
      const count = counts.get(unit.id) ?? { total: 0, active: 0, complete: 0, incomplete: 0 };

      return {
        unitId: unit.id,
        code: unit.code,
        name: unit.name,
        level: unit.level,
        ...count,
        partial: count.total - count.complete - count.incomplete,
      };
    })
    .sort((a, b) => viCollator.compare(a.name, b.name));
};

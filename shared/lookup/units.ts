import type { Db } from '../db/client';
import { BASE_LEVELS } from '../units/fields';
import { unitsUnder } from '../units/store';

/** A ward or commune as the public look-up lists it: its id and names, nothing else. */
export interface PublicUnit {
  id: string;
  name: string;
  /** The unit above it (a city or province), to tell apart wards of the same name. */
  parentName: string | null;
}

const byName = new Intl.Collator('vi', { numeric: true });

/**
 * Every ward, commune and special zone, for the resident to choose theirs: one bounded query of
 * the unit tree. Units that ended in a reorganisation stay listed, since their households keep
 * their bills until the register moves them.
 */
export const publicUnits = async (db: Db): Promise<PublicUnit[]> => {
  const units = await unitsUnder(db, '/');
  const names = new Map(units.map((unit) => [unit.id, unit.name]));

  return units
    .filter((unit) => BASE_LEVELS.includes(unit.level))
    .map((unit) => ({
      id: unit.id,
      name: unit.name,
      parentName: unit.parentId ? (names.get(unit.parentId) ?? null) : null,
    }))
    .sort(
      (a, b) =>
        byName.compare(a.parentName ?? '', b.parentName ?? '') || byName.compare(a.name, b.name),
    );
};

import { accountsUnder } from '../accounts/store';
import type { Db } from '../db/client';
import { fold } from '../text/fold';
import { BASE_LEVELS, isUnder, type Unit } from '../units/fields';
import { getStoredUnit, unitsUnder } from '../units/store';

type StoredUnit = Omit<Unit, 'householdCount'>;

/** Spreadsheets name wards "Phường Vĩnh Hải" or "Vĩnh Hải", hamlets "Tổ dân phố 3" or "TDP03". */
const nameKeys = (name: string): string[] => {
  const folded = fold(name).replace(/\s+/g, ' ').trim();
  const bare = folded.replace(/^(phuong|xa|dac khu|thi tran|to dan pho|to|thon|ap|khu pho)\s+/, '');

  return [...new Set([folded, bare])];
};

const lookupKey = (value: string): string => fold(value).replace(/\s+/g, ' ').trim();

/** Units and collectors an import refers to by id, code or name, read once per batch. */
export class ImportContext {
  private readonly wards = new Map<string, StoredUnit[]>();
  private readonly hamlets = new Map<string, Map<string, StoredUnit[]>>();
  private readonly collectors = new Map<string, string[]>();
  readonly byId = new Map<string, StoredUnit>();
  readonly collectorIds = new Set<string>();

  /** Reads the units of the caller's area (only the default ward's when every row is in it). */
  static async load(
    db: Db,
    defaultUnitId: string | undefined,
    rowsNameWard: boolean,
    scopePath: string,
  ) {
    const context = new ImportContext();
    const anchor =
      defaultUnitId && !rowsNameWard ? await getStoredUnit(db, defaultUnitId) : undefined;
    const inScope = anchor && isUnder(anchor.unitPath, scopePath);
    const [units, accounts] = await Promise.all([
      unitsUnder(db, inScope ? anchor.unitPath : scopePath),
      accountsUnder(db, '/'),
    ]);
    for (const unit of units) context.addUnit(unit);
    for (const account of accounts.filter((a) => a.kind === 'collector')) {
      context.collectorIds.add(account.id);
      for (const key of [lookupKey(account.id), ...nameKeys(account.name)]) {
        context.collectors.set(key, [...(context.collectors.get(key) ?? []), account.id]);
      }
    }

    return context;
  }

  private addUnit(unit: StoredUnit): void {
    this.byId.set(unit.id, unit);
    const keysOf = [lookupKey(unit.id), lookupKey(unit.code), ...nameKeys(unit.name)];
    if (BASE_LEVELS.includes(unit.level)) {
      for (const key of keysOf) this.wards.set(key, [...(this.wards.get(key) ?? []), unit]);
    } else if (unit.level === 'hamlet' && unit.parentId) {
      const own = this.hamlets.get(unit.parentId) ?? new Map<string, StoredUnit[]>();
      for (const key of keysOf) own.set(key, [...(own.get(key) ?? []), unit]);
      this.hamlets.set(unit.parentId, own);
    }
  }

  /** A ward by id, code or name; ambiguous or unknown values are returned as given. */
  ward(value: string): string {
    if (this.byId.has(value)) return value;
    const found = this.wards.get(lookupKey(value)) ?? [];

    return found.length === 1 ? found[0].id : value;
  }

  hamlet(wardId: string, value: string): string {
    if (this.byId.get(value)?.parentId === wardId) return value;
    const found = this.hamlets.get(wardId)?.get(lookupKey(value)) ?? [];

    return found.length === 1 ? found[0].id : value;
  }

  collector(value: string): string {
    const found = this.collectors.get(lookupKey(value)) ?? [];

    return found.length === 1 ? found[0] : value;
  }
}

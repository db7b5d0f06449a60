import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { emptyTally, type Tally, TALLY_COUNTS } from '../kpi/sorting';

/** A household-month's tally as last read or written, with the version that guards it. */
export interface TallyEntry {
  tally: Tally;
  /** 0 when no item exists yet. */
  version: number;
}

export const tallyKey = (householdId: string, month: string) => `${householdId}|${month}`;

export const tallyOfItem = (item: Record<string, unknown> | undefined): TallyEntry => {
  if (!item) return { tally: emptyTally(), version: 0 };
  const tally = emptyTally();
  for (const field of TALLY_COUNTS) tally[field] = Number(item[field] ?? 0);
  tally.places = { ...((item.places as Record<string, number> | undefined) ?? {}) };

  return { tally, version: Number(item.v ?? 0) };
};

/**
 * The household-month tallies a batch of writes works from. Read with strong consistency before
 * the writes; every write is conditioned on the version read, so a concurrent writer of the same
 * household-month makes the transaction fail instead of counting from a stale tally.
 */
export class TallyBook {
  private readonly entries = new Map<string, TallyEntry>();

  static async load(
    db: Db,
    wanted: Array<{ householdId: string; month: string }>,
  ): Promise<TallyBook> {
    const book = new TallyBook();
    const items = await batchGet(
      db,
      wanted.map((w) => keys.householdPickups(w.householdId, w.month)),
      true,
    );
    const found = new Map(items.map((item) => [`${item.householdId}|${item.month}`, item]));
    for (const { householdId, month } of wanted) {
      const key = tallyKey(householdId, month);
      book.entries.set(key, tallyOfItem(found.get(key)));
    }

    return book;
  }

  has(householdId: string, month: string): boolean {
    return this.entries.has(tallyKey(householdId, month));
  }

  get(householdId: string, month: string): TallyEntry {
    const entry = this.entries.get(tallyKey(householdId, month));
    if (!entry) throw new Error(`tally ${householdId} ${month} was not read before the write`);

    return entry;
  }

  set(householdId: string, month: string, entry: TallyEntry): void {
    this.entries.set(tallyKey(householdId, month), entry);
  }

  /** Adds entries read later (an import reads each group's tallies as it goes). */
  merge(other: TallyBook): void {
    for (const [key, entry] of other.entries) {
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }
}

/**
 * Part 3: what single writes through the store cost. Each write is one transaction holding the
 * household, its code guard and one counter update per unit whose counts move (the platform and
 * every ancestor: province, city, ward, hamlet), after the reads that check references.
 */
import type { Db } from '../shared/db/client';
import type { HouseholdInput } from '../shared/households/fields';
import { householdItem } from '../shared/households/record';
import { createHousehold, deleteHousehold, updateHousehold } from '../shared/households/store';
import {
  type Cost,
  indexEntries,
  itemBytes,
  measure,
  type Observed,
  summarizeItems,
} from './measure';
import type { Household } from '../shared/households/fields';
import type { Area } from './tree';

export interface WriteResult {
  id: string;
  title: string;
  cost: Cost;
  /** Requests in order, e.g. "GetItem", "TransactWriteItems[7]". */
  requests: string[];
  transaction: string;
  counters: string[];
  /** What AWS bills (model): 2 × (1 KB units of the household + its index writes) + 2 × each small item. */
  modelUnits: number;
  modelNote: string;
}

export interface WritesResult {
  ops: WriteResult[];
  householdItemBytes: number;
  householdIndexEntries: number;
}

export const runWrites = async (db: Db, log: Observed[], area: Area): Promise<WritesResult> => {
  const ward = area.wards[0];
  const [hamletA, hamletB] = ward.hamlets;
  const now = new Date().toISOString();
  const input: HouseholdInput = {
    code: 'BENCH-SINGLE-1',
    ownerName: 'Trần Thị Bích Ngọc',
    unitId: ward.id,
    kind: 'household',
    address: '45/12 Nguyễn Thiện Thuật',
    hamletId: hamletA.id,
    phone: '0905123456',
    members: 4,
    feeClass: 'standard',
    sortingSince: '2025-03-01',
    collectorId: area.collectors[0].id,
    status: 'active',
    inactiveSince: null,
    inactiveReason: null,
    location: null,
    note: null,
  };

  const ops: WriteResult[] = [];
  /** `keyChanges`: indexes whose key changes, each written twice (old entry deleted, new put). */
  const run = async <T extends Household>(
    id: string,
    title: string,
    keyChanges: number,
    fn: () => Promise<T>,
  ): Promise<T> => {
    const start = log.length;
    const { cost, value } = await measure(db, fn);
    const seen = log.slice(start);
    const transactions = seen.filter((o) => o.command === 'TransactWriteItems');
    const items = transactions.flatMap((o) => o.items ?? []);
    const item = householdItem(value);
    const kb = Math.ceil(itemBytes(item) / 1024);
    const entries = indexEntries(item);
    const small = items.filter((i) => !i.endsWith(' household')).length;
    const householdUnits = 2 * (kb + entries + keyChanges);
    ops.push({
      id,
      title,
      cost,
      requests: seen.map((o) => (o.items ? `${o.command}[${o.items.length}]` : o.command)),
      transaction: summarizeItems(items),
      counters: items
        .filter((i) => i.includes('counter('))
        .map((i) => i.replace(/^.*counter\((.*)\)$/, '$1')),
      modelUnits: householdUnits + 2 * small,
      modelNote: `2×(${kb} KB + ${entries} index entries${keyChanges ? ` + ${keyChanges} index key moved` : ''}) + 2×${small} small items`,
    });

    return value;
  };

  const created = await run(
    'create',
    'create (complete household, with hamlet and collector)',
    0,
    () => createHousehold(db, input, now),
  );
  const phoneChanged = { ...input, phone: '0912345678' };
  await run('update-field', 'update one field (phone): no count moves', 0, () =>
    updateHousehold(db, created.id, phoneChanged, 1, now),
  );
  const moved = { ...phoneChanged, hamletId: hamletB.id };
  await run('update-hamlet', 'update: move to another hamlet of the ward', 1, () =>
    updateHousehold(db, created.id, moved, 2, now),
  );
  const stopped = {
    ...moved,
    status: 'inactive' as const,
    inactiveSince: '2026-01-10',
    inactiveReason: 'moved-away' as const,
  };
  await run('update-status', 'update: mark inactive (active count moves)', 0, () =>
    updateHousehold(db, created.id, stopped, 3, now),
  );
  await run('delete', 'delete', 0, () => deleteHousehold(db, created.id));

  const item = householdItem(created);

  return { ops, householdItemBytes: itemBytes(item), householdIndexEntries: indexEntries(item) };
};

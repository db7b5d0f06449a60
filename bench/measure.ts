/**
 * Reading the product's meter around one operation, and an observer that logs every request
 * (including failed ones, which the meter does not see) with a summary of what it touched.
 */
import type { Db } from '../shared/db/client';

export interface Cost {
  requests: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
  /** Wall time, supporting detail only. */
  ms: number;
}

export const measure = async <T>(
  db: Db,
  fn: () => Promise<T>,
): Promise<{ cost: Cost; value: T }> => {
  db.meter.reset();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  const reading = db.meter.read();

  return { value, cost: { ...reading, ms } };
};

export const sameCounts = (a: Cost, b: Cost): boolean =>
  a.requests === b.requests &&
  a.readUnits === b.readUnits &&
  a.writeUnits === b.writeUnits &&
  JSON.stringify(a.byCommand) === JSON.stringify(b.byCommand);

export const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);

  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export interface Observed {
  command: string;
  ok: boolean;
  error?: string;
  /** For TransactWriteItems: one entry per item, e.g. "Put household", "Update counter(ward)". */
  items?: string[];
  /**
   * For TransactWriteItems: what AWS bills if every Put creates a new item (2 units per 1 KB of
   * the item and per index entry it writes; 2 per small item or counter update). Exact for creates.
   */
  createModelUnits?: number;
  /** Capacity units DynamoDB answered for this request. */
  units?: number;
  /** For Query: items read and items returned (after the filter). */
  scanned?: number;
  returned?: number;
}

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value)
    return String((value as { S: unknown }).S);

  return String(value);
};

const utf8 = (value: string): number => Buffer.byteLength(value, 'utf8');

/** DynamoDB's size of a (plain, unmarshalled) value: strings in UTF-8, numbers ~1 byte per 2 digits. */
const valueSize = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') {
    const digits =
      String(Math.abs(value)).replace(/[.-]/g, '').replace(/^0+/, '').replace(/e.*$/, '').length ||
      1;

    return Math.ceil(digits / 2) + 1;
  }
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((n, [k, v]) => n + 1 + utf8(k) + valueSize(v), 0);
  }

  return utf8(String(value));
};

/** Item size as DynamoDB counts it: attribute names plus values (undefined attributes are not stored). */
export const itemBytes = (item: Record<string, unknown>): number =>
  Object.entries(item)
    .filter(([, v]) => v !== undefined)
    .reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0);

/** Index entries a household item writes: one per path-level attribute p0…p4 it carries. */
export const indexEntries = (item: Record<string, unknown>): number =>
  Object.keys(item).filter((k) => /^p\d$/.test(k) && item[k] !== undefined).length;

const createModel = (
  items: Array<Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>>,
): number =>
  items.reduce((sum, item) => {
    const [op, body] = Object.entries(item)[0];
    if (op === 'Put' && body.Item)
      return sum + 2 * (Math.ceil(itemBytes(body.Item) / 1024) + indexEntries(body.Item));

    return sum + 2;
  }, 0);

const capacityUnits = (capacity: unknown): number => {
  const list = Array.isArray(capacity) ? capacity : capacity ? [capacity] : [];

  return list.reduce((n: number, c: { CapacityUnits?: number }) => n + (c.CapacityUnits ?? 0), 0);
};

/** Names a key by what it holds; `unitLabels` turns counter unit ids into level names. */
const describeKey = (
  key: Record<string, unknown> | undefined,
  unitLabels: Map<string, string>,
): string => {
  const pk = text(key?.pk);
  if (pk.startsWith('HOUSEHOLD_CODE#')) return 'code guard';
  if (pk.startsWith('HOUSEHOLD#')) return 'household';
  if (pk.startsWith('COUNTER#')) {
    const unit = pk.slice('COUNTER#'.length);

    return `counter(${unitLabels.get(unit) ?? unit})`;
  }

  return pk.split('#')[0].toLowerCase();
};

export const observe = (db: Db, unitLabels: Map<string, string> = new Map()): Observed[] => {
  const log: Observed[] = [];
  // Same hook point as the product's meter; it only reads.
  db.doc.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const command = String(context.commandName ?? 'Command').replace(/Command$/, '');
      const entry: Observed = { command, ok: true };
      const transactItems = args.input?.TransactItems as
        | Array<Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>>
        | undefined;
      if (transactItems) {
        entry.items = transactItems.map((item) => {
          const [op, body] = Object.entries(item)[0];

          return `${op} ${describeKey(body.Key ?? body.Item, unitLabels)}`;
        });
        entry.createModelUnits = createModel(transactItems);
      }
      log.push(entry);
      try {
        const result = await next(args);
        const output = result.output as Record<string, unknown>;
        entry.units = capacityUnits(output?.ConsumedCapacity);
        if (command === 'Query') {
          entry.scanned = Number(output?.ScannedCount ?? 0);
          entry.returned = Number(output?.Count ?? 0);
        }

        return result;
      } catch (error) {
        entry.ok = false;
        entry.error = (error as Error).name;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchObserver' },
  );

  return log;
};

/** "Put household, Put code guard, 5× Update counter(…)" in first-seen order. */
export const summarizeItems = (items: string[]): string => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const kind = item.replace(/\(.*\)/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }

  return [...counts.entries()].map(([kind, n]) => (n > 1 ? `${n}× ${kind}` : kind)).join(', ');
};

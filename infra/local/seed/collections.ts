/**
 * Demo pickups, so that the KPI dashboard of `npm start` has a year to show: four demo wards and
 * communes (Vĩnh Hải, the pilot; Lộc Thọ; Phước Hải; Vĩnh Lương), from the December before the
 * current year (the default baseline month) or twelve months back, whichever is earlier, to now.
 *
 * Each household is checked at the door twice a month (its own pickups: what the "households
 * sorting" KPI reads), and each hamlet's route truck is logged every other day. How well a unit
 * sorts rises over the year with its campaign's strength, so the units land on different
 * statuses: the pilot near its targets, the commune far from them.
 *
 * Every pickup goes through the collection schema, `resolveCollection` (the checks of the API:
 * ward, household in the ward, collector serving the area, plausible weights, not in the future)
 * and `CollectionWrites`, the code that builds the collection, tally, counter and aggregate
 * items of the API's transactions. Those items are then batch-written rather than sent in
 * thousands of transactions: the table holds no pickup yet (checked first), so the merged
 * aggregate ADDs of one big set are the aggregates themselves. Audit events are left out: no one
 * changed these records.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { accountsUnder } from '../../../shared/accounts/store';
import {
  type CollectionInput,
  MAX_HOUSEHOLDS_COVERED,
  MAX_KG,
  type RefusalReason,
  type SortingStatus,
} from '../../../shared/collections/fields';
import { nextCollection } from '../../../shared/collections/record';
import { type References, resolveCollection } from '../../../shared/collections/references';
import { collectionInputSchema } from '../../../shared/collections/schema';
import { TallyBook } from '../../../shared/collections/tallies';
import { CollectionWrites } from '../../../shared/collections/writes';
import type { Db } from '../../../shared/db/client';
import { queryAll } from '../../../shared/db/items';
import { keys, PLATFORM } from '../../../shared/db/keys';
import type { TransactItem } from '../../../shared/db/transact';
import { type Household, NOT_SORTING } from '../../../shared/households/fields';
import { listHouseholds } from '../../../shared/households/list';
import { emptyTally } from '../../../shared/kpi/sorting';
import { addDays, addMonths, daysBetween } from '../../../shared/time/days';
import { ictDate, ictMonth } from '../../../shared/time/ict';
import { unitsUnder } from '../../../shared/units/store';
import { parseOrThrow } from '../../../shared/validation';
import { hashString, type Rng, streamFor } from './random';

/** The demo units with pickups, and how strong each one's sorting campaign is (0–1). */
export const DEMO_COLLECTION_UNITS = [
  { id: '22330-2409', campaign: 1 }, // Phường Vĩnh Hải, the pilot
  { id: '22363-2409', campaign: 0.7 }, // Phường Lộc Thọ
  { id: '22357-2409', campaign: 0.4 }, // Phường Phước Hải
  { id: '22384-2409', campaign: 0.15 }, // Xã Vĩnh Lương
] as const;

const SEED = 20_251_201;
/** Door checks of each household per month, on days two weeks apart. */
const CHECK_DAYS = [0, 14];
/** Concurrent batch writes: DynamoDB Local takes about twice as many items a second at 4+. */
const WRITERS = 6;

export interface DemoCollectionsSummary {
  collections: number;
  households: number;
  from: string;
  to: string;
  /** Items written: collections, tallies, counters and aggregates. */
  items: number;
}

type Item = Record<string, unknown>;

/** The first month of demo pickups: the default baseline month, or a year back if earlier. */
export const demoStartMonth = (now: Date): string => {
  const month = ictMonth(now);
  const baseline = `${Number(month.slice(0, 4)) - 1}-12`;
  const yearBack = addMonths(month, -12);

  return baseline < yearBack ? baseline : yearBack;
};

/**
 * When the demo register counts as entered: the first day of the month before the demo pickups,
 * so every month with pickups has its households in the register (the KPI shares divide by the
 * register at the end of each month, read back from the counters' month moves).
 */
export const demoRegisterInstant = (now: Date): string =>
  new Date(`${addMonths(demoStartMonth(now), -1)}-01T08:00:00+07:00`).toISOString();

/** More waste around Tết (late January to February) and in the summer tourist months. */
const SEASON: Record<string, number> = { '01': 1.1, '02': 1.25, '06': 1.08, '07': 1.1 };
const seasonOf = (day: string) => SEASON[day.slice(5, 7)] ?? 1;

const round1 = (kg: number) => Math.round(kg * 10) / 10;

/** A day's waste of one source, in kg, before it is split into groups. */
const sourceKg = (rng: Rng, household: Household): number => {
  switch (household.kind) {
    case 'business':
      return 4 + rng.next() * 10;
    case 'institution':
      return 8 + rng.next() * 14;
    case 'market':
      return 60 + rng.next() * 80;
    case 'other':
      return 2 + rng.next() * 5;
    default:
      return (household.members ?? 3) * (0.6 + rng.next() * 0.5);
  }
};

/**
 * Weights by group for a pickup of `kg`: sorted and partly sorted waste is weighed by group (the
 * recyclable part growing as the campaign goes on); unsorted waste is one mixed bag, weighed as
 * "other".
 */
const weightsOf = (
  rng: Rng,
  kg: number,
  status: SortingStatus,
  progress: number,
): Pick<CollectionInput, 'recyclableKg' | 'foodKg' | 'otherKg' | 'bulkyKg' | 'hazardousKg'> => {
  const zero = { recyclableKg: 0, foodKg: 0, otherKg: 0, bulkyKg: 0, hazardousKg: 0 };
  if (status === 'refused') return zero;
  if (status === 'unsorted') return { ...zero, otherKg: Math.max(0.1, round1(kg)) };
  const recyclableShare = (status === 'sorted' ? 0.13 : 0.07) + 0.05 * progress;
  const foodShare = status === 'sorted' ? 0.58 : 0.45;
  const bulkyKg = rng.chance(0.01) ? round1(8 + rng.next() * 30) : 0;
  const hazardousKg = rng.chance(0.004) ? round1(0.2 + rng.next()) : 0;
  const recyclableKg = round1(kg * recyclableShare * (0.7 + rng.next() * 0.6));
  const foodKg = round1(kg * foodShare * (0.8 + rng.next() * 0.4));

  return {
    recyclableKg,
    foodKg,
    otherKg: Math.max(0.1, round1(kg - recyclableKg - foodKg)),
    bulkyKg,
    hazardousKg,
  };
};

/**
 * How a household's pickup is found. Households that declared sorting by that day sort well,
 * better as the campaign goes on; the others start sorting as the campaign reaches them.
 */
const householdStatus = (
  rng: Rng,
  household: Household,
  day: string,
  campaign: number,
  progress: number,
): { status: SortingStatus; reason: RefusalReason | null } => {
  const roll = rng.next();
  if (roll < 0.015) return { status: 'refused', reason: 'not-put-out' };
  if (roll < 0.025)
    return { status: 'refused', reason: rng.chance(0.5) ? 'wrong-bag' : 'not-sorted' };
  const since = household.sortingSince;
  const declared = since !== null && since !== undefined && since !== NOT_SORTING && since <= day;
  const lift = campaign * progress;
  const sorted = declared ? 0.55 + 0.2 * campaign + 0.22 * lift : 0.05 + 0.55 * lift;
  const partly = declared ? 0.2 - 0.1 * lift : 0.3;
  const draw = rng.next();
  if (draw < sorted) return { status: 'sorted', reason: null };
  if (draw < sorted + partly) return { status: 'partly', reason: null };

  return { status: 'unsorted', reason: null };
};

const routeStatus = (rng: Rng, campaign: number, progress: number): SortingStatus => {
  const lift = campaign * progress;
  const draw = rng.next();
  const sorted = 0.1 + 0.55 * lift;
  if (draw < sorted) return 'sorted';
  if (draw < sorted + 0.45 - 0.1 * lift) return 'partly';

  return 'unsorted';
};

/** A moment of a Vietnam day, `minutes` after midnight. */
const instantOf = (day: string, minutes: number): string =>
  new Date(
    `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`,
  ).toISOString();

/** The table holds a pickup once any platform aggregate exists (every pickup writes one). */
const hasPickups = async (db: Db): Promise<boolean> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.kpiMonth(PLATFORM, '').pk },
      Limit: 1,
    })
  ).length > 0;

/**
 * The items of the write set as plain puts: on an empty table a conditional put is a put, and an
 * ADD to a missing item is an item holding the added values.
 */
const asPuts = (items: TransactItem[]): Item[] =>
  items.flatMap((item): Item[] => {
    if (item.Put) {
      const put = item.Put.Item as Item;

      return String(put.pk).startsWith('AUDIT#') ? [] : [put];
    }
    if (item.Update) {
      const { Key, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues } =
        item.Update;
      if (!UpdateExpression?.startsWith('ADD ')) throw new Error('demo pickups: not an ADD');
      const names = ExpressionAttributeNames ?? {};
      const values = ExpressionAttributeValues ?? {};
      const fields = UpdateExpression.slice(4)
        .split(',')
        .map((part) => part.trim().split(/\s+/));

      return [
        {
          ...(Key as Item),
          ...Object.fromEntries(
            fields.map(([name, value]) => [names[name] ?? name, values[value]]),
          ),
        },
      ];
    }

    return [];
  });

const batchWrite = async (db: Db, items: Item[]): Promise<void> => {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const writer = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++].map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        const result = await db.doc.send(
          new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[db.tableName] ?? []) as typeof pending;
        if (pending.length > 0) {
          await new Promise((r) => setTimeout(r, 10 * 2 ** Math.min(attempt, 6)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
};

const householdsOf = async (db: Db, unitId: string): Promise<Household[]> =>
  (
    await listHouseholds(db, {
      filter: { unitId },
      sort: { field: 'ownerName', order: 'ASC' },
      range: { start: 0, end: 999 },
    })
  ).records;

/**
 * Seeds the demo pickups once: does nothing (and answers undefined) when the table already holds
 * any pickup, or when the demo units have no households.
 */
export const seedDemoCollections = async (
  db: Db,
  now: Date = new Date(),
): Promise<DemoCollectionsSummary | undefined> => {
  if (await hasPickups(db)) return undefined;
  const nowIso = now.toISOString();
  const today = ictDate(now);
  const from = `${demoStartMonth(now)}-01`;
  const span = Math.max(1, daysBetween(from, today));

  const units = await unitsUnder(db, '/');
  const accounts = await accountsUnder(db, '/');
  const households = new Map<string, Household[]>();
  for (const { id } of DEMO_COLLECTION_UNITS) households.set(id, await householdsOf(db, id));
  if ([...households.values()].every((list) => list.length === 0)) return undefined;

  const references: References = {
    units: new Map(units.map((unit) => [unit.id, unit as unknown as Item])),
    households: new Map([...households.values()].flat().map((h) => [h.id, h])),
    accounts: new Map(accounts.map((account) => [account.id, account as unknown as Item])),
  };
  const book = new TallyBook();
  const writes = new CollectionWrites(book);
  let count = 0;

  const record = (fields: Omit<CollectionInput, 'note' | 'photoUrl'>) => {
    const input = parseOrThrow(collectionInputSchema, { ...fields, note: null, photoUrl: null });
    const recordedAt = new Date(Math.min(Date.parse(input.at) + 20 * 60_000, now.getTime()));
    const resolved = resolveCollection(input, references, nowIso, undefined);
    const after = nextCollection(
      input,
      resolved,
      { id: randomUUID(), createdAt: recordedAt.toISOString(), version: 1 },
      recordedAt.toISOString(),
    );
    if (after.householdId && !book.has(after.householdId, after.month)) {
      book.set(after.householdId, after.month, { tally: emptyTally(), version: 0 });
    }
    writes.add({ after });
    count += 1;
  };

  for (const { id: unitId, campaign } of DEMO_COLLECTION_UNITS) {
    const ward = units.find((unit) => unit.id === unitId);
    const list = households.get(unitId) ?? [];
    if (!ward || list.length === 0) continue;
    const routeCollector = ward.level === 'commune' ? 'collector-coop' : 'collector-city';
    const hamlets = units.filter((unit) => unit.parentId === unitId);
    const rng = streamFor(SEED, unitId);

    for (let day = from; day <= today; day = addDays(day, 1)) {
      const progress = daysBetween(from, day) / span;
      const season = seasonOf(day);
      const dayOfMonth = Number(day.slice(8, 10)) - 1;

      list.forEach((household, index) => {
        const first = hashString(household.id) % 14;
        if (!CHECK_DAYS.some((offset) => first + offset === dayOfMonth)) return;
        if (household.inactiveSince && household.inactiveSince <= day) return;
        const at = instantOf(day, 6 * 60 + ((index * 7) % 240));
        if (at > nowIso) return;
        const { status, reason } = householdStatus(rng, household, day, campaign, progress);
        record({
          at,
          unitId,
          hamletId: null,
          householdId: household.id,
          householdsCovered: null,
          collectorId: household.collectorId ?? routeCollector,
          ...weightsOf(rng, sourceKg(rng, household) * season, status, campaign * progress),
          sortingStatus: status,
          refusalReason: reason,
        });
      });

      hamlets.forEach((hamlet, index) => {
        if ((daysBetween(from, day) + index) % 2 !== 0) return;
        const at = instantOf(day, 17 * 60 + 30 + index * 25);
        if (at > nowIso) return;
        const active = list.filter((h) => h.hamletId === hamlet.id && h.status === 'active');
        // A very large demo register (SEED_PER_UNIT) still makes one truckload per pickup.
        const covered = Math.min(active.length, MAX_HOUSEHOLDS_COVERED);
        if (covered === 0) return;
        const status = routeStatus(rng, campaign, progress);
        // Two days of waste of every household on the route.
        const kg = Math.min(
          covered * 2 * 2.4 * season * (0.85 + rng.next() * 0.3),
          MAX_KG.route / 2,
        );
        record({
          at,
          unitId,
          hamletId: hamlet.id,
          householdId: null,
          householdsCovered: covered,
          collectorId: routeCollector,
          ...weightsOf(rng, kg, status, campaign * progress),
          sortingStatus: status,
          refusalReason: null,
        });
      });
    }
  }

  const items = asPuts(writes.items(db.tableName, undefined, nowIso).map((entry) => entry.item));
  await batchWrite(db, items);

  return {
    collections: count,
    households: references.households.size,
    from,
    to: today,
    items: items.length,
  };
};

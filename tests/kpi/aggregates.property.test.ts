/**
 * Property: after any sequence of collection creates, updates and deletes (and households moving
 * hamlet between them), every monthly aggregate, every household-month tally and every
 * household's collection count equals a recomputation from the raw collection records — the
 * recomputation written here independently of the store's incremental code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { LocalStack } from '../../infra/local/stack';
import {
  type CollectionInput,
  REFUSAL_REASONS,
  SORTING_STATUSES,
  type StoredCollection,
  WASTE_GROUPS,
} from '../../shared/collections/fields';
import { storedOf } from '../../shared/collections/record';
import {
  createCollection,
  deleteCollection,
  updateCollection,
} from '../../shared/collections/store';
import { batchGet } from '../../shared/db/items';
import { keys } from '../../shared/db/keys';
import type { HouseholdInput } from '../../shared/households/fields';
import { createHousehold, getHousehold, updateHousehold } from '../../shared/households/store';
import { ictMonth } from '../../shared/time/ict';
import { startTestStack } from '../support/stack';

const VINH_HAI = '22330-2409';
const LOC_THO = '22363-2409';
const hamlet = (ward: string, n: number) => `${ward}-t0${n}`;
const NOW = '2025-04-10T00:00:00.000Z';
const MONTHS = ['2025-01', '2025-02', '2025-03'];
/** Instants around month ends in Vietnam time, where a UTC month would differ. */
const INSTANTS = [
  '2025-01-31T16:30:00.000Z', // 23:30 on 31 January ICT
  '2025-01-31T17:30:00.000Z', // 00:30 on 1 February ICT
  '2025-02-14T01:00:00.000Z',
  '2025-02-28T16:59:00.000Z', // 23:59 on 28 February ICT
  '2025-02-28T17:00:00.000Z', // midnight on 1 March ICT
  '2025-03-10T03:00:00.000Z',
];

let stack: LocalStack;
/** Households: ward, the two hamlets each may move between, and kind. */
const HOUSEHOLDS = [
  { ward: VINH_HAI, hamlets: [hamlet(VINH_HAI, 1), hamlet(VINH_HAI, 2)], kind: 'household' },
  { ward: VINH_HAI, hamlets: [hamlet(VINH_HAI, 2), hamlet(VINH_HAI, 1)], kind: 'business' },
  { ward: VINH_HAI, hamlets: [hamlet(VINH_HAI, 1), hamlet(VINH_HAI, 3)], kind: 'household' },
  { ward: LOC_THO, hamlets: [hamlet(LOC_THO, 1), hamlet(LOC_THO, 2)], kind: 'household' },
] as const;
const ROUTES = [
  { ward: VINH_HAI, hamletId: hamlet(VINH_HAI, 1) },
  { ward: LOC_THO, hamletId: null },
];
const householdIds: string[] = [];
/** Every collection alive now, across all runs: the aggregates count all of them. */
const alive = new Map<string, number>();

const householdInput = (i: number, hamletId: string): HouseholdInput => ({
  code: `PROP-${i}`,
  ownerName: `Hộ thử ${i}`,
  unitId: HOUSEHOLDS[i].ward,
  kind: HOUSEHOLDS[i].kind,
  address: null,
  hamletId,
  phone: null,
  members: 4,
  feeClass: null,
  sortingSince: null,
  collectorId: null,
  status: 'active',
  inactiveSince: null,
  inactiveReason: null,
  location: null,
  note: null,
});

const pickupArb = fc
  .record({
    target: fc.integer({ min: 0, max: HOUSEHOLDS.length + ROUTES.length - 1 }),
    at: fc.constantFrom(...INSTANTS),
    status: fc.constantFrom(...SORTING_STATUSES),
    reason: fc.constantFrom(...REFUSAL_REASONS),
    tenths: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 }),
    covered: fc.integer({ min: 1, max: 60 }),
  })
  .map((p): CollectionInput => {
    const refused = p.status === 'refused';
    const route = p.target >= HOUSEHOLDS.length ? ROUTES[p.target - HOUSEHOLDS.length] : undefined;
    const weights = Object.fromEntries(
      WASTE_GROUPS.map((g, i) => [`${g}Kg`, refused ? 0 : p.tenths[i] / 10]),
    );

    return {
      at: p.at,
      unitId: route ? route.ward : HOUSEHOLDS[p.target].ward,
      hamletId: route ? route.hamletId : null,
      householdId: route ? null : householdIds[p.target],
      householdsCovered: route ? p.covered : null,
      collectorId: 'collector-city',
      ...(weights as Record<`${(typeof WASTE_GROUPS)[number]}Kg`, number>),
      sortingStatus: p.status,
      refusalReason: refused ? p.reason : null,
      note: null,
      photoUrl: null,
    };
  });

const commandArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), input: pickupArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      pick: fc.nat(),
      input: pickupArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      household: fc.integer({ min: 0, max: HOUSEHOLDS.length - 1 }),
    }),
  },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

const run = async (command: Command): Promise<void> => {
  const ids = [...alive.keys()];
  if (command.kind === 'create') {
    const created = await createCollection(stack.db, command.input, NOW);
    alive.set(created.id, created.version);
  } else if (command.kind === 'update' && ids.length > 0) {
    const id = ids[command.pick % ids.length];
    const updated = await updateCollection(
      stack.db,
      id,
      command.input,
      alive.get(id) as number,
      NOW,
    );
    alive.set(id, updated.version);
  } else if (command.kind === 'delete' && ids.length > 0) {
    const id = ids[command.pick % ids.length];
    await deleteCollection(stack.db, id);
    alive.delete(id);
  } else if (command.kind === 'move') {
    // The household moves hamlet: later pickups carry the new path, earlier ones keep theirs.
    const household = await getHousehold(stack.db, householdIds[command.household]);
    assert.ok(household);
    const [first, second] = HOUSEHOLDS[command.household].hamlets;
    const next = household.hamletId === first ? second : first;
    await updateHousehold(
      stack.db,
      household.id,
      householdInput(command.household, next),
      household.version,
      NOW,
    );
  }
};

type Sums = Map<string, Record<string, number>>;
const add = (sums: Sums, key: string, field: string, by: number) => {
  if (by === 0) return;
  const row = sums.get(key) ?? {};
  row[field] = (row[field] ?? 0) + by;
  sums.set(key, row);
};
const unitsOf = (path: string) => ['*', ...path.split('/').filter(Boolean)];

/** The aggregates, tallies and counts as they should be, from the raw collections alone. */
const recompute = (collections: StoredCollection[]) => {
  const aggregates: Sums = new Map();
  const tallies = new Map<
    string,
    { counts: Record<string, number>; places: Record<string, number> }
  >();
  const counts = new Map<string, number>();
  for (const c of collections) {
    const month = ictMonth(c.at);
    for (const unit of unitsOf(c.unitPath)) {
      const key = `${unit}|${month}`;
      for (const g of WASTE_GROUPS) {
        add(aggregates, key, `w.${g}`, c.weights[g]);
        if (c.sortingStatus === 'unsorted') add(aggregates, key, `wu.${g}`, c.weights[g]);
      }
      add(aggregates, key, `n.${c.sortingStatus}`, 1);
      add(aggregates, key, c.householdId ? 'n.household' : 'n.route', 1);
      add(aggregates, key, 'covered', c.householdId ? 1 : c.householdsCovered);
      if (c.refusalReason) add(aggregates, key, `r.${c.refusalReason}`, 1);
    }
    if (!c.householdId) continue;
    counts.set(c.householdId, (counts.get(c.householdId) ?? 0) + 1);
    const key = `${c.householdId}|${month}`;
    const tally = tallies.get(key) ?? { counts: {}, places: {} };
    const bucket =
      c.sortingStatus !== 'refused'
        ? c.sortingStatus
        : c.refusalReason === 'not-put-out'
          ? 'notPutOut'
          : 'refused';
    tally.counts[bucket] = (tally.counts[bucket] ?? 0) + 1;
    tally.places[c.unitPath] = (tally.places[c.unitPath] ?? 0) + 1;
    tallies.set(key, tally);
  }
  for (const [key, tally] of tallies) {
    const month = key.split('|')[1];
    const n = (status: string) => tally.counts[status] ?? 0;
    const scored = n('sorted') + n('partly') + n('unsorted') + n('refused');
    // Score (sorted + ½ partly) ÷ scored ≥ 4/5, in whole numbers.
    const sorting = scored > 0 && 5 * (2 * n('sorted') + n('partly')) >= 8 * scored;
    const [place] = Object.entries(tally.places).sort(
      ([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'),
    )[0];
    for (const unit of unitsOf(place)) {
      add(aggregates, `${unit}|${month}`, 'hh.withPickups', 1);
      if (sorting) add(aggregates, `${unit}|${month}`, 'hh.sorting', 1);
    }
  }

  return { aggregates, tallies, counts };
};

const numbersOf = (item: Record<string, unknown> | undefined, fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, Number(item?.[f] ?? 0)]).filter(([, v]) => v !== 0));

const check = async () => {
  const raw = (await batchGet(stack.db, [...alive.keys()].map(keys.collection), true)).map(
    storedOf,
  );
  assert.equal(raw.length, alive.size);
  const expected = recompute(raw);

  const units = [
    '*',
    '56-2409',
    '568-2409',
    VINH_HAI,
    LOC_THO,
    ...[1, 2, 3].flatMap((n) => [hamlet(VINH_HAI, n), hamlet(LOC_THO, n)]),
  ];
  const kpiItems = await batchGet(
    stack.db,
    units.flatMap((u) => MONTHS.map((m) => keys.kpiMonth(u, m))),
    true,
  );
  const byKey = new Map(
    kpiItems.map((i) => [`${String(i.pk).slice(4)}|${String(i.sk).slice(6)}`, i]),
  );
  for (const unit of units) {
    for (const month of MONTHS) {
      const key = `${unit}|${month}`;
      const want = expected.aggregates.get(key) ?? {};
      const fields = [
        ...new Set([...Object.keys(want), ...Object.keys(byKey.get(key) ?? {})]),
      ].filter((f) => !['pk', 'sk'].includes(f));
      assert.deepEqual(
        numbersOf(byKey.get(key), fields),
        numbersOf(want, fields),
        `aggregate ${key}`,
      );
    }
  }

  const tallyItems = await batchGet(
    stack.db,
    householdIds.flatMap((h) => MONTHS.map((m) => keys.householdPickups(h, m))),
    true,
  );
  const tallies = new Map(tallyItems.map((i) => [`${i.householdId}|${i.month}`, i]));
  for (const household of householdIds) {
    for (const month of MONTHS) {
      const key = `${household}|${month}`;
      const want = expected.tallies.get(key);
      const got = tallies.get(key);
      assert.deepEqual(
        got && {
          counts: numbersOf(got, ['sorted', 'partly', 'unsorted', 'refused', 'notPutOut']),
          places: got.places,
        },
        want && { counts: numbersOf(want.counts, Object.keys(want.counts)), places: want.places },
        `tally ${key}`,
      );
    }
  }

  const guards = await batchGet(stack.db, householdIds.map(keys.householdCollections), true);
  for (const household of householdIds) {
    const item = guards.find((g) => g.pk === keys.householdCollections(household).pk);
    assert.equal(
      Number(item?.count ?? 0),
      expected.counts.get(household) ?? 0,
      `count ${household}`,
    );
  }
};

before(async () => {
  stack = await startTestStack(0);
  for (let i = 0; i < HOUSEHOLDS.length; i += 1) {
    const created = await createHousehold(
      stack.db,
      householdInput(i, HOUSEHOLDS[i].hamlets[0]),
      '2025-01-05T00:00:00.000Z',
    );
    householdIds.push(created.id);
  }
});

after(async () => {
  await stack?.stop();
});

describe('collection aggregates', () => {
  test('after any sequence of creates, updates and deletes, they equal a recomputation from the raw records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 14 }), async (commands) => {
        for (const command of commands) await run(command);
        await check();
      }),
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? 20250331) },
    );
  });
});

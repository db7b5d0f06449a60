/**
 * Part 1: what one page of the household list costs, at growing table sizes. The table is
 * bulk-loaded ward by ward between measurements; every page is read through `listHouseholds`
 * and checked (total, page length, Vietnamese order, filter, expected ids where known).
 */
import type { Db } from '../shared/db/client';
import { PLATFORM } from '../shared/db/keys';
import type { Household } from '../shared/households/fields';
import { listHouseholds } from '../shared/households/list';
import type { ListParams } from '../shared/list/params';
import { matchesQuery, searchText } from '../shared/text/fold';
import { drawHouseholds, householdOf, idStream, type WardPlan } from './households';
import { batchWriteAll, Counters, storedItems } from './load';
import { type Cost, measure, median, type Observed, sameCounts } from './measure';
import type { Area } from './tree';

export const PER_WARD = 5_000;
export const PAGE = 25;
export const QUERY = 'Huỳnh';
export const RUNS = 3;
const LOAD_CONCURRENCY = 4;

const collator = new Intl.Collator('vi');

interface WardStats {
  total: number;
  business: number;
  query: number;
}

export interface CaseResult {
  id: string;
  title: string;
  anchor: string;
  anchorHouseholds: number;
  cost: Cost;
  records: number;
  total: number;
  expectedTotal: number;
  /** Each Query request of the first run: index entries read, returned, read units. */
  queryPages: Array<{ scanned: number; returned: number; units: number }>;
  problems: string[];
}

export interface StageResult {
  tableHouseholds: number;
  cityHouseholds: number;
  wardHouseholds: number;
  added: string;
  loadSeconds: number;
  loadRequests: number;
  loadWriteUnits: number;
  cases: CaseResult[];
}

interface CaseDef {
  id: string;
  title: string;
  anchor: 'ward' | 'city' | 'platform';
  filter: Record<string, unknown>;
  range: [number, number];
  expected: (s: { ward: WardStats; city: WardStats; table: WardStats }) => number;
}

const CASES: CaseDef[] = [
  {
    id: 'ward-p1',
    title: 'ward, page 1 [0,24], by ownerName',
    anchor: 'ward',
    filter: {},
    range: [0, 24],
    expected: (s) => s.ward.total,
  },
  {
    id: 'ward-p40',
    title: 'ward, page 40 [975,999], by ownerName',
    anchor: 'ward',
    filter: {},
    range: [975, 999],
    expected: (s) => s.ward.total,
  },
  {
    id: 'city-p1',
    title: 'city-wide, page 1',
    anchor: 'city',
    filter: {},
    range: [0, 24],
    expected: (s) => s.city.total,
  },
  {
    id: 'ward-kind',
    title: 'ward, page 1, kind=business',
    anchor: 'ward',
    filter: { kind: 'business' },
    range: [0, 24],
    expected: (s) => s.ward.business,
  },
  {
    id: 'ward-q',
    title: `ward, page 1, q="${QUERY}"`,
    anchor: 'ward',
    filter: { q: QUERY },
    range: [0, 24],
    expected: (s) => s.ward.query,
  },
  {
    id: 'city-kind',
    title: 'city-wide, page 1, kind=business',
    anchor: 'city',
    filter: { kind: 'business' },
    range: [0, 24],
    expected: (s) => s.city.business,
  },
  {
    id: 'platform-p1',
    title: 'whole platform (no unit), page 1',
    anchor: 'platform',
    filter: {},
    range: [0, 24],
    expected: (s) => s.table.total,
  },
];

const add = (a: WardStats, b: WardStats): WardStats => ({
  total: a.total + b.total,
  business: a.business + b.business,
  query: a.query + b.query,
});
const ZERO: WardStats = { total: 0, business: 0, query: 0 };

/** Ids of the ward in the order the list must give: Vietnamese collation, ties by id. */
const expectedOrder = (households: Household[]): string[] =>
  [...households]
    .sort(
      (a, b) =>
        collator.compare(a.ownerName, b.ownerName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((h) => h.id);

const check = (
  def: CaseDef,
  anchorId: string,
  records: Household[],
  total: number,
  expectedTotal: number,
  expectedIds: string[] | undefined,
): string[] => {
  const problems: string[] = [];
  if (total !== expectedTotal) problems.push(`total ${total}, expected ${expectedTotal}`);
  const wantLength = Math.max(0, Math.min(PAGE, expectedTotal - def.range[0]));
  if (records.length !== wantLength)
    problems.push(`${records.length} records, expected ${wantLength}`);
  for (let i = 1; i < records.length; i += 1) {
    if (collator.compare(records[i - 1].ownerName, records[i].ownerName) > 0) {
      problems.push(
        `out of order at ${i}: "${records[i - 1].ownerName}" > "${records[i].ownerName}"`,
      );
      break;
    }
  }
  if (anchorId !== PLATFORM && records.some((r) => !r.unitPath.includes(`/${anchorId}/`))) {
    problems.push('record outside the unit');
  }
  if (def.filter.kind && records.some((r) => r.kind !== def.filter.kind))
    problems.push('record not matching kind');
  if (typeof def.filter.q === 'string') {
    const q = def.filter.q;
    if (
      records.some((r) => !matchesQuery(searchText([r.ownerName, r.code, r.address, r.phone]), q))
    ) {
      problems.push('record not matching q');
    }
  }
  if (expectedIds) {
    const want = expectedIds.slice(def.range[0], def.range[1] + 1);
    const got = records.map((r) => r.id);
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      const at = want.findIndex((id, i) => got[i] !== id);
      problems.push(
        `page ids differ from Intl.Collator('vi') order from position ${def.range[0] + at}`,
      );
    }
  }

  return problems;
};

export interface ListsInput {
  db: Db;
  loader: Db;
  log: Observed[];
  city: Area;
  other: Area;
  /** Calls back after each stage, for progress lines. */
  progress: (line: string) => void;
}

export const runLists = async ({
  db,
  loader,
  log,
  city,
  other,
  progress,
}: ListsInput): Promise<StageResult[]> => {
  const target = city.wards[0];
  const stages: Array<{ added: string; wards: Array<{ area: Area; ward: WardPlan }> }> = [
    { added: `ward ${target.id} (the measured ward)`, wards: [{ area: city, ward: target }] },
    {
      added: `3 more wards of city ${city.cityId}`,
      wards: city.wards.slice(1, 4).map((ward) => ({ area: city, ward })),
    },
    {
      added: `6 more wards of city ${city.cityId}`,
      wards: city.wards.slice(4, 10).map((ward) => ({ area: city, ward })),
    },
    {
      added: `2 wards of a second province (${other.provinceId})`,
      wards: other.wards.slice(0, 2).map((ward) => ({ area: other, ward })),
    },
  ];

  const counters = new Counters();
  const statsByWard = new Map<string, WardStats>();
  let targetOrder: string[] | undefined;
  const results: StageResult[] = [];

  for (const stage of stages) {
    const loadStart = performance.now();
    loader.meter.reset();
    for (const { area, ward } of stage.wards) {
      const draws = drawHouseholds(ward, area.collectors, PER_WARD);
      const ids = idStream(ward.id);
      const households = draws.map((d) => householdOf(d, ward, ids));
      statsByWard.set(ward.id, {
        total: households.length,
        business: households.filter((h) => h.kind === 'business').length,
        query: households.filter((h) =>
          matchesQuery(searchText([h.ownerName, h.code, h.address, h.phone]), QUERY),
        ).length,
      });
      if (ward.id === target.id) targetOrder = expectedOrder(households);
      counters.add(households);
      await batchWriteAll(loader, storedItems(households), LOAD_CONCURRENCY);
    }
    await batchWriteAll(loader, counters.items(), LOAD_CONCURRENCY);
    const load = loader.meter.read();
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const wardStats = statsByWard.get(target.id) ?? ZERO;
    const cityStats = city.wards.map((w) => statsByWard.get(w.id) ?? ZERO).reduce(add, ZERO);
    const tableStats = [...statsByWard.values()].reduce(add, ZERO);
    progress(
      `  loaded ${tableStats.total.toLocaleString('en')} households (+${stage.added}) in ${loadSeconds.toFixed(1)} s`,
    );

    const cases: CaseResult[] = [];
    for (const def of CASES) {
      const anchorId =
        def.anchor === 'ward' ? target.id : def.anchor === 'city' ? city.cityId : PLATFORM;
      const params: ListParams = {
        sort: { field: 'ownerName', order: 'ASC' },
        range: { start: def.range[0], end: def.range[1] },
        filter: { ...(anchorId === PLATFORM ? {} : { unitId: anchorId }), ...def.filter },
      };
      const runs: Array<{ cost: Cost; value: Awaited<ReturnType<typeof listHouseholds>> }> = [];
      const logStart = log.length;
      for (let run = 0; run < RUNS; run += 1)
        runs.push(await measure(db, () => listHouseholds(db, params)));
      const perRun = log.length - logStart;
      const queryPages = log
        .slice(logStart, logStart + perRun / RUNS)
        .filter((o) => o.command === 'Query')
        .map((o) => ({ scanned: o.scanned ?? 0, returned: o.returned ?? 0, units: o.units ?? 0 }));
      const first = runs[0];
      const expectedTotal = def.expected({ ward: wardStats, city: cityStats, table: tableStats });
      const problems = check(
        def,
        anchorId,
        first.value.records,
        first.value.total,
        expectedTotal,
        def.anchor === 'ward' && Object.keys(def.filter).length === 0 ? targetOrder : undefined,
      );
      if (!runs.every((r) => sameCounts(r.cost, first.cost)))
        problems.push('counts differ between runs');
      cases.push({
        id: def.id,
        title: def.title,
        anchor: anchorId,
        anchorHouseholds:
          def.anchor === 'ward'
            ? wardStats.total
            : def.anchor === 'city'
              ? cityStats.total
              : tableStats.total,
        cost: { ...first.cost, ms: median(runs.map((r) => r.cost.ms)) },
        records: first.value.records.length,
        total: first.value.total,
        expectedTotal,
        queryPages,
        problems,
      });
    }
    results.push({
      tableHouseholds: tableStats.total,
      cityHouseholds: cityStats.total,
      wardHouseholds: wardStats.total,
      added: stage.added,
      loadSeconds,
      loadRequests: load.requests,
      loadWriteUnits: load.writeUnits,
      cases,
    });
  }

  return results;
};

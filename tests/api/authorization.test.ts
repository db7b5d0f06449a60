/**
 * The authorization matrix, generated from the route table and the role table: every route ×
 * every role × a record inside and a record outside the caller's area. A route without an
 * access rule, or without a case here, fails this test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { allRouteKeys } from '../../infra/routes';
import { accessRules } from '../../shared/auth/access';
import { can, ROLES, type Role } from '../../shared/auth/roles';
import { request } from '../support/api';
import { billingMatrix } from '../support/billing-matrix';
import { feesMatrix } from '../support/fees-matrix';
import { lookupMatrix } from '../support/lookup-matrix';
import { paymentsMatrix } from '../support/payments-matrix';
import { webhooksMatrix } from '../support/webhooks-matrix';
import { bearer, signIn, startTestStack } from '../support/stack';

/** One demo user per role; the three area roles belong to the Vĩnh Hải ward or the city. */
const USER_OF: Record<Role, string> = {
  operator: 'vanhanh',
  finance: 'ketoan',
  'unit-admin': 'vinhhai.admin',
  collector: 'thugom.dothi',
  viewer: 'vinhhai.xem',
};
/** Each demo user's own account: accounts are visible to their own users. */
const ACCOUNT_OF: Record<Role, string> = {
  operator: 'operator',
  finance: 'operator',
  'unit-admin': 'ubnd-22330-2409',
  collector: 'collector-city',
  viewer: 'ubnd-22330-2409',
};
/** Roles whose area is the whole platform: nothing lies outside it. */
const PLATFORM_WIDE: Role[] = ['operator', 'finance'];

const WARD = '22330-2409'; // Vĩnh Hải
const HAMLET = '22330-2409-t01';

let stack: LocalStack;
const tokens = {} as Record<Role, string>;
let operator: string;
/** Records inside every area role's reach, and records in another province outside it. */
const fixture = {
  inside: {} as Record<string, string>,
  outside: {} as Record<string, string>,
};

const call = (
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => request(stack.url, method, path, body, { ...(token ? bearer(token) : {}), ...headers });

const asOperator = async (method: string, path: string, body?: unknown) => {
  const response = await call(operator, method, path, body);
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${response.text}`);

  return response.body;
};

let serial = 0;
const householdBody = (unitId: string, hamletId: string | null) => ({
  code: `AUTH-${(serial += 1)}`,
  ownerName: 'Nguyễn Văn Kiểm',
  unitId,
  hamletId,
});

const freshHousehold = async (where: 'inside' | 'outside') =>
  (
    await asOperator(
      'POST',
      '/api/households',
      householdBody(
        where === 'inside' ? WARD : fixture.outside.ward,
        where === 'inside' ? HAMLET : null,
      ),
    )
  ).id as string;

/** Inside: the city collector in Vĩnh Hải; outside: the other province's own collector. */
const collectorFor = (where: 'inside' | 'outside') =>
  where === 'inside' ? 'collector-city' : fixture.outside.collector;

/** A route pickup, each at its own minute so none repeats another. */
const collectionBody = (where: 'inside' | 'outside') => {
  serial += 1;

  return {
    at: new Date(Date.UTC(2025, 5, 1, 1, serial)).toISOString(),
    unitId: fixture[where].ward,
    hamletId: fixture[where].unit,
    householdsCovered: 12,
    collectorId: collectorFor(where),
    otherKg: 35.5,
    recyclableKg: 4.2,
    sortingStatus: 'partly',
  };
};

const freshCollection = async (where: 'inside' | 'outside') =>
  (await asOperator('POST', '/api/collections', collectionBody(where))).id as string;

/** Targets are one per unit and year: every created one takes a year of its own. */
let targetYear = 2030;
const targetBody = (where: 'inside' | 'outside') => ({
  unitId: fixture[where].ward,
  year: (targetYear += 1),
  baselineMonth: '2025-12',
  sortingSharePct: 90,
  recyclablesChangePct: 30,
  landfillChangePct: -10,
  ghgChangePct: -10,
  completeSharePct: 80,
});

const factorsBody = (unitId: string) => ({
  unitId,
  recyclableDestination: 'recycling',
  foodDestination: 'composting',
  otherDestination: 'landfill',
  bulkyDestination: 'landfill',
  hazardousDestination: 'incineration',
  recyclingFactor: 0,
  compostingFactor: 191.5,
  landfillFactor: 1120,
  incinerationFactor: 352,
});

/** Emission factors are one per province: a create needs a province without any. */
const freshProvince = async () =>
  (
    await asOperator('POST', '/api/units', {
      code: `P${serial++}`,
      name: 'Tỉnh Mới',
      level: 'province',
    })
  ).id as string;

/** Billing records are an account's: inside is the caller's own (a ward's for the platform). */
const billing = billingMatrix(asOperator, (where, role) => {
  if (where === 'outside') return fixture.outside.account;

  return PLATFORM_WIDE.includes(role) ? 'ubnd-22330-2409' : ACCOUNT_OF[role];
});

/** Fee payments are an area's: the Vĩnh Hải ward inside, the other province's ward outside. */
const payments = paymentsMatrix(
  () => stack.db,
  (where) => ({ ward: fixture[where].ward, account: fixture[where].account }),
  (role) => ACCOUNT_OF[role],
);

/** Webhooks (public) and paying the caller's own account's invoice online. */
const webhooks = webhooksMatrix(
  asOperator,
  (where, role) => {
    if (where === 'outside') return fixture.outside.account;

    return PLATFORM_WIDE.includes(role) ? 'ubnd-22330-2409' : ACCOUNT_OF[role];
  },
  () => [fixture.inside.account, fixture.outside.account],
);

/** The resident look-up: a household with a phone and an unpaid bill on each side. */
const lookup = lookupMatrix(
  () => stack.db,
  asOperator,
  (where) => ({ ward: fixture[where].ward, account: fixture[where].account }),
);

/** Household fees: a line of the ward and bills of its hamlet, on each side of the area. */
const fees = feesMatrix(
  () => stack.db,
  asOperator,
  (where) => ({
    ward: fixture[where].ward,
    hamlet: fixture[where].unit,
  }),
);

before(async () => {
  stack = await startTestStack(20);
  operator = await signIn(stack);
  for (const role of ROLES) tokens[role] = await signIn(stack, USER_OF[role]);

  // Another province, with a ward, a hamlet, an account and a user: outside every area role.
  const province = await asOperator('POST', '/api/units', {
    code: '99',
    name: 'Tỉnh Thử',
    level: 'province',
  });
  const ward = await asOperator('POST', '/api/units', {
    code: '99001',
    name: 'Phường Thử',
    level: 'ward',
    parentId: province.id,
  });
  const hamlet = await asOperator('POST', '/api/units', {
    code: 'T1',
    name: 'Tổ 1',
    level: 'hamlet',
    parentId: ward.id,
  });
  const account = await asOperator('POST', '/api/accounts', {
    name: 'UBND Phường Thử',
    kind: 'ward-committee',
    unitId: ward.id,
  });
  const user = await asOperator('POST', '/api/users', {
    username: 'thu.admin',
    fullName: 'Người Thử',
    accountId: account.id,
    role: 'unit-admin',
    password: 'MatKhau12345',
  });
  const collector = await asOperator('POST', '/api/accounts', {
    name: 'Công ty Thu gom Thử',
    kind: 'collector',
    unitId: province.id,
  });
  Object.assign(fixture.outside, {
    province: province.id,
    ward: ward.id,
    unit: hamlet.id,
    account: account.id,
    user: user.id,
    collector: collector.id,
  });
  fixture.outside.household = await freshHousehold('outside');

  const viewer = (
    await asOperator(
      'GET',
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'vinhhai.xem' }))}`,
    )
  )[0];
  Object.assign(fixture.inside, {
    ward: WARD,
    unit: HAMLET,
    account: 'ubnd-22330-2409',
    user: viewer.id,
  });
  fixture.inside.household = await freshHousehold('inside');
  fixture.inside.province = '56-2409';
  for (const where of ['inside', 'outside'] as const) {
    fixture[where].collection = await freshCollection(where);
    fixture[where].target = (await asOperator('POST', '/api/targets', targetBody(where))).id;
    fixture[where].factors = (
      await asOperator('POST', '/api/emission-factors', factorsBody(fixture[where].province))
    ).id;
  }

  const trail = async (id: string) =>
    (
      await asOperator(
        'GET',
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'households', recordId: id }))}`,
      )
    )[0].id;
  fixture.inside.audit = await trail(fixture.inside.household);
  fixture.outside.audit = await trail(fixture.outside.household);
  await billing.setUp(['ubnd-22330-2409', 'collector-city', fixture.outside.account]);
  await fees.setUp();
  await lookup.setUp();
  await payments.setUp();
  await webhooks.setUp();
});

after(async () => {
  await stack?.stop();
});

type Where = 'inside' | 'outside';
interface Case {
  method: string;
  path: string;
  body?: unknown;
  /** Sent as well, e.g. the viewer address CloudFront adds. */
  headers?: Record<string, string>;
}

/** The inside account is the caller's own; the outside one belongs to the other province. */
const accountFor = (where: Where, role: Role) =>
  where === 'inside' ? ACCOUNT_OF[role] : fixture.outside.account;

const byId = (resource: string, where: Where) =>
  `?filter=${encodeURIComponent(JSON.stringify({ id: [fixture[where][resource]] }))}`;

/**
 * How to call each route for a record inside or outside the caller's area. Writes that destroy
 * (delete) get a fresh record each time.
 */
const cases: Record<string, (where: Where, role: Role) => Promise<Case>> = {
  'GET /api/health': async () => ({ method: 'GET', path: '/api/health' }),
  // An unknown username each time, so the lock after five failures never comes into play.
  'POST /api/auth/login': async () => ({
    method: 'POST',
    path: '/api/auth/login',
    body: { username: `khong.co.${serial++}`, password: 'sai-mat-khau-1' },
  }),
  'POST /api/auth/logout': async () => ({ method: 'POST', path: '/api/auth/logout' }),
  'GET /api/auth/me': async () => ({ method: 'GET', path: '/api/auth/me' }),
  'POST /api/auth/password': async () => ({
    method: 'POST',
    path: '/api/auth/password',
    body: { currentPassword: 'sai', newPassword: 'MatKhauMoi123' },
  }),
  'GET /api/households': async (w) => ({
    method: 'GET',
    path: `/api/households${byId('household', w)}`,
  }),
  'GET /api/households/{id}': async (w) => ({
    method: 'GET',
    path: `/api/households/${fixture[w].household}`,
  }),
  'POST /api/households': async (w) => ({
    method: 'POST',
    path: '/api/households',
    body: householdBody(fixture[w].ward, null),
  }),
  'PUT /api/households/{id}': async (w) => {
    const id = fixture[w].household;
    const current = await asOperator('GET', `/api/households/${id}`);

    return {
      method: 'PUT',
      path: `/api/households/${id}`,
      body: { ...current, note: `sửa ${serial++}` },
    };
  },
  'DELETE /api/households/{id}': async (w) => ({
    method: 'DELETE',
    path: `/api/households/${await freshHousehold(w)}`,
  }),
  'POST /api/households/import': async (w) => ({
    method: 'POST',
    path: '/api/households/import',
    body: {
      unitId: fixture[w].ward,
      rows: [{ code: `IMP-${serial++}`, ownerName: 'Trần Thị Nhập' }],
    },
  }),
  'GET /api/stats/register': async (w) => ({
    method: 'GET',
    path: `/api/stats/register?parentId=${fixture[w].ward}`,
  }),
  'GET /api/units': async (w) => ({ method: 'GET', path: `/api/units${byId('unit', w)}` }),
  'GET /api/units/{id}': async (w) => ({ method: 'GET', path: `/api/units/${fixture[w].unit}` }),
  'POST /api/units': async (w) => ({
    method: 'POST',
    path: '/api/units',
    body: { code: `H${serial++}`, name: 'Tổ mới', level: 'hamlet', parentId: fixture[w].ward },
  }),
  'PUT /api/units/{id}': async (w) => {
    const unit = await asOperator('GET', `/api/units/${fixture[w].unit}`);

    return {
      method: 'PUT',
      path: `/api/units/${unit.id}`,
      body: { ...unit, name: `Tổ ${serial++}` },
    };
  },
  'DELETE /api/units/{id}': async (w) => {
    const unit = await asOperator('POST', '/api/units', {
      code: `D${serial++}`,
      name: 'Tổ xóa',
      level: 'hamlet',
      parentId: fixture[w].ward,
    });

    return { method: 'DELETE', path: `/api/units/${unit.id}` };
  },
  'GET /api/accounts': async (w, role) => ({
    method: 'GET',
    path: `/api/accounts?filter=${encodeURIComponent(JSON.stringify({ id: [accountFor(w, role)] }))}`,
  }),
  'GET /api/accounts/{id}': async (w, role) => ({
    method: 'GET',
    path: `/api/accounts/${accountFor(w, role)}`,
  }),
  'POST /api/accounts': async (w) => ({
    method: 'POST',
    path: '/api/accounts',
    body: { name: `Tài khoản ${serial++}`, kind: 'collector', unitId: fixture[w].ward },
  }),
  'PUT /api/accounts/{id}': async (w) => {
    const account = await asOperator('GET', `/api/accounts/${fixture[w].account}`);

    return {
      method: 'PUT',
      path: `/api/accounts/${account.id}`,
      body: { ...account, contactName: `Liên hệ ${serial++}` },
    };
  },
  'DELETE /api/accounts/{id}': async (w) => {
    const account = await asOperator('POST', '/api/accounts', {
      name: `Xóa ${serial++}`,
      kind: 'ward-committee',
      unitId: fixture[w].ward,
    });

    return { method: 'DELETE', path: `/api/accounts/${account.id}` };
  },
  'GET /api/users': async (w) => ({ method: 'GET', path: `/api/users${byId('user', w)}` }),
  'GET /api/users/{id}': async (w) => ({ method: 'GET', path: `/api/users/${fixture[w].user}` }),
  'POST /api/users': async (w) => ({
    method: 'POST',
    path: '/api/users',
    body: {
      username: `moi.${serial++}`,
      fullName: 'Người Mới',
      accountId: fixture[w].account,
      role: 'viewer',
      password: 'MatKhau12345',
    },
  }),
  'PUT /api/users/{id}': async (w) => {
    const user = await asOperator('GET', `/api/users/${fixture[w].user}`);

    return {
      method: 'PUT',
      path: `/api/users/${user.id}`,
      body: { ...user, fullName: `Người ${serial++}` },
    };
  },
  'DELETE /api/users/{id}': async (w) => {
    const user = await asOperator('POST', '/api/users', {
      username: `xoa.${serial++}`,
      fullName: 'Người Xóa',
      accountId: fixture[w].account,
      role: 'viewer',
      password: 'MatKhau12345',
    });

    return { method: 'DELETE', path: `/api/users/${user.id}` };
  },
  'POST /api/users/{id}/password': async (w) => {
    const user = await asOperator('POST', '/api/users', {
      username: `dat.${serial++}`,
      fullName: 'Người Đặt',
      accountId: fixture[w].account,
      role: 'viewer',
      password: 'MatKhau12345',
    });

    return {
      method: 'POST',
      path: `/api/users/${user.id}/password`,
      body: { password: 'MatKhauMoi999' },
    };
  },
  'GET /api/audit-events': async (w) => ({
    method: 'GET',
    path: `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'households', recordId: fixture[w].household }))}`,
  }),
  'GET /api/audit-events/{id}': async (w) => ({
    method: 'GET',
    path: `/api/audit-events/${fixture[w].audit}`,
  }),
  'GET /api/collections': async (w) => ({
    method: 'GET',
    path: `/api/collections${byId('collection', w)}`,
  }),
  'GET /api/collections/{id}': async (w) => ({
    method: 'GET',
    path: `/api/collections/${fixture[w].collection}`,
  }),
  'POST /api/collections': async (w) => ({
    method: 'POST',
    path: '/api/collections',
    body: collectionBody(w),
  }),
  'PUT /api/collections/{id}': async (w) => {
    const current = await asOperator('GET', `/api/collections/${fixture[w].collection}`);

    return {
      method: 'PUT',
      path: `/api/collections/${current.id}`,
      body: { ...current, note: `sửa ${serial++}` },
    };
  },
  'DELETE /api/collections/{id}': async (w) => ({
    method: 'DELETE',
    path: `/api/collections/${await freshCollection(w)}`,
  }),
  'POST /api/collections/import': async (w) => {
    const { at, hamletId, ...row } = collectionBody(w);

    return {
      method: 'POST',
      path: '/api/collections/import',
      body: {
        unitId: fixture[w].ward,
        rows: [
          { ...row, at, hamletId, householdsCovered: '12', otherKg: '35,5', recyclableKg: '4,2' },
        ],
      },
    };
  },
  'GET /api/households/{id}/sorting-record': async (w) => ({
    method: 'GET',
    path: `/api/households/${fixture[w].household}/sorting-record`,
  }),
  'GET /api/kpis': async (w) => ({
    method: 'GET',
    path: `/api/kpis?unitId=${fixture[w].ward}&month=2025-06`,
  }),
  'GET /api/kpis/review': async (w) => ({
    method: 'GET',
    path: `/api/kpis/review?unitId=${fixture[w].ward}&year=2025`,
  }),
  // Each review carries a year of its own into the next, so every call creates.
  'POST /api/kpis/review': async (w) => ({
    method: 'POST',
    path: '/api/kpis/review',
    body: { unitId: fixture[w].ward, year: (targetYear += 1) },
  }),
  'GET /api/targets': async (w) => ({ method: 'GET', path: `/api/targets${byId('target', w)}` }),
  'GET /api/targets/{id}': async (w) => ({
    method: 'GET',
    path: `/api/targets/${fixture[w].target}`,
  }),
  'POST /api/targets': async (w) => ({ method: 'POST', path: '/api/targets', body: targetBody(w) }),
  'PUT /api/targets/{id}': async (w) => {
    const current = await asOperator('GET', `/api/targets/${fixture[w].target}`);

    return {
      method: 'PUT',
      path: `/api/targets/${current.id}`,
      body: { ...current, note: `sửa ${serial++}` },
    };
  },
  'DELETE /api/targets/{id}': async (w) => {
    const target = await asOperator('POST', '/api/targets', targetBody(w));

    return { method: 'DELETE', path: `/api/targets/${target.id}` };
  },
  'GET /api/emission-factors': async (w) => ({
    method: 'GET',
    path: `/api/emission-factors${byId('factors', w)}`,
  }),
  'GET /api/emission-factors/{id}': async (w) => ({
    method: 'GET',
    path: `/api/emission-factors/${fixture[w].factors}`,
  }),
  // One record per province: a new province each time (only the operator may create).
  'POST /api/emission-factors': async () => ({
    method: 'POST',
    path: '/api/emission-factors',
    body: factorsBody(await freshProvince()),
  }),
  'PUT /api/emission-factors/{id}': async (w) => {
    const current = await asOperator('GET', `/api/emission-factors/${fixture[w].factors}`);

    return {
      method: 'PUT',
      path: `/api/emission-factors/${current.id}`,
      body: { ...current, note: `sửa ${serial++}` },
    };
  },
  'DELETE /api/emission-factors/{id}': async () => {
    const record = await asOperator(
      'POST',
      '/api/emission-factors',
      factorsBody(await freshProvince()),
    );

    return { method: 'DELETE', path: `/api/emission-factors/${record.id}` };
  },
  'GET /api/public/stats': async (w) => ({
    method: 'GET',
    path: `/api/public/stats?unitId=${fixture[w].ward}&month=2025-06`,
  }),
  ...billing.cases,
  ...fees.cases,
  ...lookup.cases,
  ...payments.cases,
  ...webhooks.cases,
};

/** What public routes answer when they work, where that is not 200. */
const PUBLIC_STATUS: Record<string, number> = { ...lookup.statuses, ...webhooks.statuses };

/** Creates whose unit or bills lie outside the area answer 404, not 400. */
const OUTSIDE_NOT_FOUND = [
  'POST /api/bills/run',
  'POST /api/fee-schedules',
  'POST /api/payments/cash',
];

/** What a caller must get: the role's permission first, then the area. */
const expected = (
  routeKey: string,
  role: Role,
  where: Where,
): { status: number; visible?: boolean } => {
  const rule = accessRules[routeKey];
  if (rule.kind === 'public') {
    return { status: PUBLIC_STATUS[routeKey] ?? (routeKey.includes('login') ? 401 : 200) };
  }
  if (routeKey === 'POST /api/auth/password') return { status: 400 };
  if (rule.kind === 'signed-in') return { status: 200 };
  if (!can(role, rule.resource, rule.action)) return { status: 403 };

  const reaches = where === 'inside' || PLATFORM_WIDE.includes(role);
  const method = routeKey.split(' ')[0];
  if (rule.action === 'list') return { status: 200, visible: reaches };
  if (routeKey.endsWith('/import')) return { status: 200, visible: reaches };
  // Another account's invoice does not exist for the caller.
  if (routeKey === 'POST /api/invoices/{id}/pay') return { status: reaches ? 201 : 404 };
  // A unit or bill outside the area does not exist for the caller, as one that is nowhere.
  if (OUTSIDE_NOT_FOUND.includes(routeKey)) return { status: reaches ? 201 : 404 };
  if (method === 'POST' && rule.action === 'create') return { status: reaches ? 201 : 400 };
  // Users of the caller's own account are inside; the matrix's inside user is one of them.
  return { status: reaches ? 200 : 404 };
};

describe('authorization matrix', () => {
  test('every route of the route table has an access rule and a case in this matrix', () => {
    for (const routeKey of allRouteKeys()) {
      assert.ok(
        accessRules[routeKey],
        `route ${routeKey} has no access rule in shared/auth/access.ts`,
      );
      assert.ok(cases[routeKey], `route ${routeKey} has no case in the authorization matrix`);
    }
  });

  test('every route except the public ones refuses a call without a token with 401', async () => {
    for (const routeKey of allRouteKeys()) {
      if (accessRules[routeKey]?.kind === 'public') continue;
      const request = await cases[routeKey]('inside', 'operator');
      const response = await call(undefined, request.method, request.path, request.body);
      assert.equal(response.status, 401, `${routeKey} without a token`);
    }
  });

  for (const routeKey of allRouteKeys()) {
    for (const role of ROLES) {
      for (const where of ['inside', 'outside'] as const) {
        const want = expected(routeKey, role, where);
        const name =
          `${routeKey} as ${role}, record ${where} the area → ${want.status}` +
          (want.visible === undefined
            ? ''
            : want.visible
              ? ' and visible'
              : ' and nothing visible');
        test(name, async () => {
          const request = await cases[routeKey](where, role);
          // Sign-out ends the session: give it a session of its own.
          const token =
            routeKey === 'POST /api/auth/logout'
              ? await signIn(stack, USER_OF[role])
              : tokens[role];
          const response = await call(
            token,
            request.method,
            request.path,
            request.body,
            request.headers,
          );
          assert.equal(
            response.status,
            want.status,
            `${request.method} ${request.path}: ${response.text.slice(0, 300)}`,
          );
          if (want.visible === undefined) return;

          if (routeKey.endsWith('/import')) {
            const [row] = response.body.results;
            assert.equal(row.status === 'created', want.visible, JSON.stringify(row));
          } else if (routeKey === 'GET /api/stats/register') {
            assert.equal(Array.isArray(response.body) && response.body.length > 0, want.visible);
          } else {
            const total = Number(response.headers.get('content-range')?.split('/').pop());
            assert.equal(total > 0, want.visible, `total ${total}`);
          }
        });
      }
    }
  }
});

/**
 * The public household look-up on the local stack: the ward, a household code and its phone
 * number give the unpaid bills and the ways to pay; anything less or wrong gets one and the same
 * 404, after the same DynamoDB requests, and nothing personal beyond a masked name comes back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { defaultDb } from '../../shared/db/client';
import { useMerchants } from '../../shared/payments/merchants';
import { request } from '../support/api';
import { startFakeGateway, type FakeGateway } from '../support/fake-gateway';
import {
  createResident,
  freshClient,
  freshPhone,
  HAMLET,
  HAMLET_NAME,
  lookupPath,
  OWNER_NAME,
  type Resident,
  WARD,
  WARD_NAME,
} from '../support/lookup';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let fake: FakeGateway;
let resident: Resident;
let inactive: Resident;
/** A household of another ward, whose code and phone are right for it but not for WARD. */
let elsewhere: Resident;
/** Two households of WARD with one phone whose codes differ only by a hyphen: "LK-7", "LK7". */
let twins: { phone: string; hyphenated: string; compact: string };

before(async () => {
  stack = await startTestStack(3);
  const operator = await signIn(stack);
  fake = await startFakeGateway(['ubnd-22330-2409', 'ubnd-22363-2409']);
  useMerchants(fake.config);
  resident = await createResident(stack, operator, {
    bills: [
      { month: '2026-10', amount: 44_000 },
      { month: '2026-09', amount: 55_000 },
    ],
  });
  inactive = await createResident(stack, operator, {
    inactive: true,
    bills: [{ month: '2026-09', amount: 44_000 }],
  });
  elsewhere = await createResident(stack, operator, { unitId: '22363-2409', hamletId: null });
  twins = { phone: freshPhone(), hyphenated: 'LK-7', compact: 'LK7' };
  for (const code of [twins.hyphenated, twins.compact]) {
    const created = await request(
      stack.url,
      'POST',
      '/api/households',
      { code, ownerName: OWNER_NAME, unitId: WARD, hamletId: HAMLET, phone: twins.phone },
      bearer(operator),
    );
    assert.equal(created.status, 201, created.text);
  }
});

after(async () => {
  useMerchants(null);
  await fake?.close();
  await stack?.stop();
});

const get = (proof: Record<string, string | undefined>) =>
  request(stack.url, 'GET', lookupPath(proof), undefined, freshClient());

const proofOf = (r: Resident) => ({ unitId: r.unitId, code: r.code, phone: r.phone });

describe('looking up a household by ward, code and phone', () => {
  test('the right proof answers the unpaid bills, oldest month first, with their total', async () => {
    const response = await get(proofOf(resident));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.bills,
      [...resident.bills]
        .sort((a, b) => a.month.localeCompare(b.month))
        .map(({ id, month, amount, reference }) => ({ id, month, amount, reference })),
    );
    assert.equal(response.body.total, 99_000);
    assert.deepEqual(response.body.household, {
      code: resident.code,
      headName: 'N*** T*** T*** C***',
      hamletName: HAMLET_NAME,
      wardName: WARD_NAME,
    });
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('the ways to pay are the ward account’s configured gateways, VietQR, and cash', async () => {
    const { body } = await get(proofOf(resident));
    assert.deepEqual(
      body.methods.map((m: { method: string }) => m.method),
      ['vnpay', 'momo', 'zalopay', 'payos', 'vietqr'],
    );
    assert.ok(body.methods.every((m: { label: string }) => m.label.length > 0));
    assert.match(body.cash, /tiền mặt/);
  });

  test('a ward whose account has no online payment configured offers cash only', async () => {
    useMerchants({ merchants: [], bankAccounts: [] });
    try {
      const { body } = await get(proofOf(resident));
      assert.equal(body.bills.length, 2);
      assert.deepEqual(body.methods, []);
      assert.match(body.cash, /tiền mặt/);
    } finally {
      useMerchants(fake.config);
    }
  });

  test('the phone as people write it and the code in any case still match', async () => {
    const spaced = `+84 ${resident.phone.slice(1, 4)} ${resident.phone.slice(4, 7)} ${resident.phone.slice(7)}`;
    const response = await get({
      ...proofOf(resident),
      phone: spaced,
      code: resident.code.toLowerCase(),
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.bills.length, 2);
  });

  test('a code typed with a space, dot, underscore or no separator finds the hyphenated code', async () => {
    const [prefix, number] = resident.code.split('-');
    for (const typed of [
      `${prefix} ${number}`,
      `${prefix.toLowerCase()}.${number}`,
      `${prefix}_${number}`,
      ` ${prefix} - ${number} `,
      `${prefix}${number}`,
    ]) {
      const response = await get({ ...proofOf(resident), code: typed });
      assert.equal(response.status, 200, `${typed}: ${response.text}`);
      assert.equal(response.body.household.code, resident.code, typed);
    }
  });

  test('a code that exists as typed is found as typed, even when a hyphenated twin exists', async () => {
    for (const code of [twins.hyphenated, twins.compact, 'lk 7']) {
      const response = await get({ unitId: WARD, code, phone: twins.phone });
      assert.equal(response.status, 200, `${code}: ${response.text}`);
      assert.equal(
        response.body.household.code,
        code === twins.hyphenated ? twins.hyphenated : twins.compact,
      );
    }
  });

  test('the same proof posted as JSON answers the same, keeping the phone out of the URL', async () => {
    const posted = await request(
      stack.url,
      'POST',
      '/api/public/households/lookup',
      proofOf(resident),
      freshClient(),
    );
    const queried = await get(proofOf(resident));
    assert.equal(posted.status, 200, posted.text);
    assert.deepEqual(posted.body, queried.body);
  });

  test('a household with nothing left to pay answers no bills and no ways to pay', async () => {
    const response = await get(proofOf(elsewhere));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      [response.body.bills, response.body.total, response.body.methods],
      [[], 0, []],
    );
  });

  test('the answer holds no name, phone, address or id of the household', async () => {
    const { text } = await get(proofOf(resident));
    for (const secret of [
      OWNER_NAME,
      'Nguyễn',
      resident.phone,
      '12 Đường Thử',
      resident.householdId,
    ]) {
      // The household id is part of each bill id; no field names it on its own.
      const stripped = text.replaceAll(/"id":"[^"]+"/g, '');
      assert.ok(!stripped.includes(secret), `the answer contains ${secret}`);
    }
    assert.ok(!text.includes(resident.phone.slice(1)), 'the answer contains the phone digits');
  });
});

describe('a wrong or partial proof', () => {
  const wrongProofs = (): Record<string, Record<string, string | undefined>> => ({
    'no ward': { ...proofOf(resident), unitId: undefined },
    'no code': { ...proofOf(resident), code: undefined },
    'no phone': { ...proofOf(resident), phone: undefined },
    'another valid phone': { ...proofOf(resident), phone: freshPhone() },
    'a phone that is no phone number': { ...proofOf(resident), phone: '12345' },
    'an unknown code': { ...proofOf(resident), code: 'KHONG-CO-MA-NAY' },
    'an unknown ward': { ...proofOf(resident), unitId: '99999-0000' },
    'a hamlet instead of the ward': { ...proofOf(resident), unitId: '22330-2409-t01' },
    'the right code and phone of another ward': { ...proofOf(elsewhere), unitId: WARD },
    'an inactive household with its right phone': proofOf(inactive),
    'a loose spelling of a right code with the wrong phone': {
      ...proofOf(resident),
      code: resident.code.replace('-', ' '),
      phone: freshPhone(),
    },
    'a loose spelling that fits two households': {
      unitId: WARD,
      code: 'lk.7',
      phone: twins?.phone,
    },
  });

  test('every kind of wrong proof gets the same 404 body, in Vietnamese', async () => {
    const answers = new Map<string, string>();
    for (const [kind, proof] of Object.entries(wrongProofs())) {
      const response = await get(proof);
      assert.equal(response.status, 404, `${kind}: ${response.text}`);
      assert.equal(response.headers.get('cache-control'), 'no-store', kind);
      answers.set(kind, response.text);
    }
    const bodies = new Set(answers.values());
    assert.equal(bodies.size, 1, JSON.stringify([...answers]));
    const body = JSON.parse([...bodies][0]);
    assert.equal(body.code, 'lookup.not_found');
    assert.match(body.message, /Không tìm thấy hộ/);
  });

  test('every kind of wrong proof makes the same DynamoDB requests as the right one', async () => {
    const meter = defaultDb().meter;
    const requestsOf = async (proof: Record<string, string | undefined>) => {
      meter.reset();
      await get(proof);

      return meter.read().byCommand;
    };
    const right = await requestsOf(proofOf(resident));
    assert.deepEqual(right, { UpdateItem: 1, BatchGetItem: 1, GetItem: 2, Query: 1 });
    for (const [kind, proof] of Object.entries(wrongProofs())) {
      assert.deepEqual(await requestsOf(proof), right, kind);
    }
  });
});

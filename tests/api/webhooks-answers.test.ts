/**
 * Each gateway's answer in each situation, end to end: every situation is made for real
 * (a first payment, its repeat, an order we do not know, a wrong amount, a forged signature, a
 * configuration we cannot read) and the HTTP answer is compared with what the gateway's own
 * documentation asks for (GATEWAYS.md §1.6, §2.5, §3.5, §4.4).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GatewayName, Situation } from '../../shared/payments/gateways/types';
import { type Merchant, useMerchants } from '../../shared/payments/merchants';
import { signedNotification } from '../support/fake-gateway';
import { putBill } from '../support/payments';
import {
  deliver,
  GATEWAYS,
  merchantOf,
  newTxnId,
  notify,
  openAttempt,
  startWebhookStack,
  type WebhookStack,
} from '../support/webhooks';
import type { RawResponse } from '../support/api';

let env: WebhookStack;

before(async () => {
  env = await startWebhookStack();
});
after(async () => {
  await env?.stop();
});

/** HTTP status and the code the gateway reads from the body (none for MoMo and payOS). */
type Expected = [status: number, code?: string | number];

const EXPECTED: Record<GatewayName, Record<Situation, Expected>> = {
  vnpay: {
    confirmed: [200, '00'],
    'already-confirmed': [200, '02'],
    'order-not-found': [200, '01'],
    'amount-mismatch': [200, '04'],
    'bad-signature': [200, '97'],
    error: [200, '99'],
  },
  // MoMo defines one acknowledgement, 204, once the outcome is durably recorded.
  momo: {
    confirmed: [204],
    'already-confirmed': [204],
    'order-not-found': [204],
    'amount-mismatch': [204],
    'bad-signature': [400],
    error: [500],
  },
  // 1 processed, 2 already processed, -1 bad mac, 0 "call again" (the only retry code).
  zalopay: {
    confirmed: [200, 1],
    'already-confirmed': [200, 2],
    'order-not-found': [200, 1],
    'amount-mismatch': [200, 1],
    'bad-signature': [200, -1],
    error: [200, 0],
  },
  payos: {
    confirmed: [200],
    'already-confirmed': [200],
    'order-not-found': [200],
    'amount-mismatch': [200],
    'bad-signature': [400],
    error: [500],
  },
};

const UNKNOWN_ORDER: Record<GatewayName, string> = {
  vnpay: 'NG000000000000000000001',
  momo: 'NG000000000000000000002',
  zalopay: '240601_000000000000003',
  payos: '1700000000000004',
};

/** The same merchant with another key: its signatures are not ours. */
const wrongKeyed = (merchant: Merchant): Merchant =>
  ({
    ...merchant,
    credentials: Object.fromEntries(
      Object.entries(merchant.credentials).map(([name, value]) => [
        name,
        /secret|key2|checksum/i.test(name) ? 'not-the-configured-key' : value,
      ]),
    ),
  }) as Merchant;

const situations: Record<Situation, (gateway: GatewayName) => Promise<RawResponse>> = {
  confirmed: async (gateway) => {
    const { attempt } = await openAttempt(
      env.stack.db,
      env.fake,
      [await putBill(env.stack.db)],
      gateway,
    );

    return notify(env, attempt, { txnId: newTxnId() });
  },
  'already-confirmed': async (gateway) => {
    const { attempt } = await openAttempt(
      env.stack.db,
      env.fake,
      [await putBill(env.stack.db)],
      gateway,
    );
    const txnId = newTxnId();
    await notify(env, attempt, { txnId });

    return notify(env, attempt, { txnId });
  },
  'order-not-found': (gateway) =>
    notify(
      env,
      { gateway, orderId: UNKNOWN_ORDER[gateway], amount: 20_000 },
      { txnId: newTxnId() },
    ),
  'amount-mismatch': async (gateway) => {
    const { attempt } = await openAttempt(
      env.stack.db,
      env.fake,
      [await putBill(env.stack.db)],
      gateway,
    );

    return notify(env, attempt, { txnId: newTxnId(), amount: attempt.amount + 1_000 });
  },
  'bad-signature': async (gateway) => {
    const { attempt } = await openAttempt(
      env.stack.db,
      env.fake,
      [await putBill(env.stack.db)],
      gateway,
    );
    const forged = signedNotification(wrongKeyed(merchantOf(env.fake, gateway)), {
      orderId: attempt.orderId,
      amount: attempt.amount,
      txnId: newTxnId(),
    });

    return deliver(env.stack, gateway, forged);
  },
  // The merchants' configuration cannot be read: the gateway is asked to deliver again later.
  error: async (gateway) => {
    const { attempt } = await openAttempt(
      env.stack.db,
      env.fake,
      [await putBill(env.stack.db)],
      gateway,
    );
    process.env.NGUON_PAYMENT_MERCHANTS = '{ not json';
    useMerchants(null);
    try {
      return await notify(env, attempt, { txnId: newTxnId() });
    } finally {
      delete process.env.NGUON_PAYMENT_MERCHANTS;
      useMerchants(env.fake.config);
    }
  },
};

const codeOf = (gateway: GatewayName, response: RawResponse) =>
  gateway === 'vnpay'
    ? response.body?.RspCode
    : gateway === 'zalopay'
      ? response.body?.return_code
      : undefined;

/** The words of an answer for whoever reads the exchange: MoMo's or ZaloPay's in Vietnamese. */
const messageOf = (response: RawResponse): unknown =>
  response.body?.Message ?? response.body?.message ?? response.body?.return_message;

/** Vietnamese, not English: some letter only Vietnamese writes (ă, â, đ, ê, ô, ơ, ư or a tone). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe("each gateway's answer", () => {
  for (const gateway of GATEWAYS) {
    for (const situation of Object.keys(situations) as Situation[]) {
      const [status, code] = EXPECTED[gateway][situation];
      test(`${gateway}, ${situation}: HTTP ${status}${code === undefined ? '' : `, code ${code}`}`, async () => {
        const response = await situations[situation](gateway);
        assert.equal(response.status, status, response.text);
        assert.equal(codeOf(gateway, response), code, response.text);
        if (status === 204) assert.equal(response.text, '');
        if (status !== 204) assert.match(response.headers.get('content-type') ?? '', /json/);
        const message = messageOf(response);
        if (gateway === 'payos') assert.equal(message, undefined, response.text);
        // VNPay keeps the Message texts of its own documentation ("Confirm Success", …): it
        // acts on RspCode alone, and its integration checks compare against those texts.
        if (gateway === 'vnpay') assert.equal(typeof message, 'string', response.text);
        if (gateway !== 'payos' && gateway !== 'vnpay' && status !== 204) {
          assert.equal(typeof message, 'string', response.text);
          assert.match(message as string, VIETNAMESE, response.text);
        }
      });
    }
  }
});

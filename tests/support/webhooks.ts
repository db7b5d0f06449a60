/**
 * Helpers for the webhook tests: a test stack whose gateways are the fake gateway on localhost,
 * attempts opened through the product's own `createAttempt`, notifications sent through the
 * local HTTP server exactly as a gateway sends them, and reading back what was stored.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../infra/local/stack';
import type { Bill } from '../../shared/bills/fields';
import type { Db } from '../../shared/db/client';
import { getItem } from '../../shared/db/items';
import { keys } from '../../shared/db/keys';
import {
  type AttemptMethod,
  createAttempt,
  type PaymentAttempt,
  type StartedAttempt,
} from '../../shared/payments/attempts';
import type { GatewayName } from '../../shared/payments/gateways/types';
import { type Merchant, useMerchants } from '../../shared/payments/merchants';
import type { Payment } from '../../shared/payments/record';
import { findPaymentByReference } from '../../shared/payments/settle';
import { request, type RawResponse } from './api';
import { type FakeGateway, signedNotification, startFakeGateway } from './fake-gateway';
import { committeeOf, OTHER_WARD, WARD } from './payments';
import { startTestStack } from './stack';

export const GATEWAYS: GatewayName[] = ['vnpay', 'momo', 'zalopay', 'payos'];

export interface WebhookStack {
  stack: LocalStack;
  fake: FakeGateway;
  stop(): Promise<void>;
}

/**
 * The local stack with demo units, accounts and users, and merchants for both wards' committees
 * and the operator, every gateway URL pointing at the fake gateway. The committee of Vĩnh Hải
 * comes first, so it holds the gateways' published sandbox ids and keys.
 */
export const startWebhookStack = async (): Promise<WebhookStack> => {
  process.env.NGUON_GATEWAY_LOCAL_ONLY = '1';
  const fake = await startFakeGateway([committeeOf(WARD), committeeOf(OTHER_WARD), 'operator']);
  const stack = await startTestStack(0);
  useMerchants(fake.config);

  return {
    stack,
    fake,
    stop: async () => {
      await stack.stop();
      await fake.close();
    },
  };
};

/** The merchant of an account and gateway in the fake's configuration. */
export const merchantOf = (
  fake: FakeGateway,
  gateway: GatewayName,
  accountId = committeeOf(WARD),
) => {
  const merchant = fake.directory.gatewayFor(accountId, gateway);
  if (!merchant) throw new Error(`no ${gateway} merchant for ${accountId}`);

  return merchant as Merchant;
};

/** Opens an attempt for bills through the product, at `now` (ISO). */
export const openAttempt = (
  db: Db,
  fake: FakeGateway,
  bills: Bill[],
  gateway: AttemptMethod,
  now = new Date().toISOString(),
): Promise<StartedAttempt> =>
  createAttempt(
    db,
    {
      target: { kind: 'bills', householdId: bills[0].householdId, billIds: bills.map((b) => b.id) },
      gateway,
      returnUrl: 'http://127.0.0.1/lookup/ket-qua',
      clientIp: '127.0.0.1',
      notifyBaseUrl: 'http://127.0.0.1/',
    },
    now,
    { merchants: fake.directory },
  );

/** Sends a gateway's notification to its webhook: VNPay a GET query, the others a JSON body. */
export const deliver = (
  stack: LocalStack,
  gateway: GatewayName,
  signed: { rawQuery: string } | { body: string },
): Promise<RawResponse> =>
  'rawQuery' in signed
    ? request(stack.url, 'GET', `/api/webhooks/${gateway}?${signed.rawQuery}`)
    : request(stack.url, 'POST', `/api/webhooks/${gateway}`, signed.body, {
        'content-type': 'application/json',
      });

let txnSerial = 0;
/** A fresh gateway transaction id of digits (every gateway accepts those). */
export const newTxnId = (): string =>
  `${Date.now() % 1e9}${String((txnSerial += 1)).padStart(4, '0')}`;

/** Signs and delivers a notification for an attempt's order. */
export const notify = (
  { stack, fake }: WebhookStack,
  attempt: Pick<PaymentAttempt, 'gateway' | 'orderId' | 'amount'> & { accountId?: string },
  payment: { txnId: string; amount?: number; status?: 'paid' | 'failed' },
): Promise<RawResponse> => {
  const gateway = attempt.gateway as GatewayName;
  const merchant = merchantOf(fake, gateway, attempt.accountId);
  const signed = signedNotification(merchant, {
    orderId: attempt.orderId,
    amount: payment.amount ?? attempt.amount,
    txnId: payment.txnId,
    status: payment.status,
  });

  return deliver(stack, gateway, signed);
};

/** What a gateway reads from an answer: VNPay's RspCode, ZaloPay's return_code, else the status. */
export const answerCode = (gateway: GatewayName, response: RawResponse): string | number => {
  if (gateway === 'vnpay') return response.body?.RspCode;
  if (gateway === 'zalopay') return response.body?.return_code;

  return response.status;
};

/** Every item in the table: a forged call must not change it. Tests only (a Scan). */
export const tableItemCount = async (db: Db): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);

  return count;
};

/** Fee payments recorded for an attempt (a Scan, tests only). */
export const paymentsOfAttempt = async (db: Db, attemptId: string): Promise<Payment[]> => {
  const items: Payment[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        FilterExpression: 'begins_with(pk, :prefix) AND attemptId = :attempt',
        ExpressionAttributeValues: { ':prefix': 'FEE_PAYMENT#', ':attempt': attemptId },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as Payment[]));
    start = page.LastEvaluatedKey;
  } while (start);

  return items;
};

export const paymentOf = (db: Db, gateway: GatewayName, txnId: string) =>
  findPaymentByReference(db, gateway, txnId);

/** The attempt as stored now. */
export const storedAttempt = async (db: Db, attempt: PaymentAttempt): Promise<PaymentAttempt> =>
  (await getItem(
    db,
    keys.paymentAttempt(attempt.gateway, attempt.orderId),
    true,
  )) as unknown as PaymentAttempt;

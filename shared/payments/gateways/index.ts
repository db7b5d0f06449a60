import { randomInt } from 'node:crypto';
import { type GatewayHttp, gatewayHttp } from '../adapter';
import type { Merchant, MerchantDirectory, MerchantOf } from '../merchants';
import * as momo from './momo';
import * as payos from './payos';
import { ictStamp } from './signing';
import type {
  CredentialsOf,
  GatewayAnswer,
  GatewayName,
  GatewayNotification,
  PaymentOptions,
  PaymentOrder,
  PaymentRequest,
  QueryRequest,
  Situation,
  VerifyFailure,
  VerifyResult,
} from './types';
import * as vnpay from './vnpay';
import * as zalopay from './zalopay';

export * from './types';
export { vietQrPayload } from './vietqr';

/** What every gateway module offers, over its own credentials. */
export interface GatewayModule<C> {
  merchantIdOf(raw: string): string | null;
  verifyNotification(raw: string, credentials: C): VerifyResult;
  answer(situation: Situation): GatewayAnswer;
  buildPayment(order: PaymentOrder, credentials: C, options: PaymentOptions): PaymentRequest;
  /** The payer's page from the gateway's answer to a payment call (not VNPay: a plain URL). */
  parseCreateAnswer?(body: unknown, credentials: C): { redirectUrl: string };
  buildQuery(
    orderId: string,
    credentials: C,
    now: Date | string,
    createdAt?: Date | string,
  ): QueryRequest;
  parseQueryAnswer(body: unknown, credentials: C, orderId: string): GatewayNotification | null;
}

export const gateways: { [G in GatewayName]: GatewayModule<CredentialsOf[G]> } = {
  vnpay,
  momo,
  zalopay,
  payos,
};

const moduleOf = <G extends GatewayName>(gateway: G): GatewayModule<CredentialsOf[G]> =>
  gateways[gateway] as GatewayModule<CredentialsOf[G]>;

/** The gateway's answer to a notification, in its own form. */
export const answerFor = (gateway: GatewayName, situation: Situation): GatewayAnswer =>
  gateways[gateway].answer(situation);

const random = (digits: number): string => String(randomInt(10 ** digits)).padStart(digits, '0');

/**
 * A fresh order id for a payment attempt, in the form the gateway requires:
 * - ZaloPay `yymmdd_…`, the date in Vietnam time (ZaloPay rejects another day's prefix);
 * - payOS a positive safe integer (milliseconds × 1000 + 3 random digits);
 * - VNPay, MoMo and VietQR `NG` + Vietnam time stamp + random digits (letters and digits only,
 *   so it also fits MoMo's pattern and a bank transfer's content).
 * Two attempts in the same millisecond collide with odds of 1 in 10^3 (payOS) to 10^6; the
 * attempt is stored with a uniqueness condition, so a collision is retried, never merged.
 */
export const orderIdFor = (gateway: GatewayName | 'vietqr', now: Date | string): string => {
  const instant = new Date(now);
  const stamp = ictStamp(instant);
  const millis = String(instant.getTime() % 1000).padStart(3, '0');
  if (gateway === 'zalopay') return `${stamp.slice(2, 8)}_${stamp.slice(8)}${millis}${random(6)}`;
  if (gateway === 'payos') return String(instant.getTime() * 1000 + randomInt(1000));

  return `NG${stamp.slice(2)}${millis}${random(6)}`;
};

export type IncomingResult =
  | { ok: true; notification: GatewayNotification; merchant: Merchant }
  | { ok: false; reason: VerifyFailure };

/**
 * Verifies a notification exactly as received against the configured merchants, before
 * anything else is read: the merchant id it names picks the credentials; payOS names none, so
 * each configured payOS channel's key is tried. An id we do not know is `unknown-merchant`.
 */
export const verifyIncoming = <G extends GatewayName>(
  gateway: G,
  raw: string,
  directory: MerchantDirectory,
): IncomingResult => {
  const module = moduleOf(gateway);
  const merchantId = module.merchantIdOf(raw);
  const candidates: MerchantOf<G>[] = merchantId
    ? [directory.byMerchantId(gateway, merchantId)].filter((m): m is MerchantOf<G> => !!m)
    : gateway === 'payos'
      ? directory.ofGateway(gateway)
      : [];
  if (candidates.length === 0)
    return { ok: false, reason: merchantId ? 'unknown-merchant' : 'malformed' };

  let failure: VerifyFailure = 'bad-signature';
  for (const merchant of candidates) {
    const result = module.verifyNotification(raw, merchant.credentials);
    if (result.ok)
      return { ok: true, notification: result.notification, merchant: merchant as Merchant };
    failure = result.reason;
  }

  return { ok: false, reason: failure };
};

/**
 * Builds the payment request for an attempt and, for gateways that create the payment by an
 * API call, makes that call through the adapter: the URL the payer's browser goes to.
 */
export const startPayment = async <G extends GatewayName>(
  merchant: MerchantOf<G>,
  order: PaymentOrder,
  options: PaymentOptions,
  http: GatewayHttp = gatewayHttp,
  timeoutMs?: number,
): Promise<{ redirectUrl: string }> => {
  const module = moduleOf(merchant.gateway);
  const request = module.buildPayment(order, merchant.credentials, options);
  if (request.kind === 'redirect') return { redirectUrl: request.redirectUrl };

  const answer = await http.send(request, { gateway: merchant.gateway, timeoutMs });
  if (!module.parseCreateAnswer) throw new Error(`${merchant.gateway} has no payment call`);

  return module.parseCreateAnswer(answer.body, merchant.credentials);
};

/**
 * Asks the gateway about an order (a notification may have been lost): its verified state, or
 * null when the gateway does not know it. `createdAt` is the attempt's creation (VNPay needs it).
 */
export const queryOrder = async <G extends GatewayName>(
  merchant: MerchantOf<G>,
  order: { orderId: string; createdAt: Date | string },
  now: Date | string,
  http: GatewayHttp = gatewayHttp,
  timeoutMs?: number,
): Promise<GatewayNotification | null> => {
  const module = moduleOf(merchant.gateway);
  const request = module.buildQuery(order.orderId, merchant.credentials, now, order.createdAt);
  const answer = await http.send(request, { gateway: merchant.gateway, timeoutMs });

  return module.parseQueryAnswer(answer.body, merchant.credentials, order.orderId);
};

import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../errors';
import { hmacHex, parseObject, plainDescription, sameHex, scalarText } from './signing';
import {
  GatewayRejected,
  GatewayUnavailable,
  type GatewayAnswer,
  type GatewayNotification,
  type MomoCredentials,
  type PaymentOptions,
  type PaymentOrder,
  type PaymentRequest,
  type QueryRequest,
  type Situation,
  type VerifyResult,
} from './types';

/**
 * MoMo AIO v2: create (captureWallet), IPN and query. Every signature is HMAC-SHA256 with the
 * secret key over `key=value` pairs in a fixed alphabetical list, raw values, `accessKey` taken
 * from our configuration (the IPN does not carry it).
 */
const IPN_FIELDS = [
  'amount',
  'extraData',
  'message',
  'orderId',
  'orderInfo',
  'orderType',
  'partnerCode',
  'payType',
  'requestId',
  'responseTime',
  'resultCode',
  'transId',
] as const;

const CREATE_FIELDS = [
  'amount',
  'extraData',
  'ipnUrl',
  'orderId',
  'orderInfo',
  'partnerCode',
  'redirectUrl',
  'requestId',
  'requestType',
] as const;

const QUERY_FIELDS = ['orderId', 'partnerCode', 'requestId'] as const;

/**
 * The signed string over `fields` (alphabetical after `accessKey`); null when a field is
 * missing or not a plain string or integer.
 */
const rawSignature = (
  body: Record<string, unknown>,
  fields: readonly string[],
  accessKey: string,
): string | null => {
  const parts = [`accessKey=${accessKey}`];
  for (const field of fields) {
    const value = scalarText(body[field]);
    if (value === null) return null;
    parts.push(`${field}=${value}`);
  }

  return parts.join('&');
};

const sign = (
  body: Record<string, unknown>,
  fields: readonly string[],
  credentials: MomoCredentials,
): string => {
  const raw = rawSignature(body, fields, credentials.accessKey);
  if (raw === null) throw new ValidationError('Thiếu trường để ký yêu cầu MoMo');

  return hmacHex('sha256', credentials.secretKey, raw);
};

/** An IPN body signed as MoMo signs it (for the fake gateway and tests). */
export const signedIpn = (fields: Record<string, unknown>, credentials: MomoCredentials): string =>
  JSON.stringify({ ...fields, signature: sign(fields, IPN_FIELDS, credentials) });

/** The partner code of a notification, readable before verifying to pick the credentials. */
export const merchantIdOf = (rawBody: string): string | null => {
  const partnerCode = parseObject(rawBody)?.partnerCode;

  return typeof partnerCode === 'string' && partnerCode ? partnerCode : null;
};

/** 0 paid, 9000 authorized (one-step capture: paid); 1000, 7000, 7002 still pending. */
const outcomeOf = (resultCode: string): GatewayNotification['outcome'] =>
  resultCode === '0' || resultCode === '9000'
    ? 'paid'
    : ['1000', '7000', '7002'].includes(resultCode)
      ? 'pending'
      : 'failed';

/** Verifies an IPN over its raw JSON body, with the configured access and secret keys. */
export const verifyNotification = (rawBody: string, credentials: MomoCredentials): VerifyResult => {
  const body = parseObject(rawBody);
  if (!body) return { ok: false, reason: 'malformed' };
  if (typeof body.signature !== 'string' || !body.signature)
    return { ok: false, reason: 'missing-signature' };

  const raw = rawSignature(body, IPN_FIELDS, credentials.accessKey);
  if (raw === null) return { ok: false, reason: 'malformed' };
  if (!sameHex(body.signature, hmacHex('sha256', credentials.secretKey, raw)))
    return { ok: false, reason: 'bad-signature' };
  if (body.partnerCode !== credentials.partnerCode)
    return { ok: false, reason: 'merchant-mismatch' };

  return notificationOf(body, credentials) ?? { ok: false, reason: 'malformed' };
};

const notificationOf = (
  body: Record<string, unknown>,
  credentials: MomoCredentials,
): { ok: true; notification: GatewayNotification } | null => {
  const amount = body.amount;
  const orderId = scalarText(body.orderId);
  const transId = scalarText(body.transId);
  const resultCode = scalarText(body.resultCode);
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) return null;
  if (!orderId || transId === null || resultCode === null) return null;

  const outcome = outcomeOf(resultCode);
  const responseTime = typeof body.responseTime === 'number' ? body.responseTime : NaN;

  return {
    ok: true,
    notification: {
      gateway: 'momo',
      merchantId: credentials.partnerCode,
      orderId,
      gatewayTxnId: transId,
      amount,
      outcome,
      resultCode,
      paidAt:
        outcome === 'paid' && Number.isFinite(responseTime)
          ? new Date(responseTime).toISOString()
          : null,
      details: Object.fromEntries(
        [
          ['requestId', scalarText(body.requestId)],
          ['payType', scalarText(body.payType)],
          ['orderType', scalarText(body.orderType)],
        ].filter((entry): entry is [string, string] => !!entry[1]),
      ),
    },
  };
};

/**
 * MoMo's only acknowledgement is 204. Duplicates, unknown orders and amount mismatches are
 * acknowledged once stored for review (MoMo has no codes for them); a forged call gets 400 and
 * a failure to record gets 500 so the query API settles it later. MoMo reads only the status;
 * the message, for whoever reads the exchange, is in Vietnamese like the rest of the product.
 */
export const answer = (situation: Situation): GatewayAnswer => {
  if (situation === 'bad-signature')
    return {
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Chữ ký không hợp lệ' }),
    };
  if (situation === 'error')
    return {
      statusCode: 500,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Lỗi tạm thời, hãy gửi lại sau' }),
    };

  return { statusCode: 204, headers: {}, body: '' };
};

/** The create request for an attempt; MoMo answers with `payUrl` (see `parseCreateAnswer`). */
export const buildPayment = (
  order: PaymentOrder,
  credentials: MomoCredentials,
  options: PaymentOptions,
): PaymentRequest => {
  if (!Number.isSafeInteger(order.amount) || order.amount < 1000 || order.amount > 50_000_000)
    throw new ValidationError('MoMo nhận số tiền từ 1.000 đến 50.000.000 VND');
  if (!options.notifyUrl) throw new ValidationError('Thiếu địa chỉ nhận thông báo của MoMo');

  const fields: Record<string, string | number | boolean> = {
    partnerCode: credentials.partnerCode,
    requestId: randomUUID(),
    amount: order.amount,
    orderId: order.orderId,
    orderInfo: plainDescription(order.description, 255) || order.orderId,
    redirectUrl: options.returnUrl,
    ipnUrl: options.notifyUrl,
    requestType: 'captureWallet',
    extraData: '',
    lang: 'vi',
    autoCapture: true,
  };

  return {
    kind: 'call',
    method: 'POST',
    url: `${credentials.endpoint}/v2/gateway/api/create`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...fields, signature: sign(fields, CREATE_FIELDS, credentials) }),
  };
};

/** The signature of a create request body (tests and the fake gateway check it). */
export const createSignature = (body: Record<string, unknown>, credentials: MomoCredentials) =>
  sign(body, CREATE_FIELDS, credentials);

/** The query request signature. */
export const querySignature = (body: Record<string, unknown>, credentials: MomoCredentials) =>
  sign(body, QUERY_FIELDS, credentials);

/** MoMo's answer to a create request: the page the payer goes to. */
export const parseCreateAnswer = (
  body: unknown,
  credentials: MomoCredentials,
): { redirectUrl: string } => {
  const answer = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (!answer) throw new GatewayUnavailable('momo', 'bad-answer');
  if (answer.resultCode !== 0 || typeof answer.payUrl !== 'string' || !answer.payUrl)
    throw new GatewayRejected('momo', String(answer.resultCode ?? ''));
  if (answer.partnerCode !== undefined && answer.partnerCode !== credentials.partnerCode)
    throw new GatewayUnavailable('momo', 'bad-answer');

  return { redirectUrl: answer.payUrl };
};

/** A query call for an order (a fresh request id each time). */
export const buildQuery = (
  orderId: string,
  credentials: MomoCredentials,
  _now?: Date | string,
): QueryRequest => {
  const fields = { partnerCode: credentials.partnerCode, requestId: randomUUID(), orderId };

  return {
    method: 'POST',
    url: `${credentials.endpoint}/v2/gateway/api/query`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...fields,
      lang: 'vi',
      signature: sign(fields, QUERY_FIELDS, credentials),
    }),
  };
};

/**
 * MoMo's query answer: the order's state, or null when MoMo does not know it (resultCode
 * 42: order not found). It must name the order asked about. The answer carries no signature this module checks; it is trusted
 * because it comes over HTTPS from the configured endpoint, and must name our partner code.
 */
export const parseQueryAnswer = (
  body: unknown,
  credentials: MomoCredentials,
  orderId: string,
): GatewayNotification | null => {
  const answer = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (!answer || answer.partnerCode !== credentials.partnerCode)
    throw new GatewayUnavailable('momo', 'bad-answer');
  if (answer.resultCode === 42) return null;

  const parsed = notificationOf(answer, credentials);
  if (!parsed || parsed.notification.orderId !== orderId)
    throw new GatewayUnavailable('momo', 'bad-answer');

  return { ...parsed.notification, details: { ...parsed.notification.details, source: 'query' } };
};

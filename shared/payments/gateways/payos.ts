import { ValidationError } from '../../errors';
import { parseInstant } from '../../time/ict';
import { hmacHex, parseObject, plainDescription, sameHex, scalarText } from './signing';
import {
  GatewayRejected,
  GatewayUnavailable,
  type GatewayAnswer,
  type GatewayNotification,
  type PaymentOptions,
  type PaymentOrder,
  type PaymentRequest,
  type PayosCredentials,
  type QueryRequest,
  type Situation,
  type VerifyResult,
} from './types';

/**
 * payOS: payment links, webhook and payment-link info. Only `data` is signed: its keys sorted,
 * `key=value` raw, null/undefined (or the strings "null"/"undefined") empty, arrays as JSON of
 * their elements with each element's keys sorted, joined by `&`, HMAC-SHA256 with the checksum
 * key.
 */
const sortedKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, (value as Record<string, unknown>)[key]]),
      )
    : value;

const valueText = (value: unknown): string => {
  if (value === null || value === undefined || value === 'null' || value === 'undefined') return '';
  if (Array.isArray(value)) return JSON.stringify(value.map(sortedKeys));
  if (typeof value === 'object') return JSON.stringify(sortedKeys(value));

  return String(value);
};

/** The string payOS signs for a data object. */
export const signedString = (data: Record<string, unknown>): string =>
  Object.keys(data)
    .filter((key) => data[key] !== undefined)
    .sort()
    .map((key) => `${key}=${valueText(data[key])}`)
    .join('&');

export const dataSignature = (data: Record<string, unknown>, checksumKey: string): string =>
  hmacHex('sha256', checksumKey, signedString(data));

/** A webhook body signed as payOS signs it (for the fake gateway and tests). */
export const signedWebhook = (data: Record<string, unknown>, checksumKey: string): string =>
  JSON.stringify({
    code: '00',
    desc: 'success',
    success: true,
    data,
    signature: dataSignature(data, checksumKey),
  });

/**
 * payOS webhooks name no client id: the channel is found by trying each configured checksum
 * key (see `verifyIncoming` in index.ts), so there is nothing to read before verifying.
 */
export const merchantIdOf = (_rawBody: string): string | null => null;

const dataObject = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** Verifies a webhook over its raw JSON body; the outcome is read from the signed `data.code`. */
export const verifyNotification = (
  rawBody: string,
  credentials: PayosCredentials,
): VerifyResult => {
  const body = parseObject(rawBody);
  const data = dataObject(body?.data);
  if (!body || !data) return { ok: false, reason: 'malformed' };
  if (typeof body.signature !== 'string' || !body.signature)
    return { ok: false, reason: 'missing-signature' };
  if (!sameHex(body.signature, dataSignature(data, credentials.checksumKey)))
    return { ok: false, reason: 'bad-signature' };

  const orderCode = data.orderCode;
  const amount = data.amount;
  if (typeof orderCode !== 'number' || !Number.isSafeInteger(orderCode) || orderCode < 0)
    return { ok: false, reason: 'malformed' };
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
    return { ok: false, reason: 'malformed' };

  const code = scalarText(data.code) ?? '';
  const reference = scalarText(data.reference) ?? '';
  const paymentLinkId = scalarText(data.paymentLinkId) ?? '';
  const when = scalarText(data.transactionDateTime);

  return {
    ok: true,
    notification: {
      gateway: 'payos',
      merchantId: credentials.clientId,
      orderId: String(orderCode),
      gatewayTxnId: reference || paymentLinkId,
      amount,
      outcome: code === '00' ? 'paid' : 'failed',
      resultCode: code,
      // payOS gives a local date-time without a zone; it is Vietnam time.
      paidAt: code === '00' && when ? (parseInstant(when) ?? null) : null,
      details: Object.fromEntries(
        [
          ['paymentLinkId', paymentLinkId],
          ['reference', reference],
          ['accountNumber', scalarText(data.accountNumber) ?? ''],
          ['currency', scalarText(data.currency) ?? ''],
        ].filter(([, value]) => value !== ''),
      ),
    },
  };
};

/**
 * payOS accepts any 2xx; the confirm-webhook test call (a sample order we do not know) must get
 * one too, or the URL is not registered. A forged call gets 400, a failure to record 500.
 */
export const answer = (situation: Situation): GatewayAnswer => {
  const statusCode = situation === 'bad-signature' ? 400 : situation === 'error' ? 500 : 200;

  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ success: statusCode === 200 }),
  };
};

/** The signature of a payment-link request: amount, cancelUrl, description, orderCode, returnUrl. */
export const linkSignature = (
  link: {
    amount: number;
    cancelUrl: string;
    description: string;
    orderCode: number;
    returnUrl: string;
  },
  checksumKey: string,
): string =>
  hmacHex(
    'sha256',
    checksumKey,
    `amount=${link.amount}&cancelUrl=${link.cancelUrl}&description=${link.description}` +
      `&orderCode=${link.orderCode}&returnUrl=${link.returnUrl}`,
  );

const headersOf = (credentials: PayosCredentials): Record<string, string> => ({
  'x-client-id': credentials.clientId,
  'x-api-key': credentials.apiKey,
});

/** The payment-link request for an attempt; payOS answers with `checkoutUrl`. */
export const buildPayment = (
  order: PaymentOrder,
  credentials: PayosCredentials,
  options: PaymentOptions,
): PaymentRequest => {
  const orderCode = Number(order.orderId);
  if (!/^\d{1,16}$/.test(order.orderId) || !Number.isSafeInteger(orderCode))
    throw new ValidationError('Mã đơn payOS phải là số nguyên');
  if (!Number.isSafeInteger(order.amount) || order.amount <= 0)
    throw new ValidationError('Số tiền thanh toán phải là số nguyên dương (VND)');

  // payOS puts the description into the transfer content: at most 25 characters.
  const link = {
    orderCode,
    amount: order.amount,
    description: plainDescription(order.description, 25) || order.orderId.slice(-25),
    cancelUrl: options.cancelUrl ?? options.returnUrl,
    returnUrl: options.returnUrl,
  };
  const expiredAt =
    Math.floor(new Date(options.now).getTime() / 1000) + (options.expiresInMinutes ?? 15) * 60;

  return {
    kind: 'call',
    method: 'POST',
    url: `${credentials.endpoint}/v2/payment-requests`,
    headers: { 'content-type': 'application/json', ...headersOf(credentials) },
    body: JSON.stringify({
      ...link,
      expiredAt,
      signature: linkSignature(link, credentials.checksumKey),
    }),
  };
};

/** payOS's answer to a payment-link request: the checkout page; its signature checked when given. */
export const parseCreateAnswer = (
  body: unknown,
  credentials: PayosCredentials,
): { redirectUrl: string } => {
  const answer = dataObject(body);
  const data = dataObject(answer?.data);
  if (!answer) throw new GatewayUnavailable('payos', 'bad-answer');
  if (answer.code !== '00' || !data || typeof data.checkoutUrl !== 'string')
    throw new GatewayRejected('payos', String(answer.code ?? ''));
  if (
    answer.signature !== undefined &&
    !sameHex(answer.signature, dataSignature(data, credentials.checksumKey))
  )
    throw new GatewayUnavailable('payos', 'bad-answer');

  return { redirectUrl: data.checkoutUrl };
};

/** The payment-link info call for an order code. */
export const buildQuery = (
  orderId: string,
  credentials: PayosCredentials,
  _now?: Date | string,
): QueryRequest => ({
  method: 'GET',
  url: `${credentials.endpoint}/v2/payment-requests/${encodeURIComponent(orderId)}`,
  headers: headersOf(credentials),
});

const STATUS_OUTCOME: Record<string, GatewayNotification['outcome']> = {
  PAID: 'paid',
  PENDING: 'pending',
  PROCESSING: 'pending',
  UNDERPAID: 'pending',
  CANCELLED: 'failed',
  EXPIRED: 'failed',
  FAILED: 'failed',
};

/**
 * The payment-link info, verified with the checksum key: the order's state. A link payOS
 * reports under another order code, or an unsigned answer, is unusable.
 */
export const parseQueryAnswer = (
  body: unknown,
  credentials: PayosCredentials,
  orderId: string,
): GatewayNotification | null => {
  const answer = dataObject(body);
  if (!answer) throw new GatewayUnavailable('payos', 'bad-answer');
  if (answer.code !== '00') throw new GatewayRejected('payos', String(answer.code ?? ''));

  const data = dataObject(answer.data);
  if (!data || !sameHex(answer.signature, dataSignature(data, credentials.checksumKey)))
    throw new GatewayUnavailable('payos', 'bad-answer');
  if (String(data.orderCode) !== orderId) throw new GatewayUnavailable('payos', 'bad-answer');

  const outcome = STATUS_OUTCOME[String(data.status)];
  if (!outcome) throw new GatewayUnavailable('payos', 'bad-answer');

  const transactions = Array.isArray(data.transactions) ? data.transactions : [];
  const last = dataObject(transactions[transactions.length - 1]);
  const reference = scalarText(last?.reference) ?? '';
  const linkId = scalarText(data.id) ?? '';
  const amountPaid = data.amountPaid;
  const amount =
    typeof amountPaid === 'number' && Number.isSafeInteger(amountPaid) ? amountPaid : 0;
  const when = scalarText(last?.transactionDateTime);

  return {
    gateway: 'payos',
    merchantId: credentials.clientId,
    orderId,
    // The same id the webhook gives (the bank reference), so either path records the payment once.
    gatewayTxnId: reference || linkId,
    amount,
    outcome,
    resultCode: String(data.status),
    paidAt: outcome === 'paid' && when ? (parseInstant(when) ?? null) : null,
    details: {
      source: 'query',
      ...(linkId ? { paymentLinkId: linkId } : {}),
      ...(reference ? { reference } : {}),
    },
  };
};

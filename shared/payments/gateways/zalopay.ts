import { ValidationError } from '../../errors';
import { hmacHex, parseObject, plainDescription, sameHex, scalarText } from './signing';
import {
  GatewayRejected,
  GatewayUnavailable,
  type GatewayAnswer,
  type GatewayNotification,
  type PaymentOptions,
  type PaymentOrder,
  type PaymentRequest,
  type QueryRequest,
  type Situation,
  type VerifyResult,
  type ZalopayCredentials,
} from './types';

/**
 * ZaloPay OpenAPI v2: create order, callback and query. key1 signs what we send; key2 only
 * verifies callbacks, whose mac covers the `data` string exactly as received.
 */

/** The callback body's `data` parsed, or null; the mac is never computed over this. */
const dataOf = (body: Record<string, unknown> | null): Record<string, unknown> | null =>
  body && typeof body.data === 'string' ? parseObject(body.data) : null;

/** The app id of a callback, readable before verifying to pick the credentials. */
export const merchantIdOf = (rawBody: string): string | null => {
  const appId = scalarText(dataOf(parseObject(rawBody))?.app_id);

  return appId || null;
};

/** A callback body signed as ZaloPay signs it (for the fake gateway and tests). */
export const signedCallback = (data: string, key2: string): string =>
  JSON.stringify({ data, mac: hmacHex('sha256', key2, data), type: 1 });

/** Verifies a callback: mac = HMAC-SHA256(key2, data as received). */
export const verifyNotification = (
  rawBody: string,
  credentials: ZalopayCredentials,
): VerifyResult => {
  const body = parseObject(rawBody);
  if (!body || typeof body.data !== 'string') return { ok: false, reason: 'malformed' };
  if (typeof body.mac !== 'string' || !body.mac) return { ok: false, reason: 'missing-signature' };
  if (!sameHex(body.mac, hmacHex('sha256', credentials.key2, body.data)))
    return { ok: false, reason: 'bad-signature' };
  // Type 2 callbacks concern agreements (tokenisation), not orders.
  if (body.type !== undefined && body.type !== 1) return { ok: false, reason: 'unsupported' };

  const data = parseObject(body.data);
  if (!data) return { ok: false, reason: 'malformed' };
  if (scalarText(data.app_id) !== credentials.appId)
    return { ok: false, reason: 'merchant-mismatch' };

  const orderId = scalarText(data.app_trans_id);
  const zpTransId = scalarText(data.zp_trans_id);
  const amount = data.amount;
  if (!orderId || !zpTransId || typeof amount !== 'number' || !Number.isSafeInteger(amount))
    return { ok: false, reason: 'malformed' };

  const serverTime = typeof data.server_time === 'number' ? data.server_time : NaN;
  const channel = scalarText(data.channel);

  // ZaloPay calls back only once it has collected the money.
  return {
    ok: true,
    notification: {
      gateway: 'zalopay',
      merchantId: credentials.appId,
      orderId,
      gatewayTxnId: zpTransId,
      amount,
      outcome: 'paid',
      resultCode: '1',
      paidAt: Number.isFinite(serverTime) ? new Date(serverTime).toISOString() : null,
      details: channel ? { channel } : {},
    },
  };
};

const ANSWERS: Record<Situation, [number, string]> = {
  confirmed: [1, 'Thành công'],
  'already-confirmed': [2, 'Giao dịch đã được xác nhận trước đó'],
  'order-not-found': [1, 'Đã ghi nhận để đối soát: không tìm thấy đơn hàng'],
  'amount-mismatch': [1, 'Đã ghi nhận để đối soát: số tiền không khớp'],
  'bad-signature': [-1, 'Chữ ký (mac) không hợp lệ'],
  error: [0, 'Lỗi tạm thời, hãy gửi lại sau'],
};

/**
 * ZaloPay reads `return_code`: 1 processed, 2 already processed, -1 bad mac, 0 asks for up to
 * three more callbacks. An unknown order or an amount mismatch is answered 1 only because the
 * webhook has stored it for review first; if storing failed, answer `error` instead. ZaloPay
 * reads only the code; `return_message` is in Vietnamese like the rest of the product.
 */
export const answer = (situation: Situation): GatewayAnswer => {
  const [returnCode, returnMessage] = ANSWERS[situation];

  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ return_code: returnCode, return_message: returnMessage }),
  };
};

/** The order mac: HMAC-SHA256(key1, app_id|app_trans_id|app_user|amount|app_time|embed_data|item). */
export const orderMac = (fields: Record<string, string>, key1: string): string =>
  hmacHex(
    'sha256',
    key1,
    [
      fields.app_id,
      fields.app_trans_id,
      fields.app_user,
      fields.amount,
      fields.app_time,
      fields.embed_data,
      fields.item,
    ].join('|'),
  );

/** The query mac: HMAC-SHA256(key1, app_id|app_trans_id|key1). */
export const queryMac = (appId: string, appTransId: string, key1: string): string =>
  hmacHex('sha256', key1, `${appId}|${appTransId}|${key1}`);

/** The create-order call for an attempt (form-encoded); ZaloPay answers with `order_url`. */
export const buildPayment = (
  order: PaymentOrder,
  credentials: ZalopayCredentials,
  options: PaymentOptions,
): PaymentRequest => {
  if (!Number.isSafeInteger(order.amount) || order.amount <= 0)
    throw new ValidationError('Số tiền thanh toán phải là số nguyên dương (VND)');
  if (!/^\d{6}_/.test(order.orderId))
    throw new ValidationError('Mã giao dịch ZaloPay phải bắt đầu bằng ngày yymmdd_');

  const fields: Record<string, string> = {
    app_id: credentials.appId,
    app_user: 'nguon',
    app_trans_id: order.orderId,
    app_time: String(new Date(options.now).getTime()),
    amount: String(order.amount),
    item: '[]',
    embed_data: JSON.stringify({ redirecturl: options.returnUrl }),
    description: plainDescription(order.description, 256) || order.orderId,
    bank_code: '',
    expire_duration_seconds: String((options.expiresInMinutes ?? 15) * 60),
  };
  if (options.notifyUrl) fields.callback_url = options.notifyUrl;
  fields.mac = orderMac(fields, credentials.key1);

  return {
    kind: 'call',
    method: 'POST',
    url: `${credentials.endpoint}/v2/create`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
};

/** ZaloPay's answer to create-order: the page the payer goes to. */
export const parseCreateAnswer = (
  body: unknown,
  _credentials?: ZalopayCredentials,
): { redirectUrl: string } => {
  const answer = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (!answer) throw new GatewayUnavailable('zalopay', 'bad-answer');
  if (answer.return_code !== 1 || typeof answer.order_url !== 'string' || !answer.order_url)
    throw new GatewayRejected(
      'zalopay',
      String(answer.sub_return_code ?? answer.return_code ?? ''),
    );

  return { redirectUrl: answer.order_url };
};

/** The query call for an order (form-encoded). */
export const buildQuery = (
  orderId: string,
  credentials: ZalopayCredentials,
  _now?: Date | string,
): QueryRequest => ({
  method: 'POST',
  url: `${credentials.endpoint}/v2/query`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    app_id: credentials.appId,
    app_trans_id: orderId,
    mac: queryMac(credentials.appId, orderId, credentials.key1),
  }).toString(),
});

/**
 * ZaloPay's query answer (1 paid, 2 failed, 3 pending or processing). It names neither the
 * order nor the app and carries no mac: it is trusted because it answers our signed request
 * over HTTPS from the configured endpoint, so the order id is the one asked about.
 */
export const parseQueryAnswer = (
  body: unknown,
  credentials: ZalopayCredentials,
  orderId: string,
): GatewayNotification | null => {
  const answer = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (!answer) throw new GatewayUnavailable('zalopay', 'bad-answer');

  const code = answer.return_code;
  if (code !== 1 && code !== 2 && code !== 3) throw new GatewayUnavailable('zalopay', 'bad-answer');

  const outcome =
    code === 1 ? 'paid' : code === 3 || answer.is_processing === true ? 'pending' : 'failed';
  const amount =
    typeof answer.amount === 'number' && Number.isSafeInteger(answer.amount) ? answer.amount : 0;
  const zpTransId = scalarText(answer.zp_trans_id) ?? '';
  if (outcome === 'paid' && (!zpTransId || zpTransId === '0' || amount <= 0))
    throw new GatewayUnavailable('zalopay', 'bad-answer');

  const serverTime = typeof answer.server_time === 'number' ? answer.server_time : NaN;
  const subCode = scalarText(answer.sub_return_code);

  return {
    gateway: 'zalopay',
    merchantId: credentials.appId,
    orderId,
    gatewayTxnId: zpTransId,
    amount,
    outcome,
    resultCode: String(code),
    paidAt:
      outcome === 'paid' && Number.isFinite(serverTime) ? new Date(serverTime).toISOString() : null,
    details: { source: 'query', ...(subCode ? { subReturnCode: subCode } : {}) },
  };
};

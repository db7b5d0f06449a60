import { ValidationError } from '../../errors';
import {
  compact,
  hmacHex,
  ictStamp,
  instantOfIctStamp,
  plainDescription,
  sameHex,
} from './signing';
import {
  type GatewayAnswer,
  type GatewayNotification,
  type PaymentOptions,
  type PaymentOrder,
  type PaymentRequest,
  type Situation,
  type VerifyResult,
  type VnpayCredentials,
} from './types';

/**
 * VNPay 2.1.0: payment URL, IPN (a GET whose query string is signed) and QueryDR.
 * Signed string: every non-empty `vnp_*` parameter except the two hash fields, sorted by key,
 * each pair form-URL-encoded (space → `+`), joined by `&`; HMAC-SHA512 with the hash secret.
 */
const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** application/x-www-form-urlencoded, as VNPay's Java `URLEncoder` and WHATWG agree on. */
const formEncode = (key: string, value: string): string =>
  new URLSearchParams([[key, value]]).toString();

const formDecode = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));

interface QueryPair {
  key: string;
  value: string;
  token: string;
}

/** The query's pairs decoded, each with its token as received; null when malformed. */
const parsePairs = (raw: string): QueryPair[] | null => {
  const text = raw.startsWith('?') ? raw.slice(1) : raw;
  const pairs: QueryPair[] = [];
  for (const token of text.split('&')) {
    if (!token) continue;

    const eq = token.indexOf('=');
    try {
      const key = formDecode(eq < 0 ? token : token.slice(0, eq));
      const value = eq < 0 ? '' : formDecode(token.slice(eq + 1));
      pairs.push({ key, value, token });
    } catch {
      return null;
    }
  }

  return pairs;
};

const byKey = <T extends { key: string }>(a: T, b: T): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** The string VNPay signs for a set of `vnp_*` parameters (values as decoded). */
export const signedString = (params: Record<string, string>): string =>
  Object.entries(params)
    .filter(([key, value]) => key.startsWith('vnp_') && !UNSIGNED.has(key) && value !== '')
    .map(([key, value]) => ({ key, value }))
    .sort(byKey)
    .map(({ key, value }) => formEncode(key, value))
    .join('&');

/** A signed query string for the parameters: what VNPay sends, and what the pay URL carries. */
export const signedQuery = (params: Record<string, string>, hashSecret: string): string => {
  const data = signedString(params);

  return `${data}&vnp_SecureHash=${hmacHex('sha512', hashSecret, data)}`;
};

/** The terminal code of a notification, readable before verifying to pick the credentials. */
export const merchantIdOf = (rawQuery: string): string | null => {
  const pair = parsePairs(rawQuery)?.find((p) => p.key === 'vnp_TmnCode');

  return pair?.value || null;
};

/**
 * Checks the signature of a raw query string. The pairs are re-encoded the way VNPay signs
 * them; the tokens exactly as received are tried too, in case a proxy or a VNPay encoder
 * differs from ours on rare characters (both are strings VNPay would have had to sign).
 */
const checkSignature = (
  pairs: QueryPair[] | null,
  hashSecret: string,
): 'ok' | 'malformed' | 'missing-signature' | 'bad-signature' => {
  if (!pairs) return 'malformed';

  const vnp = pairs.filter((p) => p.key.startsWith('vnp_'));
  if (new Set(vnp.map((p) => p.key)).size !== vnp.length) return 'malformed';

  const received = vnp.find((p) => p.key === 'vnp_SecureHash')?.value;
  if (!received) return 'missing-signature';

  const signed = vnp.filter((p) => !UNSIGNED.has(p.key) && p.value !== '').sort(byKey);
  const reencoded = signed.map((p) => formEncode(p.key, p.value)).join('&');
  const asReceived = signed.map((p) => p.token).join('&');
  const valid =
    sameHex(received, hmacHex('sha512', hashSecret, reencoded)) ||
    (asReceived !== reencoded && sameHex(received, hmacHex('sha512', hashSecret, asReceived)));

  return valid ? 'ok' : 'bad-signature';
};

/** Whether a signed query string (a payment URL's, or an IPN's) carries a valid signature. */
export const verifySignedQuery = (rawQuery: string, hashSecret: string): boolean =>
  checkSignature(parsePairs(rawQuery), hashSecret) === 'ok';

/** Verifies an IPN over its raw query string, then reads it. */
export const verifyNotification = (
  rawQuery: string,
  credentials: VnpayCredentials,
): VerifyResult => {
  const pairs = parsePairs(rawQuery);
  const check = checkSignature(pairs, credentials.hashSecret);
  if (check !== 'ok' || !pairs) return { ok: false, reason: check === 'ok' ? 'malformed' : check };

  const vnp = pairs.filter((p) => p.key.startsWith('vnp_'));
  const field = (key: string): string => vnp.find((p) => p.key === key)?.value ?? '';
  if (field('vnp_TmnCode') !== credentials.tmnCode)
    return { ok: false, reason: 'merchant-mismatch' };

  // The hash covers the ×100 string, so the amount is converted only now.
  const scaled = field('vnp_Amount');
  if (!/^\d{1,15}$/.test(scaled) || Number(scaled) % 100 !== 0 || !field('vnp_TxnRef'))
    return { ok: false, reason: 'malformed' };

  const responseCode = field('vnp_ResponseCode');
  const transactionStatus = field('vnp_TransactionStatus');
  const paid = responseCode === '00' && transactionStatus === '00';
  const notification: GatewayNotification = {
    gateway: 'vnpay',
    merchantId: credentials.tmnCode,
    orderId: field('vnp_TxnRef'),
    gatewayTxnId: field('vnp_TransactionNo'),
    amount: Number(scaled) / 100,
    outcome: paid ? 'paid' : 'failed',
    resultCode: responseCode,
    paidAt: paid ? instantOfIctStamp(field('vnp_PayDate')) : null,
    details: compact({
      transactionStatus,
      bankCode: field('vnp_BankCode'),
      bankTranNo: field('vnp_BankTranNo'),
      cardType: field('vnp_CardType'),
      payDate: field('vnp_PayDate'),
    }),
  };

  return { ok: true, notification };
};

const ANSWERS: Record<Situation, [string, string]> = {
  confirmed: ['00', 'Confirm Success'],
  'already-confirmed': ['02', 'Order already confirmed'],
  'order-not-found': ['01', 'Order not found'],
  'amount-mismatch': ['04', 'Invalid amount'],
  'bad-signature': ['97', 'Invalid signature'],
  error: ['99', 'Unknown error'],
};

/** VNPay reads `RspCode` from an HTTP 200 JSON body; 00 and 02 stop its retries. */
export const answer = (situation: Situation): GatewayAnswer => {
  const [RspCode, Message] = ANSWERS[situation];

  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ RspCode, Message }),
  };
};

const requireAmount = (amount: number): void => {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new ValidationError('Số tiền thanh toán phải là số nguyên dương (VND)');
};

/** The payment URL for an attempt: the payer's browser goes there. */
export const buildPayment = (
  order: PaymentOrder,
  credentials: VnpayCredentials,
  options: PaymentOptions,
): PaymentRequest => {
  requireAmount(order.amount);
  const created = new Date(options.now);
  const expires = new Date(created.getTime() + (options.expiresInMinutes ?? 15) * 60_000);
  const params: Record<string, string> = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TmnCode: credentials.tmnCode,
    vnp_Amount: String(order.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: order.orderId,
    vnp_OrderInfo: plainDescription(order.description, 255) || order.orderId,
    vnp_OrderType: 'other',
    vnp_Locale: 'vn',
    vnp_ReturnUrl: options.returnUrl,
    vnp_IpAddr: options.clientIp || '127.0.0.1',
    vnp_CreateDate: ictStamp(created),
    vnp_ExpireDate: ictStamp(expires),
  };

  return {
    kind: 'redirect',
    redirectUrl: `${credentials.payUrl}?${signedQuery(params, credentials.hashSecret)}`,
  };
};

export { buildQuery, parseQueryAnswer, queryAnswerHash, queryRequestHash } from './vnpay-query';

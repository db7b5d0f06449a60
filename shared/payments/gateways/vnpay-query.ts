import { randomBytes } from 'node:crypto';
import { compact, hmacHex, ictStamp, instantOfIctStamp, sameHex } from './signing';
import {
  type GatewayNotification,
  GatewayUnavailable,
  type QueryRequest,
  type VnpayCredentials,
} from './types';

/**
 * VNPay QueryDR (2.1.0), for notifications that never arrived: a JSON POST whose signature,
 * like the answer's, is HMAC-SHA512 over fixed fields joined by `|`.
 */
const pipe = (values: unknown[]): string =>
  values.map((value) => (value === undefined || value === null ? '' : String(value))).join('|');

/** The QueryDR request signature: fixed fields joined by `|`. */
export const queryRequestHash = (body: Record<string, string>, hashSecret: string): string =>
  hmacHex(
    'sha512',
    hashSecret,
    pipe([
      body.vnp_RequestId,
      body.vnp_Version,
      body.vnp_Command,
      body.vnp_TmnCode,
      body.vnp_TxnRef,
      body.vnp_TransactionDate,
      body.vnp_CreateDate,
      body.vnp_IpAddr,
      body.vnp_OrderInfo,
    ]),
  );

/** The QueryDR answer signature: fixed fields joined by `|`. */
export const queryAnswerHash = (answer: Record<string, unknown>, hashSecret: string): string =>
  hmacHex(
    'sha512',
    hashSecret,
    pipe([
      answer.vnp_ResponseId,
      answer.vnp_Command,
      answer.vnp_ResponseCode,
      answer.vnp_Message,
      answer.vnp_TmnCode,
      answer.vnp_TxnRef,
      answer.vnp_Amount,
      answer.vnp_BankCode,
      answer.vnp_PayDate,
      answer.vnp_TransactionNo,
      answer.vnp_TransactionType,
      answer.vnp_TransactionStatus,
      answer.vnp_OrderInfo,
      answer.vnp_PromotionCode,
      answer.vnp_PromotionAmount,
    ]),
  );

/**
 * A QueryDR call for an order. VNPay wants the date the payment was created
 * (`vnp_TransactionDate`); the attempt's creation time is passed as `createdAt`.
 */
export const buildQuery = (
  orderId: string,
  credentials: VnpayCredentials,
  now: Date | string,
  createdAt: Date | string = now,
): QueryRequest => {
  const body: Record<string, string> = {
    vnp_RequestId: randomBytes(16).toString('hex'),
    vnp_Version: '2.1.0',
    vnp_Command: 'querydr',
    vnp_TmnCode: credentials.tmnCode,
    vnp_TxnRef: orderId,
    vnp_OrderInfo: `Truy van giao dich ${orderId}`,
    vnp_TransactionDate: ictStamp(createdAt),
    vnp_CreateDate: ictStamp(now),
    vnp_IpAddr: '127.0.0.1',
  };
  body.vnp_SecureHash = queryRequestHash(body, credentials.hashSecret);

  return {
    method: 'POST',
    url: credentials.apiUrl,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * A QueryDR answer: null when VNPay does not know the order (91); the transaction's state,
 * verified, otherwise. An unsigned or wrongly signed answer is unusable.
 */
export const parseQueryAnswer = (
  body: unknown,
  credentials: VnpayCredentials,
  orderId: string,
): GatewayNotification | null => {
  if (!body || typeof body !== 'object') throw new GatewayUnavailable('vnpay', 'bad-answer');

  const answer = body as Record<string, unknown>;
  const responseCode = text(answer.vnp_ResponseCode);
  if (responseCode === '91') return null;
  if (responseCode !== '00') throw new GatewayUnavailable('vnpay', 'bad-answer');
  if (!sameHex(answer.vnp_SecureHash, queryAnswerHash(answer, credentials.hashSecret)))
    throw new GatewayUnavailable('vnpay', 'bad-answer');
  if (text(answer.vnp_TmnCode) !== credentials.tmnCode)
    throw new GatewayUnavailable('vnpay', 'bad-answer');

  const scaled = text(answer.vnp_Amount);
  if (
    !/^\d{1,15}$/.test(scaled) ||
    Number(scaled) % 100 !== 0 ||
    text(answer.vnp_TxnRef) !== orderId
  )
    throw new GatewayUnavailable('vnpay', 'bad-answer');

  const status = text(answer.vnp_TransactionStatus);
  const outcome = status === '00' ? 'paid' : status === '01' ? 'pending' : 'failed';

  return {
    gateway: 'vnpay',
    merchantId: credentials.tmnCode,
    orderId,
    gatewayTxnId: text(answer.vnp_TransactionNo),
    amount: Number(scaled) / 100,
    outcome,
    resultCode: status,
    paidAt: outcome === 'paid' ? instantOfIctStamp(text(answer.vnp_PayDate)) : null,
    details: compact({
      transactionStatus: status,
      bankCode: text(answer.vnp_BankCode),
      payDate: text(answer.vnp_PayDate),
      source: 'querydr',
    }),
  };
};

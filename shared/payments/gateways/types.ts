import { DomainError } from '../../errors';

/**
 * What the four online gateways have in common: their credentials, the notification they send
 * once verified, the answers they expect, and the payment request built for an attempt.
 * Each gateway's exact rules live in its own module (vnpay.ts, momo.ts, zalopay.ts, payos.ts).
 */
export type GatewayName = 'vnpay' | 'momo' | 'zalopay' | 'payos';

export const GATEWAY_NAMES: readonly GatewayName[] = ['vnpay', 'momo', 'zalopay', 'payos'];

/** VNPay terminal: `tmnCode` is the merchant id; `payUrl` the payment page, `apiUrl` QueryDR. */
export interface VnpayCredentials {
  tmnCode: string;
  hashSecret: string;
  payUrl: string;
  apiUrl: string;
}

/** MoMo partner: `partnerCode` is the merchant id; `endpoint` the API base URL. */
export interface MomoCredentials {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
  endpoint: string;
}

/** ZaloPay app: `appId` is the merchant id; key1 signs requests, key2 verifies callbacks. */
export interface ZalopayCredentials {
  appId: string;
  key1: string;
  key2: string;
  endpoint: string;
}

/** payOS payment channel: `clientId` is the merchant id; the checksum key signs data. */
export interface PayosCredentials {
  clientId: string;
  apiKey: string;
  checksumKey: string;
  endpoint: string;
}

export interface CredentialsOf {
  vnpay: VnpayCredentials;
  momo: MomoCredentials;
  zalopay: ZalopayCredentials;
  payos: PayosCredentials;
}

export type GatewayCredentials = CredentialsOf[GatewayName];

/** A notification (webhook or query answer) after its signature has been verified. */
export interface GatewayNotification {
  gateway: GatewayName;
  merchantId: string;
  /** Our order id for the attempt (VNPay TxnRef, MoMo orderId, ZaloPay app_trans_id, payOS orderCode). */
  orderId: string;
  /** The gateway's own id of the transaction: unique per payment, the exactly-once key. */
  gatewayTxnId: string;
  /** Whole VND; VNPay's ×100 already divided out, after verifying. */
  amount: number;
  outcome: 'paid' | 'failed' | 'pending';
  /** The gateway's result code as sent (VNPay `vnp_ResponseCode`, its status in `details`). */
  resultCode: string;
  /** ISO instant of the payment when the gateway gives one. */
  paidAt: string | null;
  /** Non-personal references worth keeping (bank codes, link ids); never payer names. */
  details: Record<string, string>;
}

export type VerifyFailure =
  | 'missing-signature'
  | 'bad-signature'
  | 'malformed'
  | 'merchant-mismatch'
  | 'unknown-merchant'
  | 'unsupported';

export type VerifyResult =
  { ok: true; notification: GatewayNotification } | { ok: false; reason: VerifyFailure };

/** What happened to a notification, for the gateway's own form of answer. */
export type Situation =
  | 'confirmed'
  | 'already-confirmed'
  | 'order-not-found'
  | 'amount-mismatch'
  | 'bad-signature'
  | 'error';

export interface GatewayAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The attempt a payment request is built for. */
export interface PaymentOrder {
  orderId: string;
  /** Whole VND. */
  amount: number;
  /** Plain text shown by the gateway; kept to ASCII letters, digits and ` .,:_-`. */
  description: string;
}

export interface PaymentOptions {
  now: Date | string;
  /** Where the gateway sends the payer's browser back. */
  returnUrl: string;
  /** Server-to-server notification URL (MoMo ipnUrl, ZaloPay callback_url). */
  notifyUrl?: string;
  /** payOS cancel URL; the return URL when absent. */
  cancelUrl?: string;
  /** The payer's IP (VNPay `vnp_IpAddr`). */
  clientIp?: string;
  /** How long the payment stays open; 15 minutes when absent. */
  expiresInMinutes?: number;
}

/** A payment request: either a URL the payer goes to, or a call to make through the adapter. */
export type PaymentRequest =
  | { kind: 'redirect'; redirectUrl: string }
  | {
      kind: 'call';
      method: 'POST';
      url: string;
      headers: Record<string, string>;
      /** Exactly the bytes to send (JSON or form-encoded, per `headers['content-type']`). */
      body: string;
    };

/** A query call to make through the adapter. */
export interface QueryRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The gateway could not be reached or did not answer usably in time. */
export class GatewayUnavailable extends DomainError {
  constructor(
    readonly gateway: string,
    readonly reason: 'timeout' | 'network' | 'bad-status' | 'bad-answer' | 'not-allowed',
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(
      'gateway.unavailable',
      'Cổng thanh toán đang không phản hồi, vui lòng thử lại sau ít phút',
      undefined,
      options,
    );
  }
}

/** The gateway answered but refused the request (bad parameters, merchant blocked, ...). */
export class GatewayRejected extends DomainError {
  constructor(
    readonly gateway: string,
    readonly resultCode: string,
  ) {
    super('gateway.rejected', 'Cổng thanh toán từ chối tạo giao dịch, vui lòng chọn cách khác');
  }
}

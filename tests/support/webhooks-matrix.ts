/**
 * The webhooks' and online invoice payment's part of the authorization matrix
 * (tests/api/authorization.test.ts). Webhooks are public: every role, and no role, reaches them,
 * and an unsigned call is answered in the gateway's own form for a bad signature (VNPay and
 * ZaloPay with 200, MoMo and payOS with 400), never 401 or 403. Paying an invoice online opens a
 * VietQR transfer for the caller's own account's current invoice (201); another account's
 * invoice does not exist for the caller (404).
 */
import type { Role } from '../../shared/auth/roles';
import { answerFor, type GatewayName } from '../../shared/payments/gateways/index';
import { demoMerchants, useMerchants } from '../../shared/payments/merchants';

type Where = 'inside' | 'outside';
type Call = (method: string, path: string, body?: unknown) => Promise<any>;
interface Case {
  method: string;
  path: string;
  body?: unknown;
}

const filter = (value: unknown) => `?filter=${encodeURIComponent(JSON.stringify(value))}`;

/** Calls that carry no valid signature: each gateway's "bad signature" answer is expected. */
const UNSIGNED: Record<GatewayName, Case> = {
  vnpay: { method: 'GET', path: '/api/webhooks/vnpay?vnp_TxnRef=MATRIX&vnp_SecureHash=00' },
  momo: {
    method: 'POST',
    path: '/api/webhooks/momo',
    body: { partnerCode: 'MOMO', orderId: 'MATRIX', amount: 1000, signature: '00' },
  },
  zalopay: {
    method: 'POST',
    path: '/api/webhooks/zalopay',
    body: { data: '{"app_id":2553,"app_trans_id":"240601_MATRIX"}', mac: '00', type: 1 },
  },
  payos: {
    method: 'POST',
    path: '/api/webhooks/payos',
    body: { code: '00', success: true, data: { orderCode: 1, amount: 1000 }, signature: '00' },
  },
};

export const webhooksMatrix = (
  asOperator: Call,
  /** The account whose invoice a case pays: the caller's own inside, another one outside. */
  billedAccount: (where: Where, role: Role) => string,
  /** The collecting accounts the other parts of the matrix configured merchants for. */
  collectingAccounts: () => string[],
) => {
  /** The operator's merchants collect invoice payments; the others keep their ids. */
  const setUp = async () => {
    useMerchants(demoMerchants([...collectingAccounts(), 'operator']));
  };

  /** The account's invoice that still has something to pay (a void replaces an invoice). */
  const payable = async (where: Where, role: Role) =>
    (
      await asOperator(
        'GET',
        `/api/invoices${filter({ accountId: billedAccount(where, role), status: ['issued', 'partly-paid'] })}`,
      )
    )[0].id as string;

  const cases: Record<string, (w: Where, role: Role) => Promise<Case>> = {
    'GET /api/webhooks/vnpay': async () => UNSIGNED.vnpay,
    'POST /api/webhooks/momo': async () => UNSIGNED.momo,
    'POST /api/webhooks/zalopay': async () => UNSIGNED.zalopay,
    'POST /api/webhooks/payos': async () => UNSIGNED.payos,
    'POST /api/invoices/{id}/pay': async (w, role) => ({
      method: 'POST',
      path: `/api/invoices/${await payable(w, role)}/pay`,
      body: { gateway: 'vietqr' },
    }),
  };

  const statuses: Record<string, number> = Object.fromEntries(
    (Object.keys(UNSIGNED) as GatewayName[]).map((gateway) => [
      `${UNSIGNED[gateway].method} /api/webhooks/${gateway}`,
      answerFor(gateway, 'bad-signature').statusCode,
    ]),
  );

  return { setUp, cases, statuses };
};

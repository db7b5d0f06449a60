import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  demoMerchants,
  merchantDirectory,
  type MerchantDirectory,
  type MerchantsConfig,
} from '../../shared/payments/merchants';
import * as momo from '../../shared/payments/gateways/momo';
import * as payos from '../../shared/payments/gateways/payos';
import { ictStamp } from '../../shared/payments/gateways/signing';
import type { GatewayName } from '../../shared/payments/gateways/types';
import * as vnpay from '../../shared/payments/gateways/vnpay';
import * as zalopay from '../../shared/payments/gateways/zalopay';

/**
 * A localhost stand-in for the four gateways' create and query endpoints, answering with
 * correctly signed bodies from the same merchant configuration the product uses. Tests decide
 * what a query says about an order, can delay answers (to prove timeouts), and read every
 * request received with whether its signature was right.
 */
export interface FakeOrder {
  status: 'paid' | 'failed' | 'pending';
  amount: number;
  /** The gateway's transaction id (VNPay TransactionNo, MoMo transId, ZaloPay zp_trans_id, payOS reference). */
  txnId: string;
  paidAt?: string;
  /** Delay every answer about this order by this many milliseconds. */
  delayMs?: number;
}

export interface FakeRequest {
  gateway: GatewayName;
  kind: 'create' | 'query' | 'pay-page';
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  signatureValid: boolean;
  orderId: string | null;
}

export interface FakeGateway {
  url: string;
  /** Demo merchants of these accounts, every endpoint pointing at this fake. */
  config: MerchantsConfig;
  directory: MerchantDirectory;
  requests: FakeRequest[];
  setOrder(gateway: GatewayName, orderId: string, order: FakeOrder): void;
  /** Delay every answer of a gateway (milliseconds), e.g. longer than the adapter's timeout. */
  setDelay(gateway: GatewayName, ms: number): void;
  /** Answer every request of a gateway with this HTTP status (a 5xx outage); null to stop. */
  setOutage(gateway: GatewayName, status: number | null): void;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks).toString('utf8');
};

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const asObject = (text: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(text);

    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
};

export const startFakeGateway = async (
  accountIds: string[] = ['fake-account'],
): Promise<FakeGateway> => {
  const orders = new Map<string, FakeOrder>();
  const delays = new Map<GatewayName, number>();
  const outages = new Map<GatewayName, number>();
  const requests: FakeRequest[] = [];
  let directory: MerchantDirectory | undefined;

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => sendJson(response, 500, { message: 'fake failed' }));
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k, String(v)]),
    );
    const route = routes.find((r) => r.method === request.method && r.match.test(url.pathname));
    if (!route || !directory) return sendJson(response, 404, { message: 'not found' });

    const outcome = route.handle({ url, body, headers, directory });
    requests.push({
      gateway: route.gateway,
      kind: route.kind,
      method: request.method ?? '',
      path: url.pathname,
      headers,
      body,
      signatureValid: outcome.signatureValid,
      orderId: outcome.orderId,
    });
    const order = outcome.orderId ? orders.get(`${route.gateway}#${outcome.orderId}`) : undefined;
    const delay = Math.max(delays.get(route.gateway) ?? 0, order?.delayMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (response.destroyed) return;
    const outage = outages.get(route.gateway);
    if (outage) sendJson(response, outage, { message: 'unavailable' });
    else sendJson(response, outcome.status, outcome.answer(order));
  };

  interface Handled {
    status: number;
    signatureValid: boolean;
    orderId: string | null;
    answer: (order: FakeOrder | undefined) => unknown;
  }
  interface Context {
    url: URL;
    body: string;
    headers: Record<string, string>;
    directory: MerchantDirectory;
  }
  const routes: {
    gateway: GatewayName;
    kind: FakeRequest['kind'];
    method: string;
    match: RegExp;
    handle: (context: Context) => Handled;
  }[] = [
    {
      gateway: 'vnpay',
      kind: 'pay-page',
      method: 'GET',
      match: /^\/vnpay\/paymentv2\/vpcpay\.html$/,
      handle: ({ url, directory }) => {
        const params = Object.fromEntries(url.searchParams);
        const merchant = directory.byMerchantId('vnpay', params.vnp_TmnCode ?? '');
        const signatureValid =
          !!merchant && vnpay.verifySignedQuery(url.search, merchant.credentials.hashSecret);

        return {
          status: 200,
          signatureValid,
          orderId: params.vnp_TxnRef ?? null,
          answer: () => ({ page: 'vnpay' }),
        };
      },
    },
    {
      gateway: 'vnpay',
      kind: 'query',
      method: 'POST',
      match: /^\/vnpay\/merchant_webapi\/api\/transaction$/,
      handle: ({ body, directory }) => {
        const input = asObject(body) as Record<string, string>;
        const merchant = directory.byMerchantId('vnpay', input.vnp_TmnCode ?? '');
        const signatureValid =
          !!merchant &&
          input.vnp_SecureHash === vnpay.queryRequestHash(input, merchant.credentials.hashSecret);
        const orderId = input.vnp_TxnRef ?? null;

        return {
          status: 200,
          signatureValid,
          orderId,
          answer: (order) => {
            const base = {
              vnp_ResponseId: 'fake',
              vnp_Command: 'querydr',
              vnp_TmnCode: input.vnp_TmnCode,
            };
            if (!merchant || !signatureValid)
              return { ...base, vnp_ResponseCode: '97', vnp_Message: 'Checksum failed' };
            if (!order) return { ...base, vnp_ResponseCode: '91', vnp_Message: 'Not found' };

            const answer: Record<string, string> = {
              ...base,
              vnp_ResponseCode: '00',
              vnp_Message: 'QueryDR Success',
              vnp_TxnRef: orderId ?? '',
              vnp_Amount: String(order.amount * 100),
              vnp_BankCode: 'NCB',
              vnp_PayDate: ictStamp(order.paidAt ?? new Date()),
              vnp_TransactionNo: order.txnId,
              vnp_TransactionType: '01',
              vnp_TransactionStatus:
                order.status === 'paid' ? '00' : order.status === 'pending' ? '01' : '02',
              vnp_OrderInfo: `Query ${orderId}`,
              vnp_PromotionCode: '',
              vnp_PromotionAmount: '',
            };

            return {
              ...answer,
              vnp_SecureHash: vnpay.queryAnswerHash(answer, merchant.credentials.hashSecret),
            };
          },
        };
      },
    },
    {
      gateway: 'momo',
      kind: 'create',
      method: 'POST',
      match: /^\/momo\/v2\/gateway\/api\/create$/,
      handle: ({ body, directory }) => {
        const input = asObject(body);
        const merchant = directory.byMerchantId('momo', String(input.partnerCode ?? ''));
        const signatureValid =
          !!merchant && input.signature === momo.createSignature(input, merchant.credentials);
        const orderId = typeof input.orderId === 'string' ? input.orderId : null;

        return {
          status: 200,
          signatureValid,
          orderId,
          answer: () =>
            signatureValid
              ? {
                  partnerCode: input.partnerCode,
                  orderId,
                  requestId: input.requestId,
                  amount: input.amount,
                  responseTime: Date.now(),
                  message: 'Thành công.',
                  resultCode: 0,
                  payUrl: `https://fake.invalid/momo/${orderId}`,
                }
              : {
                  partnerCode: input.partnerCode,
                  orderId,
                  resultCode: 11,
                  message: 'Access denied',
                },
        };
      },
    },
    {
      gateway: 'momo',
      kind: 'query',
      method: 'POST',
      match: /^\/momo\/v2\/gateway\/api\/query$/,
      handle: ({ body, directory }) => {
        const input = asObject(body);
        const merchant = directory.byMerchantId('momo', String(input.partnerCode ?? ''));
        const signatureValid =
          !!merchant && input.signature === momo.querySignature(input, merchant.credentials);
        const orderId = typeof input.orderId === 'string' ? input.orderId : null;

        return {
          status: 200,
          signatureValid,
          orderId,
          answer: (order) => {
            const base = { partnerCode: input.partnerCode, orderId, requestId: input.requestId };
            if (!signatureValid) return { ...base, resultCode: 11, message: 'Access denied' };
            if (!order) return { ...base, resultCode: 42, message: 'Order not found' };

            return {
              ...base,
              extraData: '',
              amount: order.amount,
              transId: Number(order.txnId),
              payType: 'qr',
              resultCode: order.status === 'paid' ? 0 : order.status === 'pending' ? 1000 : 1006,
              refundTrans: [],
              message: 'Thành công.',
              responseTime: new Date(order.paidAt ?? Date.now()).getTime(),
              lastUpdated: Date.now(),
            };
          },
        };
      },
    },
    {
      gateway: 'zalopay',
      kind: 'create',
      method: 'POST',
      match: /^\/zalopay\/v2\/create$/,
      handle: ({ body, directory }) => {
        const input = Object.fromEntries(new URLSearchParams(body));
        const merchant = directory.byMerchantId('zalopay', input.app_id ?? '');
        const signatureValid =
          !!merchant && input.mac === zalopay.orderMac(input, merchant.credentials.key1);

        return {
          status: 200,
          signatureValid,
          orderId: input.app_trans_id ?? null,
          answer: () =>
            signatureValid
              ? {
                  return_code: 1,
                  return_message: 'Giao dịch thành công',
                  sub_return_code: 1,
                  order_url: `https://fake.invalid/zalopay/${input.app_trans_id}`,
                  zp_trans_token: 'fake-token',
                }
              : { return_code: 2, return_message: 'Giao dịch thất bại', sub_return_code: -402 },
        };
      },
    },
    {
      gateway: 'zalopay',
      kind: 'query',
      method: 'POST',
      match: /^\/zalopay\/v2\/query$/,
      handle: ({ body, directory }) => {
        const input = Object.fromEntries(new URLSearchParams(body));
        const merchant = directory.byMerchantId('zalopay', input.app_id ?? '');
        const signatureValid =
          !!merchant &&
          input.mac ===
            zalopay.queryMac(input.app_id, input.app_trans_id ?? '', merchant.credentials.key1);

        return {
          status: 200,
          signatureValid,
          orderId: input.app_trans_id ?? null,
          answer: (order) => {
            if (!signatureValid)
              return { return_code: 2, return_message: 'mac invalid', sub_return_code: -402 };
            if (!order)
              return {
                return_code: 2,
                return_message: 'not found',
                sub_return_code: -54,
                is_processing: false,
              };
            const paid = order.status === 'paid';

            return {
              return_code: paid ? 1 : order.status === 'pending' ? 3 : 2,
              return_message: paid ? 'Giao dịch thành công' : 'Giao dịch chưa thành công',
              sub_return_code: paid ? 1 : -1,
              is_processing: order.status === 'pending',
              amount: paid ? order.amount : 0,
              zp_trans_id: paid ? Number(order.txnId) : 0,
              server_time: new Date(order.paidAt ?? Date.now()).getTime(),
              discount_amount: 0,
            };
          },
        };
      },
    },
    {
      gateway: 'payos',
      kind: 'create',
      method: 'POST',
      match: /^\/payos\/v2\/payment-requests$/,
      handle: ({ body, headers, directory }) => {
        const input = asObject(body);
        const merchant = directory.byMerchantId('payos', headers['x-client-id'] ?? '');
        const signatureValid =
          !!merchant &&
          headers['x-api-key'] === merchant.credentials.apiKey &&
          input.signature ===
            payos.linkSignature(
              input as unknown as Parameters<typeof payos.linkSignature>[0],
              merchant.credentials.checksumKey,
            );
        const orderId = input.orderCode !== undefined ? String(input.orderCode) : null;

        return {
          status: 200,
          signatureValid,
          orderId,
          answer: () => {
            if (!merchant || !signatureValid)
              return { code: '20', desc: 'signature invalid', data: null };
            const data = {
              bin: '970436',
              accountNumber: '1000000001',
              accountName: 'NGUON DEMO',
              amount: input.amount,
              description: input.description,
              orderCode: input.orderCode,
              currency: 'VND',
              paymentLinkId: `link${orderId}`,
              status: 'PENDING',
              checkoutUrl: `https://fake.invalid/payos/${orderId}`,
              qrCode: 'fake',
            };

            return {
              code: '00',
              desc: 'success',
              data,
              signature: payos.dataSignature(data, merchant.credentials.checksumKey),
            };
          },
        };
      },
    },
    {
      gateway: 'payos',
      kind: 'query',
      method: 'GET',
      match: /^\/payos\/v2\/payment-requests\/[^/]+$/,
      handle: ({ url, headers, directory }) => {
        const merchant = directory.byMerchantId('payos', headers['x-client-id'] ?? '');
        const signatureValid = !!merchant && headers['x-api-key'] === merchant.credentials.apiKey;
        const orderId = decodeURIComponent(url.pathname.split('/').pop() ?? '');

        return {
          status: signatureValid ? 200 : 401,
          signatureValid,
          orderId,
          answer: (order) => {
            if (!merchant || !signatureValid)
              return { code: '20', desc: 'unauthorized', data: null };
            if (!order) return { code: '101', desc: 'not found', data: null };
            const when = ictStamp(order.paidAt ?? new Date());
            const dateTime = `${when.slice(0, 4)}-${when.slice(4, 6)}-${when.slice(6, 8)} ${when.slice(8, 10)}:${when.slice(10, 12)}:${when.slice(12, 14)}`;
            const paid = order.status === 'paid';
            const data = {
              id: `link${orderId}`,
              orderCode: Number(orderId),
              amount: order.amount,
              amountPaid: paid ? order.amount : 0,
              amountRemaining: paid ? 0 : order.amount,
              status: paid ? 'PAID' : order.status === 'pending' ? 'PENDING' : 'CANCELLED',
              createdAt: new Date().toISOString(),
              transactions: paid
                ? [
                    {
                      reference: order.txnId,
                      amount: order.amount,
                      accountNumber: '1000000001',
                      description: `NG ${orderId}`,
                      transactionDateTime: dateTime,
                      virtualAccountName: null,
                      virtualAccountNumber: null,
                      counterAccountBankId: null,
                      counterAccountBankName: null,
                      counterAccountName: null,
                      counterAccountNumber: null,
                    },
                  ]
                : [],
              cancellationReason: null,
              canceledAt: null,
            };

            return {
              code: '00',
              desc: 'success',
              data,
              signature: payos.dataSignature(data, merchant.credentials.checksumKey),
            };
          },
        };
      },
    },
  ];

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = demoMerchants(accountIds, {
    vnpayPay: `${url}/vnpay/paymentv2/vpcpay.html`,
    vnpayApi: `${url}/vnpay/merchant_webapi/api/transaction`,
    momo: `${url}/momo`,
    zalopay: `${url}/zalopay`,
    payos: `${url}/payos`,
  });
  directory = merchantDirectory(config);

  return {
    url,
    config,
    directory,
    requests,
    setOrder: (gateway, orderId, order) => orders.set(`${gateway}#${orderId}`, order),
    setDelay: (gateway, ms) => delays.set(gateway, ms),
    setOutage: (gateway, status) =>
      status === null ? outages.delete(gateway) : outages.set(gateway, status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export { signedNotification } from './gateway-notifications';

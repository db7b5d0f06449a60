/**
 * Correctly signed paid notifications of the four gateways, as their webhooks receive them
 * (VNPay a query string, the others a JSON body), wrapped in the API Gateway event the webhook
 * handler gets; and what each gateway reads as "recorded" in the answer. For bench/payments.ts.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as momo from '../shared/payments/gateways/momo';
import * as payos from '../shared/payments/gateways/payos';
import { ictStamp } from '../shared/payments/gateways/signing';
import type { GatewayName } from '../shared/payments/gateways/types';
import * as vnpay from '../shared/payments/gateways/vnpay';
import * as zalopay from '../shared/payments/gateways/zalopay';
import type { Merchant } from '../shared/payments/merchants';

export type WebhookEvent = APIGatewayProxyEventV2;

/** Every benchmarked bill and notification is for this amount (VND). */
export const AMOUNT = 44_000;

const dateTime = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)} ` +
  `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;

/** The gateway's paid notification for an order, as its webhook receives it. */
export const paidNotification = (merchant: Merchant, orderId: string, txnId: string) => {
  const paidAt = new Date();
  switch (merchant.gateway) {
    case 'vnpay': {
      const params = {
        vnp_Amount: String(AMOUNT * 100),
        vnp_BankCode: 'NCB',
        vnp_BankTranNo: `VNP${txnId}`,
        vnp_CardType: 'ATM',
        vnp_OrderInfo: `Phi rac ${orderId}`,
        vnp_PayDate: ictStamp(paidAt),
        vnp_ResponseCode: '00',
        vnp_TmnCode: merchant.credentials.tmnCode,
        vnp_TransactionNo: txnId,
        vnp_TransactionStatus: '00',
        vnp_TxnRef: orderId,
      };

      return { query: vnpay.signedQuery(params, merchant.credentials.hashSecret) };
    }
    case 'momo':
      return {
        body: momo.signedIpn(
          {
            partnerCode: merchant.credentials.partnerCode,
            orderId,
            requestId: orderId,
            amount: AMOUNT,
            orderInfo: `Phi rac ${orderId}`,
            orderType: 'momo_wallet',
            transId: Number(txnId),
            resultCode: 0,
            message: 'Thành công.',
            payType: 'qr',
            responseTime: paidAt.getTime(),
            extraData: '',
          },
          merchant.credentials,
        ),
      };
    case 'zalopay':
      return {
        body: zalopay.signedCallback(
          JSON.stringify({
            app_id: Number(merchant.credentials.appId),
            app_trans_id: orderId,
            app_time: paidAt.getTime() - 60_000,
            app_user: 'nguon',
            amount: AMOUNT,
            embed_data: '{}',
            item: '[]',
            zp_trans_id: Number(txnId),
            server_time: paidAt.getTime(),
            channel: 38,
            merchant_user_id: 'bench',
            user_fee_amount: 0,
            discount_amount: 0,
          }),
          merchant.credentials.key2,
        ),
      };
    default:
      return {
        body: payos.signedWebhook(
          {
            orderCode: Number(orderId),
            amount: AMOUNT,
            description: `NG ${orderId}`.slice(0, 25),
            accountNumber: '1000000001',
            reference: `FT${txnId}`,
            transactionDateTime: dateTime(ictStamp(paidAt)),
            currency: 'VND',
            paymentLinkId: `link${orderId}`,
            code: '00',
            desc: 'success',
            counterAccountBankId: '',
            counterAccountBankName: '',
            counterAccountName: '',
            counterAccountNumber: '',
            virtualAccountName: '',
            virtualAccountNumber: '',
          },
          merchant.credentials.checksumKey,
        ),
      };
  }
};

export const eventOf = (
  gateway: GatewayName,
  input: { query?: string; body?: string },
): APIGatewayProxyEventV2 => {
  const method = gateway === 'vnpay' ? 'GET' : 'POST';
  const path = `/api/webhooks/${gateway}`;

  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: input.query ?? '',
    headers: input.body ? { 'content-type': 'application/json' } : {},
    ...(input.query
      ? { queryStringParameters: Object.fromEntries(new URLSearchParams(input.query)) }
      : {}),
    requestContext: {
      http: { method, path, sourceIp: '127.0.0.1' },
    } as APIGatewayProxyEventV2['requestContext'],
    ...(input.body ? { body: input.body } : {}),
    isBase64Encoded: false,
  };
};

/** What the gateway reads as "recorded" and as "already recorded". */
export const isAnswer = (
  gateway: GatewayName,
  repeat: boolean,
  result: { statusCode?: number; body?: string },
) => {
  if (gateway === 'vnpay')
    return JSON.parse(result.body ?? '{}').RspCode === (repeat ? '02' : '00');
  if (gateway === 'zalopay')
    return JSON.parse(result.body ?? '{}').return_code === (repeat ? 2 : 1);

  return result.statusCode === (gateway === 'momo' ? 204 : 200);
};

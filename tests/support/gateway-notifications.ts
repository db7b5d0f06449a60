import type { Merchant } from '../../shared/payments/merchants';
import * as momo from '../../shared/payments/gateways/momo';
import * as payos from '../../shared/payments/gateways/payos';
import { ictStamp } from '../../shared/payments/gateways/signing';
import * as vnpay from '../../shared/payments/gateways/vnpay';
import * as zalopay from '../../shared/payments/gateways/zalopay';

/**
 * A notification as the gateway would send it for an order, signed with the merchant's keys:
 * VNPay a raw query string for GET, the others a raw JSON body. For webhook tests.
 */
export const signedNotification = (
  merchant: Merchant,
  payment: {
    orderId: string;
    amount: number;
    txnId: string;
    status?: 'paid' | 'failed';
    paidAt?: string;
  },
): { rawQuery: string } | { body: string } => {
  const paid = (payment.status ?? 'paid') === 'paid';
  const paidAt = new Date(payment.paidAt ?? Date.now());
  if (merchant.gateway === 'vnpay')
    return {
      rawQuery: vnpay.signedQuery(
        {
          vnp_Amount: String(payment.amount * 100),
          vnp_BankCode: 'NCB',
          vnp_BankTranNo: `VNP${payment.txnId}`,
          vnp_CardType: 'ATM',
          vnp_OrderInfo: `Thanh toan phi rac ${payment.orderId}`,
          vnp_PayDate: ictStamp(paidAt),
          vnp_ResponseCode: paid ? '00' : '24',
          vnp_TmnCode: merchant.credentials.tmnCode,
          vnp_TransactionNo: payment.txnId,
          vnp_TransactionStatus: paid ? '00' : '02',
          vnp_TxnRef: payment.orderId,
        },
        merchant.credentials.hashSecret,
      ),
    };
  if (merchant.gateway === 'momo')
    return {
      body: momo.signedIpn(
        {
          partnerCode: merchant.credentials.partnerCode,
          orderId: payment.orderId,
          requestId: `${payment.orderId}-req`,
          amount: payment.amount,
          orderInfo: `Thanh toan phi rac ${payment.orderId}`,
          orderType: 'momo_wallet',
          transId: Number(payment.txnId),
          resultCode: paid ? 0 : 1006,
          message: paid ? 'Thành công.' : 'Giao dịch bị từ chối bởi người dùng.',
          payType: 'qr',
          responseTime: paidAt.getTime(),
          extraData: '',
        },
        merchant.credentials,
      ),
    };
  if (merchant.gateway === 'zalopay')
    return {
      body: zalopay.signedCallback(
        JSON.stringify({
          app_id: Number(merchant.credentials.appId),
          app_trans_id: payment.orderId,
          app_time: paidAt.getTime() - 60_000,
          app_user: 'nguon',
          amount: payment.amount,
          embed_data: '{"redirecturl":"http://127.0.0.1/result"}',
          item: '[]',
          zp_trans_id: Number(payment.txnId),
          server_time: paidAt.getTime(),
          channel: 38,
          merchant_user_id: 'fake',
          user_fee_amount: 0,
          discount_amount: 0,
        }),
        merchant.credentials.key2,
      ),
    };

  const when = ictStamp(paidAt);
  return {
    body: payos.signedWebhook(
      {
        orderCode: Number(payment.orderId),
        amount: payment.amount,
        description: `NG ${payment.orderId}`.slice(0, 25),
        accountNumber: '1000000001',
        reference: payment.txnId,
        transactionDateTime: `${when.slice(0, 4)}-${when.slice(4, 6)}-${when.slice(6, 8)} ${when.slice(8, 10)}:${when.slice(10, 12)}:${when.slice(12, 14)}`,
        currency: 'VND',
        paymentLinkId: `link${payment.orderId}`,
        code: paid ? '00' : '01',
        desc: paid ? 'success' : 'failed',
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
};

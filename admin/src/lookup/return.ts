/**
 * The attempt a result page address names. The page's own links carry `attempt`; a gateway
 * sending the resident back adds its own parameters to the return address instead, among them
 * our order id, and an attempt's id is its gateway and order id (shared/payments/attempts.ts).
 * The parameters are only used to find the attempt: its state is read from the API, never
 * taken from them.
 */
export const attemptIdOf = (params: URLSearchParams): string | undefined => {
  const own = params.get('attempt');
  if (own) return own;

  const vnpay = params.get('vnp_TxnRef');
  if (vnpay) return `vnpay.${vnpay}`;
  const zalopay = params.get('apptransid');
  if (zalopay) return `zalopay.${zalopay}`;
  const momo = params.get('partnerCode') && params.get('orderId');
  if (momo) return `momo.${momo}`;
  const payos = params.get('orderCode');
  if (payos) return `payos.${payos}`;

  return undefined;
};

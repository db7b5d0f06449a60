/**
 * Gateway notifications (public: each gateway's signature is the proof, verified in
 * shared/payments/webhook.ts before anything is read) and an account's own users paying its
 * invoice online. Thin: every rule lives in shared/payments.
 */
import { z } from 'zod';
import type { Principal } from '../../shared/auth/principal';
import { getInvoice } from '../../shared/billing/invoice-store';
import { invoiceNotFound } from '../../shared/billing/scope';
import { defaultDb } from '../../shared/db/client';
import { bankName } from '../../shared/lookup/banks';
import { qrSvgDataUrl } from '../../shared/lookup/qr';
import { ATTEMPT_METHODS, createAttempt } from '../../shared/payments/attempts';
import type { GatewayName } from '../../shared/payments/gateways/types';
import { receiveNotification } from '../../shared/payments/webhook';
import { asObject, parseOrThrow } from '../../shared/validation';
import { clientIp, siteOrigin } from '../http/auth';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam } from '../http/request';
import { type HttpEvent, type HttpResult, json } from '../http/types';

/**
 * The input exactly as the gateway sent it: VNPay signs its query string, which API Gateway
 * keeps raw (still percent-encoded) in `rawQueryString`; the others sign their JSON body, which
 * API Gateway passes as text, or base64-encoded for a content type it does not treat as text.
 */
export const rawInputOf = (gateway: GatewayName, event: HttpEvent): string => {
  if (gateway === 'vnpay') return event.rawQueryString ?? '';
  if (!event.body) return '';

  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
};

const notification =
  (gateway: GatewayName) =>
  async (event: HttpEvent): Promise<HttpResult> => {
    const { answer } = await receiveNotification(
      defaultDb(),
      gateway,
      rawInputOf(gateway, event),
      new Date().toISOString(),
    );

    return answer;
  };

const payInputSchema = z.strictObject({
  gateway: z.enum(ATTEMPT_METHODS, { error: 'Cách thanh toán không hợp lệ' }),
});

/** Where the payer's browser comes back: the invoice in the admin, on the site's own address. */
const invoicePage = (event: HttpEvent, invoiceId: string): string =>
  `${siteOrigin(event)}/#/invoices/${encodeURIComponent(invoiceId)}/show`;

const payInvoice = async (event: HttpEvent, caller: Principal): Promise<HttpResult> => {
  const { gateway } = parseOrThrow(payInputSchema, asObject(jsonBody(event)));
  const db = defaultDb();
  const invoice = await getInvoice(db, pathParam(event, 'id'), caller);
  // Only the invoiced account's own users pay it; for anyone else it does not exist.
  if (invoice.accountId !== caller.accountId) throw invoiceNotFound();

  const started = await createAttempt(
    db,
    {
      target: { kind: 'invoice', invoiceId: invoice.number },
      gateway,
      returnUrl: invoicePage(event, invoice.number),
      clientIp: clientIp(event),
    },
    new Date().toISOString(),
  );
  const { attempt } = started;

  return json(201, {
    attemptId: attempt.id,
    invoiceId: invoice.number,
    gateway: attempt.gateway,
    amount: attempt.amount,
    status: attempt.status,
    expiresAt: attempt.expiresAt,
    ...(started.redirectUrl ? { redirectUrl: started.redirectUrl } : {}),
    ...(started.qr
      ? {
          qr: {
            ...started.qr,
            bankName: bankName(started.qr.bankBin),
            image: qrSvgDataUrl(started.qr.payload),
          },
        }
      : {}),
  });
};

export const handler = routedHandler(
  { 'POST /api/invoices/{id}/pay': payInvoice },
  {
    'GET /api/webhooks/vnpay': notification('vnpay'),
    'POST /api/webhooks/momo': notification('momo'),
    'POST /api/webhooks/zalopay': notification('zalopay'),
    'POST /api/webhooks/payos': notification('payos'),
  },
);

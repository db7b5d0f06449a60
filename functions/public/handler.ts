import type { Context } from 'aws-lambda';
import { defaultDb } from '../../shared/db/client';
import { lookupHousehold } from '../../shared/lookup/lookup';
import { parsePayInput, publicAttempt, startPayment } from '../../shared/lookup/pay';
import { HOUSEHOLD_LOOKUPS, takeRequest } from '../../shared/lookup/rate-limit';
import { publicUnits } from '../../shared/lookup/units';
import { logger } from '../../shared/logger';
import { clientIp, siteOrigin } from '../http/auth';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam, queryOf } from '../http/request';
import { type HttpEvent, type HttpResult, json } from '../http/types';

const db = () => defaultDb();

/** Answers about a household or a payment are never kept by a browser or a cache on the way. */
const NO_STORE = { 'cache-control': 'no-store' };
/** The list of wards changes with a reorganisation, not by the minute. */
const UNITS_CACHE = { 'cache-control': 'public, max-age=300' };

/** The look-up page's own address, where a gateway sends the resident back after paying. */
const resultUrlOf = (event: HttpEvent): string => `${siteOrigin(event)}/lookup/result`;

/** The proof of a look-up: in the query string (GET), or posted so no URL carries the phone. */
const proofOf = (event: HttpEvent) => {
  if (event.requestContext?.http?.method === 'POST') {
    const body = jsonBody(event);

    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  }

  return queryOf(event);
};

/**
 * The resident look-up (issue 5), public. Each look-up and payment start counts against the
 * caller's address in the table before anything is read, so a guesser is stopped on every
 * instance alike; what a wrong proof gets is one answer whatever was wrong.
 */
const routes = routedHandler(
  {},
  {
    'GET /api/public/units': async () => json(200, await publicUnits(db()), UNITS_CACHE),
    'GET /api/public/households/lookup': async (event) => lookup(event),
    'POST /api/public/households/lookup': async (event) => lookup(event),
    'POST /api/public/households/pay': async (event) => {
      await takeRequest(db(), HOUSEHOLD_LOOKUPS, clientIp(event), Date.now());
      const input = parsePayInput(jsonBody(event));
      const now = new Date().toISOString();
      const answer = await startPayment(
        db(),
        input,
        { returnUrl: resultUrlOf(event), clientIp: clientIp(event) },
        now,
      );
      logger.info('payment started', { attemptId: answer.attemptId, method: input.method });

      return json(201, answer, NO_STORE);
    },
    'GET /api/public/attempts/{id}': async (event) =>
      json(200, await publicAttempt(db(), pathParam(event, 'id')), NO_STORE),
  },
);

const lookup = async (event: HttpEvent) => {
  await takeRequest(db(), HOUSEHOLD_LOOKUPS, clientIp(event), Date.now());

  return json(200, await lookupHousehold(db(), proofOf(event)), NO_STORE);
};

/**
 * Every answer but the list of wards is no-store, refusals included: a 404 or 429 about a
 * household is no more for keeping than its bills.
 */
export const handler = async (event: HttpEvent, context: Context): Promise<HttpResult> => {
  const result = await routes(event, context);
  if (event.routeKey === 'GET /api/public/units' && result.statusCode === 200) return result;

  return { ...result, headers: { ...result.headers, ...NO_STORE } };
};

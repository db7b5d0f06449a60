import { timingSafeEqual } from 'node:crypto';
import { accessRules } from '../../shared/auth/access';
import type { Principal } from '../../shared/auth/principal';
import { can } from '../../shared/auth/roles';
import { authenticate } from '../../shared/auth/sessions';
import { defaultDb } from '../../shared/db/client';
import { ForbiddenError, UnauthorizedError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { HttpEvent } from './types';

/** The bearer token of a request, from `Authorization: Bearer …`. */
export const bearerToken = (event: HttpEvent): string | undefined => {
  const header = event.headers?.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);

  return match?.[1];
};

/**
 * The caller's address. Behind CloudFront, API Gateway sees CloudFront's address, so a
 * CloudFront function writes the viewer's into `x-viewer-address` (overwriting whatever a
 * client sent), and CloudFront adds a secret `x-origin-verify` header that the stack also gives
 * the functions (`NGUON_ORIGIN_VERIFY`): a call made straight to API Gateway lacks it, and its
 * `x-viewer-address` is not believed. The local server writes the header the way CloudFront does.
 * The address keys the public look-up's rate limit and is recorded with failed sign-ins.
 */
export const clientIp = (event: HttpEvent): string => {
  const source = event.requestContext?.http?.sourceIp || 'unknown';

  return (throughCloudFront(event) && event.headers?.['x-viewer-address']) || source;
};

/** Whether CloudFront's headers can be believed: it sent them, or no CloudFront is configured. */
const throughCloudFront = (event: HttpEvent): boolean => {
  const verify = process.env.NGUON_ORIGIN_VERIFY;

  return !verify || sameSecret(event.headers?.['x-origin-verify'] ?? '', verify);
};

/**
 * The site's own address (`https://host`), where payers come back and gateways send their
 * notifications: `NGUON_PUBLIC_URL` when set; behind CloudFront the viewer's host that its
 * function writes into `x-viewer-origin`; on a machine without CloudFront (the local server)
 * the browser's Origin. A client cannot choose it in AWS: a forged Origin is not read there.
 */
export const publicOrigin = (event: HttpEvent): string | undefined => {
  const candidates = [
    process.env.NGUON_PUBLIC_URL,
    throughCloudFront(event) ? event.headers?.['x-viewer-origin'] : undefined,
    process.env.NGUON_ORIGIN_VERIFY ? undefined : event.headers?.origin,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // Not an address: try the next one.
    }
  }

  return undefined;
};

/** The site's own address, else this API's own host (a payer's return page must exist). */
export const siteOrigin = (event: HttpEvent): string =>
  publicOrigin(event) ?? `https://${event.requestContext?.domainName ?? 'localhost'}`;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);

  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Applies the access rule of the route: public routes pass; every other route needs a valid
 * session; permission routes also need the role to allow the action. A route without a rule
 * is refused, so a new route cannot be open by omission.
 */
export const authorize = async (event: HttpEvent): Promise<Principal | undefined> => {
  const rule = accessRules[event.routeKey];
  if (!rule) {
    logger.error('route has no access rule', { routeKey: event.routeKey });
    throw new ForbiddenError('Đường dẫn này chưa được cấp quyền truy cập', 'auth.no_rule');
  }
  if (rule.kind === 'public') return undefined;

  const token = bearerToken(event);
  if (!token) throw new UnauthorizedError('Cần đăng nhập để dùng chức năng này', 'auth.missing');
  const principal = await authenticate(defaultDb(), token);
  if (!principal) throw new UnauthorizedError();

  if (rule.kind === 'permission' && !can(principal.role, rule.resource, rule.action)) {
    throw new ForbiddenError();
  }

  return principal;
};

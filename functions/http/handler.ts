import middy from '@middy/core';
import type { Principal } from '../../shared/auth/principal';
import { NotFoundError } from '../../shared/errors';
import { authorize } from './auth';
import { errorResult } from './errors';
import type { HttpEvent, HttpResult } from './types';

/** A route that needs a signed-in caller. */
export type RouteHandler = (event: HttpEvent, principal: Principal) => Promise<HttpResult>;
/** A route anyone may call (sign-in, health, webhooks, public look-ups). */
export type PublicRouteHandler = (event: HttpEvent) => Promise<HttpResult>;

/**
 * A Lambda handler serving several routes of the route table. API Gateway (and the local server,
 * which builds the same events) names the matched route in `routeKey`. Every call passes the
 * route's access rule first (functions/http/auth.ts).
 */
export const routedHandler = (
  routes: Record<string, RouteHandler>,
  publicRoutes: Record<string, PublicRouteHandler> = {},
) =>
  middy<HttpEvent, HttpResult>()
    .handler(async (event) => {
      const principal = await authorize(event);
      const publicRoute = publicRoutes[event.routeKey];
      if (publicRoute) return publicRoute(event);

      const route = routes[event.routeKey];
      if (!route || !principal)
        throw new NotFoundError('Không có đường dẫn này', 'route.not_found');

      return route(event, principal);
    })
    .onError(async (request) => {
      request.response = errorResult(request.error, request.event?.routeKey ?? 'unknown');
    });

import middy from '@middy/core';
import { NotFoundError } from '../../shared/errors';
import { errorResult } from './errors';
import type { HttpEvent, HttpResult } from './types';

export type RouteHandler = (event: HttpEvent) => Promise<HttpResult>;

/**
 * A Lambda handler serving several routes of the route table. API Gateway (and the local server,
 * which builds the same events) names the matched route in `routeKey`.
 */
export const routedHandler = (routes: Record<string, RouteHandler>) =>
  middy<HttpEvent, HttpResult>()
    .handler(async (event) => {
      const route = routes[event.routeKey];
      if (!route) throw new NotFoundError('Không có đường dẫn này', 'route.not_found');

      return route(event);
    })
    .onError(async (request) => {
      request.response = errorResult(request.error, request.event?.routeKey ?? 'unknown');
    });

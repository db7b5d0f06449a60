import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../../shared/errors';
import { logger } from '../../shared/logger';
import { type HttpResult, json } from './types';

/** The one place a domain error becomes an HTTP status. */
const statusOf = (error: DomainError): number => {
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof TooManyRequestsError) return 429;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  // A payment gateway that does not answer, or refuses to open a payment: not the caller's fault,
  // and worth trying again or with another gateway.
  if (error.code === 'gateway.unavailable') return 503;
  if (error.code === 'gateway.rejected') return 502;

  return 400;
};

export const errorResult = (error: unknown, routeKey: string): HttpResult => {
  if (error instanceof DomainError) {
    const headers: Record<string, string> =
      error instanceof TooManyRequestsError && error.retryAfterSeconds
        ? { 'retry-after': String(Math.max(1, error.retryAfterSeconds)) }
        : {};

    return json(
      statusOf(error),
      { message: error.message, code: error.code, errors: error.errors ?? {} },
      headers,
    );
  }

  // Server faults are hidden from the caller; the log keeps the kind of failure, not the data.
  logger.error('request failed', {
    routeKey,
    error: (error as Error)?.name ?? 'unknown',
    detail: (error as Error)?.message?.slice(0, 300),
  });

  return json(500, {
    message: 'Hệ thống đang gặp lỗi, vui lòng thử lại sau ít phút',
    code: 'server.error',
    errors: {},
  });
};

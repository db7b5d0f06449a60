import { logger } from '../logger';
import { GatewayUnavailable, type PaymentRequest, type QueryRequest } from './gateways/types';

/**
 * The one place that makes HTTP calls to payment gateways. Every call has a timeout (an
 * AbortSignal covering the answer's body too); a timeout, a network failure, a 5xx or an
 * answer that is not JSON becomes a `GatewayUnavailable`. Base URLs come from the merchant
 * credentials, so tests point them at a fake gateway on localhost.
 *
 * With NGUON_GATEWAY_LOCAL_ONLY=1 (set by the test stack) any host other than localhost is
 * refused before a connection is made.
 */
export interface GatewayCallOptions {
  /** Which gateway, for errors and logs. */
  gateway?: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface GatewayHttpAnswer {
  status: number;
  /** The parsed JSON answer. */
  body: unknown;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1_000_000;

const localOnly = (): boolean => process.env.NGUON_GATEWAY_LOCAL_ONLY === '1';

const isLocal = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const call = async (
  method: 'GET' | 'POST',
  target: string,
  body: string | undefined,
  options: GatewayCallOptions = {},
): Promise<GatewayHttpAnswer> => {
  const gateway = options.gateway ?? 'gateway';
  const url = new URL(target);
  if (localOnly() && !isLocal(url)) throw new GatewayUnavailable(gateway, 'not-allowed');

  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let status = 0;
  try {
    const response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...options.headers },
      body,
      signal,
      redirect: 'error',
    });
    status = response.status;
    const text = await response.text();
    if (status >= 500) throw new GatewayUnavailable(gateway, 'bad-status', status);
    if (text.length > MAX_ANSWER_BYTES) throw new GatewayUnavailable(gateway, 'bad-answer', status);

    return { status, body: text === '' ? null : JSON.parse(text) };
  } catch (error) {
    const failure =
      error instanceof GatewayUnavailable
        ? error
        : new GatewayUnavailable(
            gateway,
            signal.aborted ? 'timeout' : error instanceof SyntaxError ? 'bad-answer' : 'network',
            status || undefined,
            { cause: error },
          );
    logger.warn('gateway call failed', {
      gateway,
      host: url.host,
      reason: failure.reason,
      status: failure.status ?? null,
    });
    throw failure;
  }
};

export interface GatewayHttp {
  post(url: string, body: string, options?: GatewayCallOptions): Promise<GatewayHttpAnswer>;
  get(url: string, options?: GatewayCallOptions): Promise<GatewayHttpAnswer>;
  /** Sends a built request (a payment call or a query) as it is. */
  send(
    request: QueryRequest | Extract<PaymentRequest, { kind: 'call' }>,
    options?: GatewayCallOptions,
  ): Promise<GatewayHttpAnswer>;
}

export const gatewayHttp: GatewayHttp = {
  post: (url, body, options) => call('POST', url, body, options),
  get: (url, options) => call('GET', url, undefined, options),
  send: (request, options) =>
    call(request.method, request.url, request.body, {
      ...options,
      headers: { ...request.headers, ...options?.headers },
    }),
};

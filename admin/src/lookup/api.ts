import type {
  LookupAnswer,
  PayAnswer,
  PayMethod,
  PublicAttempt,
} from '../../../shared/lookup/answer';
import type { PublicUnit } from '../../../shared/lookup/units';

/** A refusal of the API, carrying its Vietnamese message for the resident. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const OFFLINE = 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.';

const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`/api/public/${path}`, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, OFFLINE, 'network');
  }
  const body = (await response.json().catch(() => undefined)) as
    { message?: string; code?: string } | undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.message ?? 'Hệ thống đang gặp lỗi, vui lòng thử lại sau ít phút',
      body?.code ?? 'unknown',
    );
  }

  return body as T;
};

export const fetchUnits = () => call<PublicUnit[]>('units');

/**
 * Posted rather than put in the query string, so the phone number never lands in a URL and so
 * in no access log of CloudFront or a proxy on the way.
 */
export const lookUp = (unitId: string, code: string, phone: string) =>
  call<LookupAnswer>('households/lookup', {
    method: 'POST',
    body: JSON.stringify({ unitId, code, phone }),
  });

export const startPayment = (body: {
  unitId: string;
  code: string;
  phone: string;
  billIds: string[];
  method: PayMethod;
}) => call<PayAnswer>('households/pay', { method: 'POST', body: JSON.stringify(body) });

export const fetchAttempt = (id: string) =>
  call<PublicAttempt>(`attempts/${encodeURIComponent(id)}`);

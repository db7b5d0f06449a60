import { ValidationError } from '../../shared/errors';
import type { HttpEvent } from './types';

/** The body as JSON; API Gateway base64-encodes bodies it does not treat as text. */
export const jsonBody = (event: HttpEvent): unknown => {
  if (!event.body) {
    throw new ValidationError('Yêu cầu cần nội dung JSON', undefined, 'request.body_missing');
  }
  const text = event.isBase64Encoded
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      'Nội dung yêu cầu không phải JSON hợp lệ',
      undefined,
      'request.bad_json',
    );
  }
};

/** Query parameters, decoded once. API Gateway joins repeated names with commas. */
export const queryOf = (event: HttpEvent): Record<string, string | undefined> =>
  event.queryStringParameters ?? {};

/** A path parameter; API Gateway passes it already decoded. */
export const pathParam = (event: HttpEvent, name: string): string => {
  const value = event.pathParameters?.[name];
  if (!value) throw new ValidationError(`Thiếu tham số ${name}`, undefined, 'request.path');

  return value;
};

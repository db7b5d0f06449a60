import assert from 'node:assert/strict';

/**
 * Raw HTTP helpers for API tests: what ra-data-simple-rest hides (statuses, headers, error
 * bodies) is asserted through these. Only ever talks to the local stack's own URL.
 */
export interface RawResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: T;
}

export const request = async <T = any>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse<T>> => {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }

  return { status: response.status, headers: response.headers, text, body: parsed as T };
};

/** `?sort=…&range=…&filter=…` in the ra-data-simple-rest form. */
export const listQuery = (params: {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();

  return text ? `?${text}` : '';
};

/** The total of a `Content-Range` header: `households 0-24/5012` or `households *\/0`. */
export const totalOf = (response: RawResponse): number => {
  const header = response.headers.get('content-range');
  assert.ok(
    header,
    `Content-Range missing (status ${response.status}: ${response.text.slice(0, 200)})`,
  );
  const total = Number(header.split('/').pop());
  assert.ok(Number.isInteger(total), `Content-Range total is not a number: ${header}`);

  return total;
};

/** Vietnamese letters outside ASCII: a message written in Vietnamese has some of these. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

/** Traces, file paths and SDK names that must never reach a client. */
const INTERNALS = [
  /\n\s+at /,
  /\bat [\w.<>]+ \(/,
  /\.ts:\d+/,
  /\.js:\d+/,
  /node_modules/,
  /\/work\//,
  /Exception/,
  /TypeError|ReferenceError|SyntaxError|URIError/,
  /DynamoDB|aws-sdk|@smithy/i,
];

/**
 * Asserts an error answer of the API contract: the status, JSON `{message, code, errors}`, a
 * Vietnamese message, no internals, and (when given) the code and the fields named in `errors`.
 */
export const assertApiError = (
  response: RawResponse,
  status: number,
  expect: { code?: string | RegExp; fields?: string[]; messageIncludes?: string } = {},
): { message: string; code: string; errors: Record<string, string> } => {
  const where = `${response.status} ${response.text.slice(0, 300)}`;
  assert.equal(response.status, status, `status: ${where}`);
  assert.match(
    response.headers.get('content-type') ?? '',
    /application\/json/,
    `content-type: ${where}`,
  );
  const body = response.body as { message: unknown; code: unknown; errors: unknown } | undefined;
  assert.ok(body && typeof body === 'object' && !Array.isArray(body), `JSON object body: ${where}`);
  assert.equal(typeof body.message, 'string', `message: ${where}`);
  assert.equal(typeof body.code, 'string', `code: ${where}`);
  assert.ok(
    body.errors && typeof body.errors === 'object' && !Array.isArray(body.errors),
    `errors: ${where}`,
  );
  assert.match(body.message as string, VIETNAMESE, `message in Vietnamese: ${where}`);
  for (const pattern of INTERNALS) {
    assert.doesNotMatch(response.text, pattern, `internals leaked: ${where}`);
  }
  if (expect.code instanceof RegExp) assert.match(body.code as string, expect.code, where);
  else if (expect.code !== undefined) assert.equal(body.code, expect.code, where);
  const errors = body.errors as Record<string, string>;
  for (const field of expect.fields ?? []) {
    assert.equal(typeof errors[field], 'string', `errors.${field}: ${where}`);
    assert.match(errors[field], VIETNAMESE, `errors.${field} in Vietnamese: ${where}`);
  }
  if (expect.messageIncludes)
    assert.ok((body.message as string).includes(expect.messageIncludes), where);

  return body as { message: string; code: string; errors: Record<string, string> };
};

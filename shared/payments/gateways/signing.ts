import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC of UTF-8 text. */
export const hmacHex = (algorithm: 'sha256' | 'sha512', key: string, text: string): string =>
  createHmac(algorithm, key).update(text, 'utf8').digest('hex');

/**
 * Compares a received hex signature with the expected one in constant time, ignoring case.
 * A missing or differently sized signature is simply unequal.
 */
export const sameHex = (received: unknown, expected: string): boolean => {
  if (typeof received !== 'string' || !/^[0-9a-fA-F]+$/.test(received)) return false;

  const a = Buffer.from(received.toLowerCase(), 'utf8');
  const b = Buffer.from(expected.toLowerCase(), 'utf8');

  return a.length === b.length && timingSafeEqual(a, b);
};

const ICT_OFFSET_MS = 7 * 3600_000;

/** `yyyyMMddHHmmss` of the instant in Vietnam time, whatever the server's zone. */
export const ictStamp = (instant: Date | string): string =>
  new Date(new Date(instant).getTime() + ICT_OFFSET_MS)
    .toISOString()
    .replace(/[-:T]/g, '')
    .slice(0, 14);

/** The instant of a `yyyyMMddHHmmss` Vietnam-time stamp, or null when it is not one. */
export const instantOfIctStamp = (stamp: string): string | null => {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) return null;

  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;

  return new Date(utc - ICT_OFFSET_MS).toISOString();
};

/** Parses JSON text into a plain object, or null when it is not one. */
export const parseObject = (text: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text);

    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

/**
 * A field written the way the gateway's JSON gives it: strings as they are, integers in their
 * decimal form. Anything else (fractions, unsafe integers, objects) is not signable: null.
 */
export const scalarText = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);

  return null;
};

/** A whole, positive amount of VND from a JSON field, or null. */
export const wholeAmount = (value: unknown): number | null => {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
};

/** Plain ASCII text for descriptions the gateways echo: no diacritics, no odd punctuation. */
export const plainDescription = (text: string, max: number): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .,:_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();

/** The fields that have a value. */
export const compact = (fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));

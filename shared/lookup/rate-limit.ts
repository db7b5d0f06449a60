import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { keys } from '../db/keys';
import { TooManyRequestsError } from '../errors';

/** A named limit: at most `max` requests of one client per fixed window of `windowMs`. */
export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
  /** The Vietnamese message of the 429, told how many minutes are left. */
  message: (minutes: number) => string;
}

/**
 * Household look-ups and payment starts by code and phone number, together: a resident needs
 * two or three; more than ten in ten minutes from one address is guessing. Mobile networks put
 * many phones behind one address (carrier NAT), so the limit is not set lower than this.
 */
export const HOUSEHOLD_LOOKUPS: RateLimit = {
  name: 'household-lookup',
  max: 10,
  windowMs: 10 * 60_000,
  message: (minutes) => `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
};

/**
 * The client as the limit counts it: a hash of its address, so the table holds no addresses in
 * keys. The hash is a pseudonym, not anonymity (IPv4 addresses are few enough to enumerate).
 */
export const clientKey = (address: string): string =>
  createHash('sha256').update(address).digest('base64url').slice(0, 22);

/**
 * Counts one request of `address` against `limit` and throws TooManyRequests (with the seconds
 * until the window ends) past the maximum. One atomic update per request, with no read first,
 * so instances counting at the same moment never lose a count. Windows are fixed (they start
 * at multiples of the window length); each item carries a TTL a window after its end.
 */
export const takeRequest = async (
  db: Db,
  limit: RateLimit,
  address: string,
  now: number,
): Promise<{ count: number; remaining: number }> => {
  const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
  const windowEnd = windowStart + limit.windowMs;
  const result = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.rateWindow(limit.name, clientKey(address), windowStart),
      UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':ttl': Math.ceil((windowEnd + limit.windowMs) / 1000),
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const count = Number(result.Attributes?.count ?? 1);
  if (count > limit.max) {
    const seconds = Math.max(1, Math.ceil((windowEnd - now) / 1000));
    throw new TooManyRequestsError(limit.message(Math.ceil(seconds / 60)), 'rate.limited', seconds);
  }

  return { count, remaining: limit.max - count };
};

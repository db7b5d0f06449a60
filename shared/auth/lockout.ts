import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { keys } from '../db/keys';

/** Five failed sign-ins for a username within 15 minutes lock it for 15 minutes. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

interface Attempts {
  failures: number[];
  lockedUntil: number;
  version: number;
}

const read = async (db: Db, username: string): Promise<Attempts> => {
  const result = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.signInAttempts(username),
      ConsistentRead: true,
    }),
  );
  const item = result.Item ?? {};

  return {
    failures: Array.isArray(item.failures) ? item.failures.map(Number) : [],
    lockedUntil: Number(item.lockedUntil ?? 0),
    version: Number(item.version ?? 0),
  };
};

/** When the username is locked, the time it opens again (epoch ms); otherwise undefined. */
export const lockedUntil = async (db: Db, username: string, now: number) => {
  const attempts = await read(db, username);

  return attempts.lockedUntil > now ? attempts.lockedUntil : undefined;
};

/**
 * Counts a failure, for known and unknown usernames alike (a lock must not reveal whether the
 * user exists). Conditional on the version read, retried when another instance wrote first.
 */
export const recordFailure = async (
  db: Db,
  username: string,
  now: number,
  clientIp: string,
): Promise<number | undefined> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await read(db, username);
    const failures = [...current.failures.filter((t) => t > now - WINDOW_MS), now];
    const locked = failures.length >= MAX_FAILURES ? now + LOCK_MS : current.lockedUntil;
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.signInAttempts(username),
            failures: locked > now ? [] : failures,
            lockedUntil: locked,
            lastClientIp: clientIp,
            version: current.version + 1,
            ttl: Math.ceil((now + WINDOW_MS + LOCK_MS) / 1000),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR version = :version',
          ExpressionAttributeValues: { ':version': current.version },
        }),
      );

      return locked > now ? locked : undefined;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  return undefined;
};

export const clearFailures = async (db: Db, username: string) => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.signInAttempts(username), failures: [], lockedUntil: 0, version: Date.now() },
    }),
  );
};

import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Account } from '../accounts/fields';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import type { User } from '../users/fields';
import type { Principal } from './principal';
import { SESSION_HOURS, verifyToken } from './tokens';

export const newSessionId = (): string => randomBytes(18).toString('base64url');

export const createSession = async (db: Db, userId: string, sessionId: string, now: Date) => {
  const expiresAt = now.getTime() + SESSION_HOURS * 3600_000;
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.session(userId, sessionId),
        createdAt: now.toISOString(),
        expiresAt,
        // DynamoDB's time-to-live removes expired sessions on its own.
        ttl: Math.ceil(expiresAt / 1000),
      },
    }),
  );
};

export const endSession = async (db: Db, userId: string, sessionId: string) => {
  await db.doc.send(
    new DeleteCommand({ TableName: db.tableName, Key: keys.session(userId, sessionId) }),
  );
};

/** Ends every session of a user: after a password reset or when the user is deactivated. */
export const endAllSessions = async (db: Db, userId: string) => {
  const found = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'SESSION#' },
      ProjectionExpression: 'pk, sk',
    }),
  );
  for (const item of found.Items ?? []) {
    await db.doc.send(
      new DeleteCommand({ TableName: db.tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
  }
};

/**
 * A bearer token → the caller, or undefined. The token must verify; its session must still
 * exist (not signed out, not ended by a reset) and be unexpired; its user must be active. The
 * session, user and account arrive in one batch read.
 */
export const authenticate = async (db: Db, token: string, now = Date.now()) => {
  const claims = await verifyToken(token);
  if (!claims) return undefined;

  const sessionKey = keys.session(claims.sub, claims.sid);
  // Strongly consistent, so a token used right after sign-out is already refused.
  const items = await batchGet(
    db,
    [sessionKey, keys.user(claims.sub), keys.account(claims.acc)],
    true,
  );
  const find = (key: { pk: string; sk: string }) =>
    items.find((item) => item.pk === key.pk && item.sk === key.sk);
  const session = find(sessionKey);
  const user = find(keys.user(claims.sub)) as unknown as User | undefined;
  const account = find(keys.account(claims.acc)) as unknown as Account | undefined;
  if (!session || Number(session.expiresAt) <= now) return undefined;
  if (!user?.active || !account || user.accountId !== account.id) return undefined;
  if (account.status === 'closed') return undefined;

  const principal: Principal = {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    accountId: account.id,
    scopePath: account.unitPath,
    sessionId: claims.sid,
  };

  return principal;
};

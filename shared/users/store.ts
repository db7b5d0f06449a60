import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getAccount } from '../accounts/store';
import { auditPut } from '../audit/events';
import type { Principal } from '../auth/principal';
import { assignableRoles, PLATFORM_ROLES } from '../auth/roles';
import { endAllSessions } from '../auth/sessions';
import { hashPassword, passwordProblem } from '../auth/password';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_USERS } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { matchesQuery, searchText } from '../text/fold';
import { staleVersion } from '../units/store';
import type { User, UserInput } from './fields';

type StoredUser = User & { passwordHash: string; passwordChangedAt: string };

const userNotFound = () => new NotFoundError('Không tìm thấy người dùng', 'user.not_found');

const toItem = (user: StoredUser) => ({
  ...keys.user(user.id),
  ...user,
  treePk: TREE_USERS,
  treeSk: `${user.accountId}#${user.username}`,
});

/** Users belong to an account: the operator and finance reach all, others their own account's. */
export const seesAccount = (principal: Principal, accountId: string): boolean =>
  PLATFORM_ROLES.includes(principal.role) || principal.accountId === accountId;

export const findStoredUser = async (db: Db, id: string): Promise<StoredUser | undefined> =>
  (await getItem(db, keys.user(id), true)) as StoredUser | undefined;

export const findUserByUsername = async (db: Db, username: string) => {
  const guard = await getItem(db, keys.username(username), true);

  return guard ? findStoredUser(db, String(guard.userId)) : undefined;
};

export const getUser = async (db: Db, principal: Principal, id: string): Promise<User> => {
  const user = await findStoredUser(db, id);
  if (!user || !seesAccount(principal, user.accountId)) throw userNotFound();

  return stripInternal<User>(user);
};

const USER_FILTERS = ['q', 'id', 'accountId', 'role', 'active'];

export const listUsers = async (
  db: Db,
  principal: Principal,
  params: ListParams,
): Promise<Page<User>> => {
  const { filter } = params;
  checkFilterKeys(filter, USER_FILTERS);
  const ids = filterValues(filter.id, 'id');
  const prefix = PLATFORM_ROLES.includes(principal.role) ? '' : `${principal.accountId}#`;
  const stored = ids
    ? await batchGet(db, ids.map(keys.user))
    : await queryAll(db, {
        IndexName: 'byTree',
        // DynamoDB refuses an empty prefix: the platform roles read the whole key instead.
        KeyConditionExpression: prefix
          ? 'treePk = :pk AND begins_with(treeSk, :prefix)'
          : 'treePk = :pk',
        ExpressionAttributeValues: prefix
          ? { ':pk': TREE_USERS, ':prefix': prefix }
          : { ':pk': TREE_USERS },
      });
  const accountIds = filterValues(filter.accountId, 'accountId');
  const roles = filterValues(filter.role, 'role');
  const query = typeof filter.q === 'string' ? filter.q : '';
  const users = stored
    .map((item) => stripInternal<User>(item))
    .filter(
      (user) =>
        seesAccount(principal, user.accountId) &&
        (!accountIds || accountIds.includes(user.accountId)) &&
        (!roles || roles.includes(user.role)) &&
        (filter.active === undefined || user.active === filter.active) &&
        (!query || matchesQuery(searchText([user.username, user.fullName, user.email]), query)),
    );

  return pageInMemory(
    users as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<User>;
};

/** The account and role rules for a user someone writes: no one places a user beyond reach. */
const checkPlacement = async (db: Db, principal: Principal, input: UserInput) => {
  if (!seesAccount(principal, input.accountId)) {
    throw new ValidationError('Tài khoản không tồn tại', { accountId: 'Không tồn tại' });
  }
  const account = await getAccount(db, input.accountId).catch(() => undefined);
  if (!account)
    throw new ValidationError('Tài khoản không tồn tại', { accountId: 'Không tồn tại' });
  if (account.status === 'closed') {
    throw new ValidationError('Tài khoản đã đóng, không thêm người dùng được', {
      accountId: 'Đã đóng',
    });
  }
  if (!assignableRoles[principal.role].includes(input.role)) {
    throw new ValidationError(
      'Bạn không được giao vai trò này',
      { role: 'Không được giao vai trò này' },
      'user.role_not_assignable',
    );
  }
  if (PLATFORM_ROLES.includes(input.role) && account.kind !== 'operator') {
    throw new ValidationError(
      'Vai trò vận hành và kế toán chỉ dành cho tài khoản của đơn vị vận hành',
      { role: 'Chỉ cho tài khoản vận hành' },
      'user.role_needs_operator_account',
    );
  }

  return account;
};

/** A user's trail is kept with its account's area, so it is scoped like the account. */
const userAudit = (
  db: Db,
  principal: Principal,
  action: 'create' | 'update' | 'delete',
  unitPath: string,
  before?: StoredUser,
  after?: StoredUser,
): TransactItem =>
  auditPut(db.tableName, principal, {
    resource: 'users',
    recordId: (after ?? before)?.id as string,
    action,
    unitPath,
    before: before && stripInternal<User>(before),
    after: after && stripInternal<User>(after),
  });

const accountPath = async (db: Db, accountId: string): Promise<string> =>
  (await getAccount(db, accountId).catch(() => undefined))?.unitPath ?? '/';

const writeWithGuard = async (db: Db, items: TransactItem[], username: string) => {
  try {
    await transactWrite(db, items);
  } catch (error) {
    if (error instanceof TransactionCancelled) {
      if (error.reasons[1] === 'ConditionalCheckFailed') {
        throw new ConflictError(
          `Tên đăng nhập "${username}" đã có người dùng`,
          'user.duplicate_username',
          {
            username: 'Đã có người dùng',
          },
        );
      }
      throw staleVersion();
    }
    throw error;
  }
};

export const createUser = async (
  db: Db,
  principal: Principal,
  input: UserInput,
  password: unknown,
  now: string,
): Promise<User> => {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem, { password: problem }, 'user.weak_password');
  const account = await checkPlacement(db, principal, input);

  const user: StoredUser = {
    id: randomUUID(),
    ...input,
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    passwordHash: await hashPassword(password as string),
    passwordChangedAt: now,
  };
  await writeWithGuard(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: toItem(user),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.username(user.username), userId: user.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      userAudit(db, principal, 'create', account.unitPath, undefined, user),
    ],
    user.username,
  );

  return stripInternal<User>(user);
};

export const updateUser = async (
  db: Db,
  principal: Principal,
  id: string,
  input: UserInput,
  version: number,
  now: string,
): Promise<User> => {
  const current = await findStoredUser(db, id);
  if (!current || !seesAccount(principal, current.accountId)) throw userNotFound();
  if (current.version !== version) throw staleVersion();
  if (input.username !== current.username || input.accountId !== current.accountId) {
    throw new ValidationError('Không đổi được tên đăng nhập hoặc tài khoản của người dùng', {
      [input.username !== current.username ? 'username' : 'accountId']: 'Không đổi được',
    });
  }
  if (id === principal.userId && (input.role !== current.role || !input.active)) {
    throw new ValidationError(
      'Không tự đổi vai trò hoặc tự khóa chính mình',
      { role: 'Không tự đổi được' },
      'user.self_change',
    );
  }
  if (input.role !== current.role) await checkPlacement(db, principal, input);
  else if (!assignableRoles[principal.role].includes(current.role)) {
    throw new ValidationError(
      'Bạn không sửa được người dùng có vai trò này',
      { role: 'Không được sửa' },
      'user.role_not_assignable',
    );
  }

  const after: StoredUser = { ...current, ...input, updatedAt: now, version: version + 1 };
  await writeWithGuard(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: toItem(after),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': version },
        },
      },
      userAudit(db, principal, 'update', await accountPath(db, current.accountId), current, after),
    ],
    after.username,
  );
  if (current.active && !after.active) await endAllSessions(db, id);

  return stripInternal<User>(after);
};

export const deleteUser = async (db: Db, principal: Principal, id: string): Promise<User> => {
  const current = await findStoredUser(db, id);
  if (!current || !seesAccount(principal, current.accountId)) throw userNotFound();
  if (id === principal.userId) {
    throw new ValidationError('Không tự xóa chính mình', undefined, 'user.self_delete');
  }
  if (!assignableRoles[principal.role].includes(current.role)) {
    throw new ValidationError(
      'Bạn không xóa được người dùng có vai trò này',
      undefined,
      'user.role_not_assignable',
    );
  }
  await transactWrite(db, [
    {
      Delete: {
        TableName: db.tableName,
        Key: keys.user(id),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': current.version },
      },
    },
    { Delete: { TableName: db.tableName, Key: keys.username(current.username) } },
    userAudit(db, principal, 'delete', await accountPath(db, current.accountId), current),
  ]);
  await endAllSessions(db, id);

  return stripInternal<User>(current);
};

/**
 * Sets a new password and ends every session of the user, so old tokens stop working. The
 * trail records that the password was set, by whom, never the password.
 */
export const setPassword = async (
  db: Db,
  actor: Principal,
  user: User,
  password: unknown,
  now: string,
) => {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem, { password: problem }, 'user.weak_password');
  await transactWrite(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.user(user.id),
        UpdateExpression:
          'SET passwordHash = :hash, passwordChangedAt = :now, updatedAt = :now, version = version + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':hash': await hashPassword(password as string),
          ':now': now,
          ':one': 1,
        },
      },
    },
    auditPut(db.tableName, actor, {
      resource: 'users',
      recordId: user.id,
      action: 'update',
      unitPath: await accountPath(db, user.accountId),
      before: { passwordSet: null },
      after: { passwordSet: now },
    }),
  ]);
  await endAllSessions(db, user.id);
};

export const recordSignIn = async (db: Db, userId: string, now: string) => {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.user(userId),
      UpdateExpression: 'SET lastSignInAt = :now',
      ExpressionAttributeValues: { ':now': now },
    }),
  );
};

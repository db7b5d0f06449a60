/**
 * Price plan versions: one item per account and first month priced, so two versions can never
 * start on the same day. Issued invoices keep their own amounts; changing or removing a version
 * changes only what later runs and replacements charge.
 */
import { getAccount } from '../accounts/store';
import { ConditionFailed, writeAudited } from '../audit/write';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_PRICE_PLANS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { isDay } from '../time/days';
import { staleVersion } from '../units/store';
import type { PricePlan, PricePlanInput } from './fields';
import { BILLING_AUDIT_PATH, seesAllAccounts } from './scope';

export const planId = (accountId: string, effectiveFrom: string) => `${accountId}.${effectiveFrom}`;

const planNotFound = () => new NotFoundError('Không tìm thấy bảng giá', 'price_plan.not_found');

type Key = { pk: string; sk: string };

/** The key of a plan id `<accountId>.<effectiveFrom>`, or undefined when it is not one. */
const planKey = (id: string): Key | undefined => {
  const dot = id.lastIndexOf('.');
  const effectiveFrom = id.slice(dot + 1);

  return dot > 0 && isDay(effectiveFrom)
    ? keys.pricePlan(id.slice(0, dot), effectiveFrom)
    : undefined;
};

const keyOf = (id: string): Key => {
  const key = planKey(id);
  if (!key) throw planNotFound();

  return key;
};

/** The stored item: by account and first month, and in the tree index with all versions. */
export const pricePlanItem = (plan: PricePlan) => ({
  ...keys.pricePlan(plan.accountId, plan.effectiveFrom),
  ...plan,
  treePk: TREE_PRICE_PLANS,
  treeSk: `${plan.accountId}#${plan.effectiveFrom}`,
});

export const getPricePlan = async (db: Db, id: string, caller?: Principal): Promise<PricePlan> => {
  if (!seesAllAccounts(caller)) throw planNotFound();
  const item = await getItem(db, keyOf(id));
  if (!item) throw planNotFound();

  return stripInternal<PricePlan>(item);
};

/** Every version of every account, grouped by account: one query of the tree index. */
export const allPricePlans = async (db: Db): Promise<Map<string, PricePlan[]>> => {
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk',
    ExpressionAttributeValues: { ':pk': TREE_PRICE_PLANS },
  });
  const byAccount = new Map<string, PricePlan[]>();
  for (const plan of items.map((item) => stripInternal<PricePlan>(item))) {
    byAccount.set(plan.accountId, [...(byAccount.get(plan.accountId) ?? []), plan]);
  }

  return byAccount;
};

export const pricePlansOf = async (db: Db, accountId: string): Promise<PricePlan[]> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pricePlan(accountId, '').pk },
      ConsistentRead: true,
    })
  ).map((item) => stripInternal<PricePlan>(item));

const PLAN_FILTERS = ['accountId', 'id'];

export const listPricePlans = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<PricePlan>> => {
  checkFilterKeys(params.filter, PLAN_FILTERS);
  const ids = filterValues(params.filter.id, 'id');
  const accounts = filterValues(params.filter.accountId, 'accountId');
  let plans: PricePlan[];
  if (!seesAllAccounts(caller)) plans = [];
  else if (ids) {
    const wanted = ids.flatMap((id) => planKey(id) ?? []);
    plans = (await batchGet(db, wanted)).map((item) => stripInternal<PricePlan>(item));
  } else if (accounts?.length === 1) plans = await pricePlansOf(db, accounts[0]);
  else plans = [...(await allPricePlans(db)).values()].flat();

  const matching = plans.filter((plan) => !accounts || accounts.includes(plan.accountId));

  return pageInMemory(
    matching as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<PricePlan>;
};

const write = async (db: Db, plan: PricePlan, caller?: Principal, before?: PricePlan) => {
  try {
    await writeAudited(
      db,
      {
        Put: {
          TableName: db.tableName,
          Item: pricePlanItem(plan),
          ConditionExpression: before ? 'version = :version' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: before ? { ':version': before.version } : undefined,
        },
      },
      {
        resource: 'price-plans',
        recordId: plan.id,
        action: before ? 'update' : 'create',
        unitPath: BILLING_AUDIT_PATH,
        before,
        after: plan,
      },
      caller,
    );
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (before) throw staleVersion();
    throw new ConflictError(
      'Tài khoản đã có bảng giá áp dụng từ ngày này; hãy sửa bảng giá đó',
      'price_plan.exists',
      { effectiveFrom: 'Đã có bảng giá từ ngày này' },
    );
  }
};

const checkAccount = async (db: Db, accountId: string, caller?: Principal) => {
  const account = await getAccount(db, accountId, caller).catch(() => undefined);
  if (!account) {
    throw new ValidationError('Tài khoản không tồn tại', { accountId: 'Không tồn tại' });
  }
  if (account.kind === 'operator') {
    throw new ValidationError(
      'Tài khoản của đơn vị vận hành không tính phí, không có bảng giá',
      { accountId: 'Không tính phí' },
      'price_plan.operator_not_billed',
    );
  }
};

export const createPricePlan = async (
  db: Db,
  input: PricePlanInput,
  now: string,
  caller?: Principal,
): Promise<PricePlan> => {
  await checkAccount(db, input.accountId, caller);
  const plan: PricePlan = {
    id: planId(input.accountId, input.effectiveFrom),
    ...input,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await write(db, plan, caller);

  return plan;
};

export const updatePricePlan = async (
  db: Db,
  id: string,
  input: PricePlanInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<PricePlan> => {
  const current = await getPricePlan(db, id, caller);
  if (current.version !== version) throw staleVersion();
  if (input.accountId !== current.accountId || input.effectiveFrom !== current.effectiveFrom) {
    throw new ValidationError(
      'Không đổi được tài khoản hay ngày áp dụng của bảng giá; hãy thêm bảng giá mới',
      { effectiveFrom: 'Không đổi được' },
      'price_plan.key_immutable',
    );
  }
  const plan: PricePlan = { ...current, ...input, updatedAt: now, version: version + 1 };
  await write(db, plan, caller, current);

  return plan;
};

export const deletePricePlan = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<PricePlan> => {
  const plan = await getPricePlan(db, id, caller);
  try {
    await writeAudited(
      db,
      {
        Delete: {
          TableName: db.tableName,
          Key: keyOf(id),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': plan.version },
        },
      },
      {
        resource: 'price-plans',
        recordId: id,
        action: 'delete',
        unitPath: BILLING_AUDIT_PATH,
        before: plan,
      },
      caller,
    );
  } catch (error) {
    if (error instanceof ConditionFailed) throw staleVersion();
    throw error;
  }

  return plan;
};

/**
 * Reading bills, and the one way each leaves `unpaid`. These reads and `billPaidItems` are what
 * the payments part builds on (shared/payments): a payment and the bills it settles are written
 * in one transaction, each bill conditioned on still being unpaid at the version read.
 */
import { type Actor, auditPut, SYSTEM_ACTOR } from '../audit/events';
import { type Principal, scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, NotFoundError } from '../errors';
import { isUnder } from '../units/fields';
import { staleVersion } from '../units/store';
import { type Bill, type BillStatus, CLOSING_ACTIONS, type ClosingAction } from './fields';
import { billKeyOf, billOf, billTreeSk } from './record';
import { referenceIn } from './reference';

export const billNotFound = () =>
  new NotFoundError('Không tìm thấy hóa đơn phí rác', 'bill.not_found');

/** A bill by id, whoever asks (payments, webhooks); undefined when there is none. */
export const getBill = async (
  db: Db,
  id: string,
  consistent = false,
): Promise<Bill | undefined> => {
  const key = billKeyOf(id);
  const item = key ? await getItem(db, key, consistent) : undefined;

  return item ? billOf(item) : undefined;
};

/** Bills by id, in the order asked, leaving out ids with no bill. */
export const getBills = async (db: Db, ids: string[], consistent = false): Promise<Bill[]> => {
  const wanted = ids.flatMap((id) => billKeyOf(id) ?? []);
  const byId = new Map(
    (await batchGet(db, wanted, consistent)).map((item) => [String(item.id), billOf(item)]),
  );

  return ids.flatMap((id) => byId.get(id) ?? []);
};

/** Every bill of a household, oldest month first: one query of its partition. */
export const billsOfHousehold = async (db: Db, householdId: string): Promise<Bill[]> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bill)',
      ExpressionAttributeValues: { ':pk': keys.household(householdId).pk, ':bill': 'BILL#' },
    })
  ).map(billOf);

/** The household's bills still to pay, oldest month first. */
export const unpaidBillsOfHousehold = async (db: Db, householdId: string): Promise<Bill[]> =>
  (await billsOfHousehold(db, householdId)).filter((bill) => bill.status === 'unpaid');

/**
 * The bill a transfer reference names; the text may be a whole transfer content
 * (`CK NGP4K7QX2MA phi rac`). Undefined when it names none.
 */
export const billByReference = async (db: Db, reference: string): Promise<Bill | undefined> => {
  const found = referenceIn(reference);
  if (!found) return undefined;
  const held = await getItem(db, keys.billReference(found));

  return held ? getBill(db, String(held.billId)) : undefined;
};

/** A bill the caller may see; outside their area it does not exist for them. */
export const getVisibleBill = async (db: Db, id: string, caller?: Principal): Promise<Bill> => {
  const bill = await getBill(db, id);
  if (!bill || !isUnder(bill.unitPath, scopeOf(caller))) throw billNotFound();

  return bill;
};

const actorOf = (caller?: Principal): Actor =>
  caller
    ? { userId: caller.userId, username: caller.username, accountId: caller.accountId }
    : SYSTEM_ACTOR;

/**
 * The items that move an unpaid bill to `next`: the bill, conditioned on being unpaid at the
 * version read (so a bill is closed once, by whoever comes first), and its audit event.
 */
const closingItems = (
  tableName: string,
  bill: Bill,
  next: Pick<Bill, 'status' | 'paymentId' | 'waivedBy' | 'reason'>,
  now: string,
  actor: Actor,
): TransactItem[] => {
  const after: Bill = {
    ...bill,
    ...next,
    settledAt: now,
    updatedAt: now,
    version: bill.version + 1,
  };

  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.bill(bill.householdId, bill.month),
        UpdateExpression:
          'SET #status = :status, paymentId = :paymentId, waivedBy = :waivedBy, reason = :reason, ' +
          'settledAt = :now, updatedAt = :now, version = :next, treeSk = :treeSk',
        ConditionExpression: '#status = :unpaid AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': after.status,
          ':paymentId': after.paymentId,
          ':waivedBy': after.waivedBy,
          ':reason': after.reason,
          ':now': now,
          ':next': after.version,
          ':treeSk': billTreeSk(after),
          ':unpaid': 'unpaid',
          ':version': bill.version,
        },
      },
    },
    auditPut(
      tableName,
      actor,
      {
        resource: 'bills',
        recordId: bill.id,
        action: 'update',
        unitPath: bill.unitPath,
        before: bill,
        after,
      },
      now,
    ),
  ];
};

/**
 * For the payments part: the items that mark `bill` (as read) paid by `paymentId`, to put in the
 * payment's own transaction. The bill's item fails its condition if the bill is no longer unpaid
 * or has changed since it was read: the whole transaction is then cancelled.
 */
export const billPaidItems = (
  tableName: string,
  bill: Bill,
  paymentId: string,
  now: string,
  actor: Actor = SYSTEM_ACTOR,
): TransactItem[] =>
  closingItems(
    tableName,
    bill,
    { status: 'paid', paymentId, waivedBy: null, reason: null },
    now,
    actor,
  );

const alreadyClosed = (status: BillStatus) =>
  new ConflictError(
    `Hóa đơn đã ${STATUS_WORDS[status]}; trạng thái chỉ đổi được khi hóa đơn còn chưa thu`,
    'bill.not_unpaid',
    { status: 'Không đổi được' },
  );

const STATUS_WORDS: Record<BillStatus, string> = {
  unpaid: 'chưa thu',
  paid: 'được thanh toán',
  waived: 'được miễn',
  cancelled: 'bị hủy',
};

/** Waives or cancels an unpaid bill, recording who did it and why. */
export const closeBill = async (
  db: Db,
  id: string,
  action: ClosingAction,
  reason: string,
  now: string,
  caller?: Principal,
): Promise<Bill> => {
  const bill = await getVisibleBill(db, id, caller);
  if (bill.status !== 'unpaid') throw alreadyClosed(bill.status);
  const next = {
    status: CLOSING_ACTIONS[action],
    paymentId: null,
    waivedBy: caller?.username ?? SYSTEM_ACTOR.username,
    reason,
  };
  try {
    await transactWrite(db, closingItems(db.tableName, bill, next, now, actorOf(caller)));
  } catch (error) {
    if (!(error instanceof TransactionCancelled) || error.failedCondition() !== 0) throw error;
    const current = await getBill(db, id, true);
    if (current && current.status !== 'unpaid') throw alreadyClosed(current.status);
    throw staleVersion();
  }

  return { ...bill, ...next, settledAt: now, updatedAt: now, version: bill.version + 1 };
};

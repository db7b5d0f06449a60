/**
 * Bank transfers (VietQR or typed by hand) are confirmed from the collecting account's bank
 * statement. Each credit line is matched by the bill reference its transfer content carries and
 * settled like any payment; a line matching nothing is stored `unmatched` for finance. A line is
 * recorded once per (account, bank reference): importing the same statement again, or an
 * overlapping one, records nothing new. A dry run answers what each line would do and writes
 * nothing.
 */
import type { Principal } from '../auth/principal';
import { isPlatformWide } from '../auth/principal';
import type { Actor } from '../audit/events';
import { billByReference, getBills } from '../bills/store';
import type { Db } from '../db/client';
import { batchGet, getItem } from '../db/items';
import { keys } from '../db/keys';
import { type FieldErrors, ValidationError } from '../errors';
import { parseInstant } from '../time/ict';
import { attemptSucceededUpdate, findAttempt, type PaymentAttempt } from './attempts';
import type { ReviewReason } from './record';
import { referenceGuardKey } from './record';
import { assess, type SettleResult, SettlementCancelled, settleBills } from './settle';

/** Lines a request may carry; the admin sends a longer statement in parts. */
export const MAX_STATEMENT_ROWS = 200;

/** A line as sent: the columns of the statement file, as text (or numbers). */
export type StatementRow = Record<string, unknown>;

/**
 * Whole VND from what a statement writes: `44000`, `44.000`, `44,000`, `44.000 VND`,
 * `44000.00`. Negative (a debit) stays negative; anything else is undefined.
 */
export const amountOf = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s|VND|VNĐ|đ|₫/gi, '');
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/^[+-]/, '');
  let whole: string | undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(digits)) whole = digits.replace(/[.,]/g, '');
  else if (/^\d+([.,]0{1,2})?$/.test(digits)) whole = digits.replace(/[.,]0+$/, '');
  const amount = whole === undefined ? undefined : sign * Number(whole);

  return amount !== undefined && Number.isSafeInteger(amount) ? amount : undefined;
};

export type LineStatus = SettleResult | 'skipped' | 'invalid';

export interface LineResult {
  /** 1-based, in the order sent. */
  line: number;
  status: LineStatus;
  reference: string | null;
  amount: number | null;
  paidAt: string | null;
  /** The bill reference found in the transfer content. */
  billReference: string | null;
  billIds: string[];
  reviewReason: ReviewReason | null;
  paymentId: string | null;
  errors: FieldErrors;
}

interface Line {
  line: number;
  reference: string;
  amount: number;
  paidAt: string;
  content: string;
}

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value.normalize('NFC').trim()
    : typeof value === 'number'
      ? String(value)
      : '';

/** A line checked: what is wrong with it, or what it says. */
const readLine = (row: StatementRow, index: number, now: string): Line | LineResult => {
  const reference = text(row.reference);
  const content = text(row.content);
  const amount = amountOf(row.amount);
  const paidAt = parseInstant(text(row.paidAt));
  const errors: FieldErrors = {};
  if (!reference) errors.reference = 'Thiếu mã giao dịch';
  else if (reference.length > 100) errors.reference = 'Mã giao dịch dài quá 100 ký tự';
  if (amount === undefined) errors.amount = 'Số tiền không hợp lệ';
  if (!paidAt || paidAt > new Date(Date.parse(now) + 86_400_000).toISOString()) {
    errors.paidAt = 'Ngày giao dịch không hợp lệ';
  }
  if (content.length > 500) errors.content = 'Nội dung dài quá 500 ký tự';
  const base = {
    line: index + 1,
    reference: reference || null,
    amount: amount ?? null,
    paidAt: paidAt ?? null,
    billReference: null,
    billIds: [],
    reviewReason: null,
    paymentId: null,
  };
  if (Object.keys(errors).length > 0) return { ...base, status: 'invalid', errors };
  // Money going out of the account (or nothing) is not a payment received.
  if ((amount as number) <= 0) return { ...base, status: 'skipped', errors: {} };

  return {
    line: index + 1,
    reference,
    amount: amount as number,
    paidAt: paidAt as string,
    content,
  };
};

/** A VietQR attempt's order id as a transfer content carries it (attempts.ts, `orderIdFor`). */
const ORDER_ID_PATTERN = /NG\d{21}/;

const orderIdIn = (content: string): string | undefined => {
  const upper = content.toUpperCase();

  return (
    /NG\d{21}(?!\d)/.exec(upper)?.[0] ?? ORDER_ID_PATTERN.exec(upper.replace(/[\s.\-_]+/g, ''))?.[0]
  );
};

interface LineMatch {
  billIds: string[];
  billReference: string | null;
  attempt: PaymentAttempt | null;
}

/**
 * What a line pays: the bill whose reference its content carries, or else the bills of the
 * VietQR attempt whose order id it carries (a household paying several months at once).
 */
const matchLine = async (db: Db, content: string): Promise<LineMatch> => {
  const bill = await billByReference(db, content);
  if (bill) return { billIds: [bill.id], billReference: bill.reference, attempt: null };
  const orderId = orderIdIn(content);
  const attempt = orderId ? await findAttempt(db, 'vietqr', orderId) : undefined;
  if (attempt?.target.kind === 'bills') {
    return { billIds: attempt.target.billIds, billReference: null, attempt };
  }

  return { billIds: [], billReference: null, attempt: null };
};

export interface StatementImport {
  accountId: string;
  rows: unknown;
  dryRun?: boolean;
}

export interface StatementResult {
  accountId: string;
  dryRun: boolean;
  results: LineResult[];
  counts: Record<LineStatus, number>;
}

const checkRequest = async (db: Db, request: StatementImport, caller: Principal) => {
  const { accountId, rows, dryRun } = request;
  if (dryRun !== undefined && typeof dryRun !== 'boolean') {
    throw new ValidationError('dryRun phải là true hoặc false', { dryRun: 'Không hợp lệ' });
  }
  if (typeof accountId !== 'string' || accountId === '') {
    throw new ValidationError('Cần tài khoản nhận tiền (accountId)', { accountId: 'Bắt buộc' });
  }
  if (accountId !== caller.accountId && !isPlatformWide(caller)) {
    throw new ValidationError(
      'Chỉ nhập được sao kê của tài khoản đơn vị mình',
      { accountId: 'Không phải tài khoản của đơn vị bạn' },
      'statement.not_own_account',
    );
  }
  if (!(await getItem(db, keys.account(accountId)))) {
    throw new ValidationError('Không tìm thấy tài khoản', { accountId: 'Không tồn tại' });
  }
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new ValidationError(
      'Cần danh sách dòng sao kê (rows)',
      { rows: 'Trống' },
      'statement.no_rows',
    );
  }
  if (rows.length > MAX_STATEMENT_ROWS) {
    throw new ValidationError(
      `Mỗi lần gửi tối đa ${MAX_STATEMENT_ROWS} dòng`,
      { rows: 'Quá nhiều dòng' },
      'statement.too_many_rows',
    );
  }
  if (!rows.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row))) {
    throw new ValidationError('Mỗi dòng sao kê phải là một đối tượng', { rows: 'Không hợp lệ' });
  }

  return { accountId, rows: rows as StatementRow[] };
};

const emptyCounts = (): Record<LineStatus, number> => ({
  paid: 0,
  flagged: 0,
  overpayment: 0,
  unmatched: 0,
  duplicate: 0,
  skipped: 0,
  invalid: 0,
});

/** The bank's own reference, scoped by the account: two banks may reuse each other's numbers. */
const lineReference = (accountId: string, line: Line) => `${accountId}/${line.reference}`;

/**
 * Imports (or previews) statement lines of an account: a unit admin imports their own account's;
 * lines are matched by the bill reference in their transfer content.
 */
export const importBankStatement = async (
  db: Db,
  request: StatementImport,
  now: string,
  caller: Principal,
): Promise<StatementResult> => {
  const { accountId, rows } = await checkRequest(db, request, caller);
  const dryRun = request.dryRun === true;
  const checked = rows.map((row, index) => readLine(row, index, now));
  const lines = checked.filter((entry): entry is Line => !('status' in entry));
  const recorded = dryRun ? await alreadyRecorded(db, accountId, lines) : new Set<string>();
  const seen = new Set<string>();
  const actor: Actor = {
    userId: caller.userId,
    username: caller.username,
    accountId: caller.accountId,
  };

  const results: LineResult[] = [];
  for (const entry of checked) {
    if ('status' in entry) {
      results.push(entry);
      continue;
    }
    const reference = lineReference(accountId, entry);
    const match = await matchLine(db, entry.content);
    const base = {
      line: entry.line,
      reference: entry.reference,
      amount: entry.amount,
      paidAt: entry.paidAt,
      billReference: match.billReference,
      billIds: match.billIds,
      errors: {},
    };
    const key = referenceGuardKey('bank-transfer', reference).pk;
    if (dryRun) {
      const duplicate = recorded.has(key) || seen.has(key);
      seen.add(key);
      const bills = await getBills(db, match.billIds, true);
      const found = match.billIds.map((id) => bills.find((bill) => bill.id === id));
      const assessment = assess(entry.amount, accountId, found);
      results.push({
        ...base,
        status: duplicate
          ? 'duplicate'
          : assessment.status === 'recorded'
            ? 'paid'
            : assessment.status,
        reviewReason: duplicate ? null : assessment.reviewReason,
        paymentId: null,
      });
      continue;
    }
    const { result, payment } = await settleLine(db, accountId, entry, match, now, actor);
    results.push({
      ...base,
      status: result,
      reviewReason: payment.reviewReason,
      paymentId: payment.id,
    });
  }

  const counts = emptyCounts();
  for (const result of results) counts[result.status] += 1;

  return { accountId, dryRun, results, counts };
};

/**
 * Settles one line. A VietQR attempt it pays is marked succeeded in the same transaction; if
 * the attempt moved meanwhile (its gateway check, another line), the money is recorded alone.
 */
const settleLine = async (
  db: Db,
  accountId: string,
  line: Line,
  match: LineMatch,
  now: string,
  actor: Actor,
) => {
  const incoming = {
    method: 'bank-transfer' as const,
    reference: lineReference(accountId, line),
    amount: line.amount,
    paidAt: line.paidAt,
    accountId,
    billIds: match.billIds,
    attemptId: match.attempt?.id,
    orderId: match.attempt?.orderId,
    details: { bankReference: line.reference, content: line.content },
  };
  const { attempt } = match;
  const claim = (paymentId: string) =>
    attempt && attempt.status !== 'succeeded'
      ? [
          {
            Update: attemptSucceededUpdate(
              db.tableName,
              attempt,
              { gatewayTxnId: line.reference, resultCode: 'bank-statement', paymentId },
              now,
            ),
          },
        ]
      : [];
  try {
    return await settleBills(db, incoming, now, { actor, extraItems: claim });
  } catch (error) {
    if (!(error instanceof SettlementCancelled)) throw error;

    return settleBills(db, incoming, now, { actor });
  }
};

/** Guard keys of the lines already recorded by an earlier import. */
const alreadyRecorded = async (db: Db, accountId: string, lines: Line[]): Promise<Set<string>> => {
  const guards = lines.map((line) =>
    referenceGuardKey('bank-transfer', lineReference(accountId, line)),
  );
  const items = await batchGet(db, guards, true);

  return new Set(items.map((item) => String(item.pk)));
};

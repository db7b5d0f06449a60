import type { Bill } from '../bills/fields';
import { unpaidBillsOfHousehold } from '../bills/store';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys } from '../db/keys';
import { loadMerchants } from '../payments/merchants';
import {
  CASH_NOTE,
  type LookupAnswer,
  METHOD_LABELS,
  type PayMethod,
  type PaymentChoice,
  PAY_METHODS,
} from './answer';
import {
  ABSENT,
  findHousehold,
  type FoundHousehold,
  type HouseholdProof,
  lookupNotFound,
} from './household';
import { maskName } from './mask';

/**
 * The household of a proof with its unpaid bills and hamlet, or the one not-found error. A
 * proof that fails still reads the bills and hamlet of an id that names nothing, so a wrong
 * phone, an unknown code and a right proof take the same requests (the household's own bills
 * make a right proof's bill query a little longer; nothing else differs).
 */
export const provenHousehold = async (
  db: Db,
  proof: HouseholdProof,
): Promise<FoundHousehold & { bills: Bill[]; hamletName: string | null }> => {
  const found = await findHousehold(db, proof);
  const [bills, hamlet] = await Promise.all([
    unpaidBillsOfHousehold(db, found?.household.id ?? ABSENT),
    getItem(db, keys.unit(found?.household.hamletId ?? ABSENT)),
  ]);
  if (!found) throw lookupNotFound();

  return { ...found, bills, hamletName: typeof hamlet?.name === 'string' ? hamlet.name : null };
};

/**
 * The ways an account takes payment online, as its merchants are configured: each gateway it
 * has credentials for, and VietQR when it has a bank account. In the order of PAY_METHODS.
 */
export const methodsOf = async (accountId: string | undefined): Promise<PayMethod[]> => {
  if (!accountId) return [];
  const { gateways, bank } = (await loadMerchants()).forAccount(accountId);
  const offered = new Set<PayMethod>(gateways.map((merchant) => merchant.gateway));
  if (bank) offered.add('vietqr');

  return PAY_METHODS.filter((method) => offered.has(method));
};

/**
 * The public look-up: the household's code, hamlet and masked head name, its unpaid bills
 * (oldest first) and the ways to pay them. Bills of one household are collected by one account,
 * the ward's; should they name several (the ward changed hands), only the ways every one of
 * them accepts are offered, so any choice of bills can be paid at once.
 */
export const lookupHousehold = async (db: Db, proof: HouseholdProof): Promise<LookupAnswer> => {
  const { household, ward, bills, hamletName } = await provenHousehold(db, proof);
  const accounts = [...new Set(bills.map((bill) => bill.accountId))];
  const offers = await Promise.all(accounts.map(methodsOf));
  const methods = PAY_METHODS.filter((method) => offers.every((offer) => offer.includes(method)));
  const ordered = [...bills].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));

  return {
    household: {
      code: household.code,
      headName: maskName(household.ownerName),
      hamletName,
      wardName: ward.name,
    },
    bills: ordered.map((bill) => ({
      id: bill.id,
      month: bill.month,
      amount: bill.amount,
      reference: bill.reference,
    })),
    total: bills.reduce((sum, bill) => sum + bill.amount, 0),
    methods: bills.length > 0 ? methods.map(choiceOf) : [],
    cash: CASH_NOTE,
  };
};

const choiceOf = (method: PayMethod): PaymentChoice => ({ method, label: METHOD_LABELS[method] });

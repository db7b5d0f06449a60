/**
 * Household fee bills (issue 5): one bill per household per Vietnam month, made by a run
 * (run.ts) from the fee schedules. Amounts are whole VND. A bill's status only moves forward,
 * once: unpaid → paid (by a payment), waived or cancelled (by a user, with a reason).
 */
import type { FeeClass, HouseholdKind } from '../households/fields';
import type { PricingMethod } from '../fees/fields';

export const BILL_STATUSES = ['unpaid', 'paid', 'waived', 'cancelled'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** The statuses a user moves an unpaid bill to by hand; `paid` comes from payments only. */
export const CLOSING_ACTIONS = { waive: 'waived', cancel: 'cancelled' } as const;
export type ClosingAction = keyof typeof CLOSING_ACTIONS;

export interface Bill {
  /** `<householdId>.<month>`: a household's bill of a month has one id, whoever makes it. */
  id: string;
  householdId: string;
  householdCode: string;
  /** The ward or commune. */
  unitId: string;
  hamletId: string | null;
  /** The household's unit path when billed. */
  unitPath: string;
  /** The account collecting the fee: the ward's or commune's committee. */
  accountId: string;
  /** `YYYY-MM`, Vietnam time. */
  month: string;
  amount: number;
  status: BillStatus;
  /** Transfer content for VietQR and bank statements: `NGP` and 8 letters or digits, unique. */
  reference: string;
  /** What priced it: the fee schedule line, its method, and the household as it was. */
  scheduleId: string;
  pricing: PricingMethod;
  kind: HouseholdKind | null;
  feeClass: FeeClass | null;
  members: number;
  /** The payment that settled it; null until paid. */
  paymentId: string | null;
  /** When it left `unpaid` (paid, waived or cancelled). */
  settledAt: string | null;
  /** Who waived or cancelled it (username), and why. */
  waivedBy: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

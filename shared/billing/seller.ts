/**
 * The seller printed on invoices: the platform operator. Its name, tax code, phone and email
 * are the operator's own account (editable in the admin); what an account does not hold (the
 * address and the bank account to pay into) comes from the environment, and any `SELLER_*`
 * variable overrides the account.
 */
import type { Account } from '../accounts/fields';

export interface Seller {
  name: string;
  taxCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  bankAccount: string | null;
  bankName: string | null;
}

const env = (name: string, source: NodeJS.ProcessEnv): string | null =>
  source[name]?.trim() || null;

export const sellerOf = (
  operator: Pick<Account, 'name' | 'taxCode' | 'phone' | 'email'> | undefined,
  source: NodeJS.ProcessEnv = process.env,
): Seller => ({
  name: env('SELLER_NAME', source) ?? operator?.name ?? 'Đơn vị vận hành nền tảng Nguồn',
  taxCode: env('SELLER_TAX_CODE', source) ?? operator?.taxCode ?? null,
  address: env('SELLER_ADDRESS', source),
  phone: env('SELLER_PHONE', source) ?? operator?.phone ?? null,
  email: env('SELLER_EMAIL', source) ?? operator?.email ?? null,
  bankAccount: env('SELLER_BANK_ACCOUNT', source),
  bankName: env('SELLER_BANK_NAME', source),
});

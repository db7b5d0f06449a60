import type { Node } from 'constructs';

/**
 * What the printable invoice says of the seller and the operator's account cannot hold
 * (shared/billing/seller.ts): each `SELLER_*` variable, when set, is printed instead of the
 * account's value, and the address and bank account come only from here. Each is read at synth
 * time from the CDK context (`-c sellerTaxCode=0312345678`, or cdk.json's `context`), else from
 * the environment variable of the same name on the machine that runs `cdk deploy`.
 */
export const SELLER_SETTINGS = [
  { variable: 'SELLER_NAME', context: 'sellerName' },
  { variable: 'SELLER_TAX_CODE', context: 'sellerTaxCode' },
  { variable: 'SELLER_ADDRESS', context: 'sellerAddress' },
  { variable: 'SELLER_PHONE', context: 'sellerPhone' },
  { variable: 'SELLER_EMAIL', context: 'sellerEmail' },
  { variable: 'SELLER_BANK_ACCOUNT', context: 'sellerBankAccount' },
  { variable: 'SELLER_BANK_NAME', context: 'sellerBankName' },
] as const;

/** Route-table entries that print invoices: only they receive the seller's details. */
export const SELLER_FUNCTIONS: readonly string[] = ['billing'];

/** A Vietnamese tax code: 10 digits, or 13 with a branch suffix (`0312345678-001`). */
const TAX_CODE = /^\d{10}(-\d{3})?$/;

const checks: Partial<Record<string, (value: string) => string | undefined>> = {
  SELLER_TAX_CODE: (value) =>
    TAX_CODE.test(value) ? undefined : 'a tax code is 10 digits, or 10 digits, "-" and 3 digits',
  SELLER_EMAIL: (value) => (/^[^\s@]+@[^\s@]+$/.test(value) ? undefined : 'not an email address'),
};

/**
 * The seller's variables for the functions' environment: only those set (blank counts as not
 * set, so the account's own value is printed). A malformed tax code or email stops the synth
 * rather than being printed on every invoice.
 */
export const sellerEnvironment = (
  node: Node,
  environment: NodeJS.ProcessEnv = process.env,
): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const { variable, context } of SELLER_SETTINGS) {
    const fromContext: unknown = node.tryGetContext(context);
    const raw =
      fromContext === undefined || fromContext === null ? environment[variable] : fromContext;
    const value = String(raw ?? '').trim();
    if (!value) continue;
    const problem = checks[variable]?.(value);
    if (problem) {
      throw new Error(`Seller setting ${context} (${variable}) "${value}" is invalid: ${problem}`);
    }
    values[variable] = value;
  }

  return values;
};

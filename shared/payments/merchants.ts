import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { CredentialsOf, GatewayName } from './gateways/types';

/**
 * Who collects the money: per collecting account (a ward's or commune's UBND account, a
 * collector company), its gateway merchants and its bank account for VietQR transfers.
 * Configuration only, never the database: NGUON_PAYMENT_MERCHANTS (JSON) first, then the
 * Secrets Manager secret named by NGUON_PAYMENT_MERCHANTS_SECRET (in AWS), then
 * `.data/merchants.json` (locally). Read once per instance.
 */
export type MerchantOf<G extends GatewayName> = {
  accountId: string;
  gateway: G;
  /** VNPay TmnCode, MoMo partnerCode, ZaloPay app_id, payOS client id. */
  merchantId: string;
  credentials: CredentialsOf[G];
};

export type Merchant = { [G in GatewayName]: MerchantOf<G> }[GatewayName];

export interface BankAccount {
  accountId: string;
  /** NAPAS BIN of the bank, 6 digits. */
  bankBin: string;
  accountNumber: string;
  /** The account holder's name as the bank shows it (an organisation, not a person). */
  accountName: string;
}

export interface MerchantsConfig {
  merchants: Merchant[];
  bankAccounts: BankAccount[];
}

export interface MerchantDirectory {
  /** The merchant a notification names, or undefined when it is not ours. */
  byMerchantId<G extends GatewayName>(gateway: G, merchantId: string): MerchantOf<G> | undefined;
  /** Every configured merchant of a gateway (payOS notifications name none). */
  ofGateway<G extends GatewayName>(gateway: G): MerchantOf<G>[];
  /** What an account can be paid with. */
  forAccount(accountId: string): { gateways: Merchant[]; bank: BankAccount | undefined };
  gatewayFor<G extends GatewayName>(accountId: string, gateway: G): MerchantOf<G> | undefined;
}

const text = z.string().trim().min(1);
const url = z.url({ protocol: /^https?$/ });

const credentialSchemas = {
  vnpay: z.strictObject({ tmnCode: text, hashSecret: text, payUrl: url, apiUrl: url }),
  momo: z.strictObject({ partnerCode: text, accessKey: text, secretKey: text, endpoint: url }),
  zalopay: z.strictObject({
    appId: z.union([text, z.number().int().positive()]).transform(String),
    key1: text,
    key2: text,
    endpoint: url,
  }),
  payos: z.strictObject({ clientId: text, apiKey: text, checksumKey: text, endpoint: url }),
};

const idOf: { [G in GatewayName]: (credentials: CredentialsOf[G]) => string } = {
  vnpay: (c) => c.tmnCode,
  momo: (c) => c.partnerCode,
  zalopay: (c) => c.appId,
  payos: (c) => c.clientId,
};

const entry = <G extends GatewayName>(gateway: G) =>
  z.strictObject({
    accountId: text,
    gateway: z.literal(gateway),
    merchantId: text.optional(),
    credentials: credentialSchemas[gateway],
  });

const merchantSchema = z.discriminatedUnion('gateway', [
  entry('vnpay'),
  entry('momo'),
  entry('zalopay'),
  entry('payos'),
]);

const configSchema = z.strictObject({
  merchants: z.array(merchantSchema).default([]),
  bankAccounts: z
    .array(
      z.strictObject({
        accountId: text,
        bankBin: z.string().regex(/^\d{6}$/),
        accountNumber: z.string().regex(/^[A-Za-z0-9]{1,19}$/),
        accountName: text,
      }),
    )
    .default([]),
});

/** Checks a configuration and fills in each merchant id from its credentials. */
export const parseMerchantsConfig = (input: unknown): MerchantsConfig => {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(`payment merchants configuration is invalid: ${z.prettifyError(parsed.error)}`);

  const merchants = parsed.data.merchants.map((entry) => {
    const merchant = entry as unknown as Merchant & { merchantId?: string };
    const fromCredentials = (idOf[merchant.gateway] as (c: unknown) => string)(
      merchant.credentials,
    );
    if (merchant.merchantId && merchant.merchantId !== fromCredentials)
      throw new Error(
        `payment merchants configuration: ${merchant.gateway} merchant of ${merchant.accountId} names two ids`,
      );

    return { ...merchant, merchantId: fromCredentials } as Merchant;
  });

  return { merchants, bankAccounts: parsed.data.bankAccounts as BankAccount[] };
};

/** A directory over a checked configuration; a merchant id routes to one account only. */
export const merchantDirectory = (config: MerchantsConfig): MerchantDirectory => {
  const byId = new Map<string, Merchant>();
  const byAccount = new Map<string, Merchant>();
  for (const merchant of config.merchants) {
    const idKey = `${merchant.gateway}#${merchant.merchantId}`;
    const accountKey = `${merchant.accountId}#${merchant.gateway}`;
    if (byId.has(idKey))
      throw new Error(`payment merchants configuration: ${idKey} is configured twice`);
    if (byAccount.has(accountKey))
      throw new Error(`payment merchants configuration: ${accountKey} is configured twice`);
    byId.set(idKey, merchant);
    byAccount.set(accountKey, merchant);
  }
  const banks = new Map(config.bankAccounts.map((bank) => [bank.accountId, bank]));

  return {
    byMerchantId: <G extends GatewayName>(gateway: G, merchantId: string) =>
      byId.get(`${gateway}#${merchantId}`) as MerchantOf<G> | undefined,
    ofGateway: <G extends GatewayName>(gateway: G) =>
      config.merchants.filter((m) => m.gateway === gateway) as MerchantOf<G>[],
    forAccount: (accountId) => ({
      gateways: config.merchants.filter((m) => m.accountId === accountId),
      bank: banks.get(accountId),
    }),
    gatewayFor: <G extends GatewayName>(accountId: string, gateway: G) =>
      byAccount.get(`${accountId}#${gateway}`) as MerchantOf<G> | undefined,
  };
};

/** The raw configuration from where this instance finds it (see the top of this file). */
export const readMerchantsConfig = async (
  secretsManager: () => SecretsManagerClient = () => new SecretsManagerClient({}),
): Promise<unknown> => {
  const fromEnv = process.env.NGUON_PAYMENT_MERCHANTS;
  if (fromEnv) return JSON.parse(fromEnv);

  const secretId = process.env.NGUON_PAYMENT_MERCHANTS_SECRET;
  if (secretId) {
    const secret = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretId }));

    return JSON.parse(secret.SecretString ?? '{}');
  }

  try {
    return JSON.parse(await readFile(join(process.cwd(), '.data', 'merchants.json'), 'utf8'));
  } catch (error) {
    // No local file: no online payment configured, which is a valid state.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
};

let cached: Promise<MerchantDirectory> | undefined;

export const loadMerchants = (): Promise<MerchantDirectory> => {
  cached ??= readMerchantsConfig()
    .then((raw) => merchantDirectory(parseMerchantsConfig(raw)))
    .catch((error) => {
      cached = undefined;
      throw error;
    });

  return cached;
};

/** Sets the directory this instance uses (the local server, tests); null reads config again. */
export const useMerchants = (config: MerchantsConfig | null): void => {
  cached = config ? Promise.resolve(merchantDirectory(parseMerchantsConfig(config))) : undefined;
};

/** Public sandbox endpoints; the demo only. */
export const SANDBOX_ENDPOINTS = {
  vnpayPay: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  vnpayApi: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
  momo: 'https://test-payment.momo.vn',
  zalopay: 'https://sb-openapi.zalopay.vn',
  payos: 'https://api-merchant.payos.vn',
};

/**
 * Demo configuration for the given collecting accounts, with the gateways' public sandbox and
 * documentation keys (never real money). The first account gets the sandbox merchant ids as
 * published; each further account gets its own made-up id with the same keys, because a
 * notification must route to exactly one account. A demo bank account (Vietcombank BIN) each.
 */
export const demoMerchants = (
  accountIds: string[],
  endpoints: typeof SANDBOX_ENDPOINTS = SANDBOX_ENDPOINTS,
): MerchantsConfig => {
  const merchants: Merchant[] = accountIds.flatMap((accountId, index): Merchant[] => {
    const n = index + 1;
    const tmnCode = index === 0 ? 'TEST_TMN_CODE' : `NGDEMO${String(n).padStart(2, '0')}`;
    const partnerCode = index === 0 ? 'MOMO' : `MOMONGDEMO${n}`;
    const appId = index === 0 ? '2553' : String(990000 + n);
    const clientId = `nguon-demo-payos-${n}`;

    return [
      {
        accountId,
        gateway: 'vnpay',
        merchantId: tmnCode,
        credentials: {
          tmnCode,
          hashSecret: 'test_secret',
          payUrl: endpoints.vnpayPay,
          apiUrl: endpoints.vnpayApi,
        },
      },
      {
        accountId,
        gateway: 'momo',
        merchantId: partnerCode,
        credentials: {
          partnerCode,
          accessKey: 'F8BBA842ECF85',
          secretKey: 'K951B6PE1waDMi640xX08PD3vg6EkVlz',
          endpoint: endpoints.momo,
        },
      },
      {
        accountId,
        gateway: 'zalopay',
        merchantId: appId,
        credentials: {
          appId,
          key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
          key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
          endpoint: endpoints.zalopay,
        },
      },
      {
        accountId,
        gateway: 'payos',
        merchantId: clientId,
        credentials: {
          clientId,
          apiKey: 'nguon-demo-payos-api-key',
          // payOS channels are told apart by their checksum keys: one per account.
          checksumKey:
            index === 0
              ? '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675'
              : `nguon-demo-checksum-${n}`,
          endpoint: endpoints.payos,
        },
      },
    ];
  });
  const bankAccounts = accountIds.map((accountId, index) => ({
    accountId,
    bankBin: '970436',
    accountNumber: String(1_000_000_000 + index + 1),
    accountName: 'NGUON DEMO',
  }));

  return { merchants, bankAccounts };
};

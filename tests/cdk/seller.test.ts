/**
 * The seller printed on invoices, in the AWS stack: the `SELLER_*` settings reach the billing
 * function (which prints invoices) from the CDK context or, failing that, from the environment
 * of the machine that synthesises; no other function gets them, unset ones are left out (the
 * operator's account is printed instead), and a malformed tax code stops the synth.
 * Synthesised without bundling (stack.test.ts bundles).
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT } from 'aws-cdk-lib/cx-api';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildApp, projectRoot } from '../../infra/cdk/build-app';
import { SELLER_SETTINGS } from '../../infra/cdk/seller';
import { functionRoutes } from '../../infra/routes';

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-seller-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const baseContext = {
  ...JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')).context,
  [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
  'aws:cdk:bundling-stacks': [],
};

type Variables = Record<string, string | undefined>;

/**
 * Each function's environment variables after a synth with this context and these `SELLER_*`
 * variables in the environment (any other `SELLER_*` of the machine running the test is hidden).
 */
const synthesise = (
  context: Record<string, unknown>,
  environment: Variables = {},
): Map<string, Variables> => {
  const saved = Object.fromEntries(
    SELLER_SETTINGS.map((s) => [s.variable, process.env[s.variable]]),
  );
  for (const { variable } of SELLER_SETTINGS) {
    if (environment[variable] === undefined) delete process.env[variable];
    else process.env[variable] = environment[variable];
  }
  try {
    const { stack } = buildApp({
      context: { ...baseContext, ...context },
      adminDist: join(scratch, 'no-admin'),
      outdir: mkdtempSync(join(scratch, 'cdk.out-')),
    });
    const resources = Template.fromStack(stack).toJSON().Resources as Record<
      string,
      { Properties: { Environment?: { Variables?: Variables } } }
    >;

    return new Map(
      functionRoutes.map((spec) => {
        const id = stack.getLogicalId(
          stack.functions.get(spec.name)?.node.defaultChild as CfnElement,
        );

        return [spec.name, resources[id].Properties.Environment?.Variables ?? {}];
      }),
    );
  } finally {
    for (const [variable, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  }
};

const sellerVariables = (variables: Variables) =>
  Object.fromEntries(Object.entries(variables).filter(([name]) => name.startsWith('SELLER_')));

describe('seller settings in the AWS stack', () => {
  test('settings given as CDK context reach the billing function, and only it', () => {
    const functions = synthesise({
      sellerName: 'Công ty TNHH Nguồn Xanh',
      sellerTaxCode: '0312345678-001',
      sellerAddress: '12 Trần Phú, Nha Trang, Khánh Hòa',
      sellerPhone: '02583822123',
      sellerEmail: 'ketoan@nguon.example.com',
      sellerBankAccount: '0071000123456',
      sellerBankName: 'Vietcombank Khánh Hòa',
    });

    assert.deepEqual(sellerVariables(functions.get('billing') ?? {}), {
      SELLER_NAME: 'Công ty TNHH Nguồn Xanh',
      SELLER_TAX_CODE: '0312345678-001',
      SELLER_ADDRESS: '12 Trần Phú, Nha Trang, Khánh Hòa',
      SELLER_PHONE: '02583822123',
      SELLER_EMAIL: 'ketoan@nguon.example.com',
      SELLER_BANK_ACCOUNT: '0071000123456',
      SELLER_BANK_NAME: 'Vietcombank Khánh Hòa',
    });
    for (const [name, variables] of functions) {
      if (name === 'billing') continue;
      assert.deepEqual(sellerVariables(variables), {}, `${name} must not get the seller`);
    }
  });

  test('the environment of the synthesising machine fills what the context leaves out', () => {
    const functions = synthesise(
      { sellerTaxCode: '4201234567' },
      { SELLER_TAX_CODE: '0399999999', SELLER_ADDRESS: '1 Lê Lợi, Huế', SELLER_BANK_NAME: ' ' },
    );

    // The context wins over the environment; a blank value is as good as unset.
    assert.deepEqual(sellerVariables(functions.get('billing') ?? {}), {
      SELLER_TAX_CODE: '4201234567',
      SELLER_ADDRESS: '1 Lê Lợi, Huế',
    });
  });

  test('without settings the billing function gets none, and the account is printed', () => {
    const functions = synthesise({});

    assert.deepEqual(sellerVariables(functions.get('billing') ?? {}), {});
    assert.ok(functions.get('billing')?.TABLE_NAME, 'the billing function still gets its table');
  });

  test('a malformed tax code stops the synth with the setting named', () => {
    assert.throws(
      () => synthesise({ sellerTaxCode: '03123' }),
      /sellerTaxCode \(SELLER_TAX_CODE\) "03123" is invalid/,
    );
    assert.throws(() => synthesise({}, { SELLER_EMAIL: 'not-an-email' }), /SELLER_EMAIL/);
  });
});

/**
 * The payment merchants' secret in the AWS stack: one Secrets Manager secret, deployed empty;
 * only the route-table entries marked `paymentMerchants` (webhooks, the pending-payment check,
 * the resident look-up that opens payments) are told its ARN and may read it. Synthesised
 * without bundling (stack.test.ts bundles and runs cdk-nag over the whole stack).
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
import { functionRoutes } from '../../infra/routes';
import { parseMerchantsConfig } from '../../shared/payments/merchants';

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-payments-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const { app, stack } = buildApp({
  context: {
    ...JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')).context,
    [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
    'aws:cdk:bundling-stacks': [],
  },
  adminDist: join(scratch, 'no-admin'),
  outdir: join(scratch, 'cdk.out'),
});
app.synth();
// CloudFormation properties are read by path; their shape is the template's, not a type.
type Resource = { Type: string; Properties: Record<string, any> };
const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;

const logicalIdOf = (name: string) =>
  stack.getLogicalId(stack.functions.get(name)?.node.defaultChild as CfnElement);

const secrets = Object.entries(resources).filter(
  ([, r]) => r.Type === 'AWS::SecretsManager::Secret',
);
const merchantsEntry = secrets.find(([, r]) => /merchants/i.test(r.Properties.Description ?? ''));
const merchantsId = merchantsEntry?.[0] ?? '';

/** Roles whose policies name the merchants secret. */
const rolesReadingMerchants = (): Set<string> => {
  const roles = new Set<string>();
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const names = JSON.stringify(resource.Properties.PolicyDocument).includes(`"${merchantsId}"`);
    if (!names) continue;
    for (const role of resource.Properties.Roles as Array<{ Ref: string }>) roles.add(role.Ref);
  }

  return roles;
};

describe('payment merchants secret', () => {
  test('is one secret, deployed as an empty but valid configuration', () => {
    assert.ok(merchantsEntry, 'no merchants secret in the stack');
    const value = JSON.parse(merchantsEntry[1].Properties.SecretString);
    assert.deepEqual(parseMerchantsConfig(value), { merchants: [], bankAccounts: [] });
  });

  test('only the entries marked paymentMerchants know its ARN and may read it', () => {
    const marked = functionRoutes.filter((spec) => spec.paymentMerchants).map((s) => s.name);
    assert.ok(marked.includes('webhooks') && marked.includes('paymentsPending'), String(marked));
    const readers = rolesReadingMerchants();
    for (const spec of functionRoutes) {
      const fn = resources[logicalIdOf(spec.name)];
      const env = fn.Properties.Environment.Variables;
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      if (spec.paymentMerchants) {
        assert.deepEqual(env.NGUON_PAYMENT_MERCHANTS_SECRET, { Ref: merchantsId }, spec.name);
        assert.ok(readers.has(role), `${spec.name} cannot read the merchants secret`);
      } else {
        assert.equal(env.NGUON_PAYMENT_MERCHANTS_SECRET, undefined, spec.name);
        assert.ok(!readers.has(role), `${spec.name} may read the merchants secret`);
      }
    }
  });

  test('the pending-payment check reads merchants but not the token signing key', () => {
    const env = resources[logicalIdOf('paymentsPending')].Properties.Environment.Variables;
    assert.equal(env.JWT_SECRET_ARN, undefined);
    assert.ok(env.NGUON_PAYMENT_MERCHANTS_SECRET);
  });
});

/**
 * The API believes CloudFront's viewer headers only from CloudFront: the stack generates one
 * secret value, CloudFront sends it to the API origin as `x-origin-verify`, and every function
 * that serves routes gets the same value as `NGUON_ORIGIN_VERIFY`; the CloudFront function
 * writes the viewer's address and origin over whatever a client sent. Synthesised without
 * bundling (stack.test.ts bundles).
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

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-origin-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const { stack } = buildApp({
  context: {
    ...JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')).context,
    [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
    'aws:cdk:bundling-stacks': [],
  },
  adminDist: join(scratch, 'no-admin'),
  outdir: mkdtempSync(join(scratch, 'cdk.out-')),
});
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const secretIds = Object.entries(resources)
  .filter(([, r]) => r.Type === 'AWS::SecretsManager::Secret')
  .filter(([, r]) => String(r.Properties.Description).includes('CloudFront sends to the API'))
  .map(([id]) => id);

/** The secret named in a `{{resolve:secretsmanager:…}}` value, whatever form CDK gave it. */
const referencedSecret = (value: unknown): string | undefined =>
  secretIds.find((id) => JSON.stringify(value).includes(`"Ref":"${id}"`));

describe('the origin secret between CloudFront and the API', () => {
  test('one generated secret, sent by CloudFront to the API origin as x-origin-verify', () => {
    assert.equal(secretIds.length, 1);
    assert.ok(resources[secretIds[0]].Properties.GenerateSecretString, 'generated, not written');
    const [distribution] = Object.values(resources).filter(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    );
    const apiOrigins = distribution.Properties.DistributionConfig.Origins.filter(
      (origin: any) => origin.CustomOriginConfig,
    );
    assert.equal(apiOrigins.length, 1);
    const headers = apiOrigins[0].OriginCustomHeaders as Array<{
      HeaderName: string;
      HeaderValue: unknown;
    }>;
    const verify = headers.find((h) => h.HeaderName === 'x-origin-verify');
    assert.equal(referencedSecret(verify?.HeaderValue), secretIds[0]);
  });

  test('every function serving routes gets the same secret, scheduled jobs do not', () => {
    for (const spec of functionRoutes) {
      const fn = stack.functions.get(spec.name)?.node.defaultChild as CfnElement;
      const variables = resources[stack.getLogicalId(fn)].Properties.Environment?.Variables ?? {};
      if (spec.routes.length > 0) {
        assert.equal(referencedSecret(variables.NGUON_ORIGIN_VERIFY), secretIds[0], spec.name);
      } else {
        assert.equal(variables.NGUON_ORIGIN_VERIFY, undefined, spec.name);
      }
    }
  });

  test('the CloudFront function overwrites the viewer address and origin headers', () => {
    const functions = Object.values(resources).filter(
      (r) => r.Type === 'AWS::CloudFront::Function',
    );
    const code = functions.map((f) => String(f.Properties.FunctionCode)).join('\n');
    assert.match(code, /headers\['x-viewer-address'\] = \{ value: event\.viewer\.ip \}/);
    assert.match(code, /headers\['x-viewer-origin'\] = \{ value: 'https:\/\/' \+ host \}/);
  });
});

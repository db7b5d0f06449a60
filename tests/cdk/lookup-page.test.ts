/**
 * The resident look-up page in the AWS stack: CloudFront answers `/lookup` and the paths below it
 * with lookup.html, and lets other sites frame it (no X-Frame-Options, a frame-ancestors policy),
 * while the admin keeps the managed security headers. Synthesised without bundling.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT } from 'aws-cdk-lib/cx-api';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildApp, projectRoot } from '../../infra/cdk/build-app';
import { isLookupPath, LOOKUP_FRAME_ANCESTORS } from '../../infra/lookup-page';

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-lookup-'));
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
// CloudFormation properties are read by path below; their shape is the template's.
type Properties = Record<string, any>;
const resources = Object.entries(
  Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Type: string; Properties: Properties }
  >,
);
const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);

const [[, distribution]] = ofType('AWS::CloudFront::Distribution');
const config = distribution.Properties.DistributionConfig;
const lookupBehavior = config.CacheBehaviors.find((b: Properties) => b.PathPattern === '/lookup*');

/** Runs the viewer-request function of a behaviour on a URI, as CloudFront would. */
const rewrite = (behavior: Properties, uri: string): string => {
  const functionId = behavior.FunctionAssociations[0].FunctionARN['Fn::GetAtt'][0];
  const [, fn] = resources.find(([id]) => id === functionId) ?? [];
  assert.ok(fn, 'the behaviour names no function of the stack');
  const handler = new Function(`${fn.Properties.FunctionCode}; return handler;`)();

  return handler({ request: { uri, headers: {} } }).uri;
};

describe('the resident look-up page behind CloudFront', () => {
  test('/lookup and the paths below it get lookup.html; the admin still gets index.html', () => {
    assert.ok(lookupBehavior, 'no /lookup* behaviour');
    for (const behavior of [lookupBehavior, config.DefaultCacheBehavior]) {
      assert.equal(rewrite(behavior, '/lookup'), '/lookup.html');
      assert.equal(rewrite(behavior, '/lookup/'), '/lookup.html');
      assert.equal(rewrite(behavior, '/lookup/result'), '/lookup.html');
      assert.equal(rewrite(behavior, '/households'), '/index.html');
      assert.equal(rewrite(behavior, '/lookupx'), '/index.html');
      assert.equal(rewrite(behavior, '/assets/lookup-1a2b.js'), '/assets/lookup-1a2b.js');
    }
  });

  test('the function and the local server agree on which paths are the look-up page', () => {
    for (const path of ['/lookup', '/lookup/', '/lookup/result', '/lookupx', '/lookup.html']) {
      assert.equal(
        rewrite(lookupBehavior, path) === '/lookup.html' && !path.includes('.'),
        isLookupPath(path),
        path,
      );
    }
  });

  test('the look-up page may be framed by the sites the policy names, with no X-Frame-Options', () => {
    const policyId = lookupBehavior.ResponseHeadersPolicyId.Ref;
    const [, policy] = resources.find(([id]) => id === policyId) ?? [];
    assert.ok(policy, 'the look-up behaviour has no response headers policy of its own');
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    assert.equal(security.FrameOptions, undefined);
    assert.equal(
      security.ContentSecurityPolicy.ContentSecurityPolicy,
      `frame-ancestors ${LOOKUP_FRAME_ANCESTORS}`,
    );
    assert.equal(security.ContentTypeOptions.Override, true);
    assert.ok(security.StrictTransportSecurity.AccessControlMaxAgeSec >= 31_536_000);
  });

  test('the admin keeps the managed security headers, which forbid framing by other sites', () => {
    assert.equal(
      config.DefaultCacheBehavior.ResponseHeadersPolicyId,
      ResponseHeadersPolicy.SECURITY_HEADERS.responseHeadersPolicyId,
    );
  });
});

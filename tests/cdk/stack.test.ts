import type { CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AllowedMethods, CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import {
  FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT,
  VALIDATION_REPORT_FILE,
} from 'aws-cdk-lib/cx-api';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { indexes, tableKeys } from '../../shared/db/table';
import { buildApp, projectRoot } from '../../infra/cdk/build-app';
import { allRouteKeys, functionRoutes } from '../../infra/routes';

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

interface PluginReport {
  pluginName: string;
  violations: { ruleName: string; severity: string }[];
  suppressedViolations?: { ruleName: string; reason?: string }[];
}

const cdkContext: Record<string, unknown> = {
  ...JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')).context,
  // Findings are asserted from the report below, by rule, instead of failing the synth.
  [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
};

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Synthesised once, with a stand-in admin build so that the deployment path is checked too.
const adminDist = join(scratch, 'admin-dist');
mkdirSync(adminDist);
writeFileSync(join(adminDist, 'index.html'), '<!doctype html><title>Nguồn</title>');
const { app, stack } = buildApp({
  context: cdkContext,
  adminDist,
  outdir: join(scratch, 'cdk.out'),
});
const assembly = app.synth();
const template = Template.fromStack(stack);

const resourcesOf = (type: string): [string, CfnResource][] =>
  Object.entries(template.findResources(type) as Record<string, CfnResource>);

const logicalIdOf = (name: string): string => {
  const fn = stack.functions.get(name);
  assert.ok(fn, `no function for route-table entry ${name}`);
  return stack.getLogicalId(fn.node.defaultChild as CfnElement);
};

const functionOf = (name: string): CfnResource =>
  template.toJSON().Resources[logicalIdOf(name)] as CfnResource;

/** The logical id inside `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attr] }`. */
const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('Ref' in value && typeof value.Ref === 'string') return value.Ref;
  if ('Fn::GetAtt' in value && Array.isArray(value['Fn::GetAtt'])) {
    return String(value['Fn::GetAtt'][0]);
  }
  return undefined;
};

/** A route's target is `{ Fn::Join: ['', ['integrations/', { Ref: id }]] }`. */
const integrationIdOf = (target: unknown): string | undefined => {
  const join = (target as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join'];
  if (!join || join[1][0] !== 'integrations/') return undefined;
  return referencedId(join[1][1]);
};

const nodeMajor = (runtime: unknown): number | undefined => {
  const match = /^nodejs(\d+)\.x$/.exec(String(runtime));
  return match ? Number(match[1]) : undefined;
};

const awsSolutionsReport = (directory: string): PluginReport => {
  const report: { pluginReports: PluginReport[] } = JSON.parse(
    readFileSync(join(directory, VALIDATION_REPORT_FILE), 'utf8'),
  );
  const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
  assert.ok(nag, 'the cdk-nag AwsSolutions pack did not run');
  return nag;
};

describe('the Nguon stack', () => {
  test('the table survives mistakes: point-in-time recovery, deletion protection, retain', () => {
    const tables = resourcesOf('AWS::DynamoDB::Table');
    assert.equal(tables.length, 1);
    const [, table] = tables[0];
    assert.equal(table.DeletionPolicy, 'Retain');
    assert.equal(table.UpdateReplacePolicy, 'Retain');
    assert.equal(table.Properties.DeletionProtectionEnabled, true);
    assert.deepEqual(table.Properties.PointInTimeRecoverySpecification, {
      PointInTimeRecoveryEnabled: true,
    });
    assert.equal(table.Properties.BillingMode, 'PAY_PER_REQUEST');
  });

  test('the table has the keys and secondary indexes of the shared table shape', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection:
          index.projection === 'ALL'
            ? { ProjectionType: 'ALL' }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection },
      })),
    });
  });

  test('every Lambda function runs on arm64, and every Node.js one on Node.js 22 or newer', () => {
    const functions = resourcesOf('AWS::Lambda::Function');
    assert.ok(functions.length >= functionRoutes.length);
    for (const [id, fn] of functions) {
      assert.deepEqual(fn.Properties.Architectures, ['arm64'], id);
      const runtime = String(fn.Properties.Runtime);
      if (runtime.startsWith('nodejs')) {
        const major = nodeMajor(runtime);
        assert.ok(major !== undefined && major >= 22, `${id} runs ${runtime}`);
      }
    }
    for (const spec of functionRoutes) {
      const major = nodeMajor(functionOf(spec.name).Properties.Runtime);
      assert.ok(major !== undefined && major >= 22, `${spec.name} is not on Node.js 22+`);
    }
  });

  test('each function gets the table name, source maps, memory and timeout of its entry', () => {
    const tableId = stack.getLogicalId(stack.table.node.defaultChild as CfnElement);
    for (const spec of functionRoutes) {
      const fn = functionOf(spec.name);
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      assert.equal(referencedId(env.TABLE_NAME), tableId);
      assert.equal(env.NODE_OPTIONS, '--enable-source-maps');
      assert.equal(fn.Properties.MemorySize, spec.memoryMb ?? 512);
      assert.equal(fn.Properties.Timeout, spec.timeoutSeconds ?? 10);
      assert.equal(fn.Properties.Description, spec.description);
      assert.ok(fn.Properties.LoggingConfig, `${spec.name} has no own log group`);
    }
  });

  test('every route of the route table is backed by the Lambda function of its entry', () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route');
    const integrations = Object.fromEntries(resourcesOf('AWS::ApiGatewayV2::Integration'));
    const byKey = new Map(routes.map(([, r]) => [String(r.Properties.RouteKey), r]));
    for (const spec of functionRoutes) {
      for (const key of spec.routes) {
        const route = byKey.get(key);
        assert.ok(route, `no API route for ${key}`);
        const integration = integrations[integrationIdOf(route.Properties.Target) ?? ''];
        assert.ok(integration, `route ${key} has no integration`);
        assert.equal(integration.Properties.IntegrationType, 'AWS_PROXY');
        assert.equal(integration.Properties.PayloadFormatVersion, '2.0');
        assert.equal(
          referencedId(integration.Properties.IntegrationUri),
          logicalIdOf(spec.name),
          `route ${key} does not reach the ${spec.name} function`,
        );
      }
    }
  });

  test('the API has no route that the route table does not list', () => {
    const keys = resourcesOf('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    assert.deepEqual([...keys].sort(), [...allRouteKeys()].sort());
  });

  test('the API writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
  });

  test('CloudFront serves the admin from S3 and sends /api/* uncached to the API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: AllowedMethods.ALLOW_ALL.methods,
            CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
            OriginRequestPolicyId:
              OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
          }),
        ]),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  test('cdk-nag AwsSolutions leaves no unacknowledged finding, and gives every reason', () => {
    const nag = awsSolutionsReport(assembly.directory);
    assert.deepEqual(
      nag.violations.map((v) => `${v.severity} ${v.ruleName}`),
      [],
    );
    for (const s of nag.suppressedViolations ?? []) {
      assert.ok((s.reason ?? '').trim().length > 20, `${s.ruleName} has no stated reason`);
    }
  });

  test('synth leaves no error or warning annotation', () => {
    assert.deepEqual(Annotations.fromStack(stack).findError('*', Match.anyValue()), []);
    assert.deepEqual(Annotations.fromStack(stack).findWarning('*', Match.anyValue()), []);
  });

  test('without a built admin, synth passes cdk-nag and warns the admin is not deployed', () => {
    const bare = buildApp({
      // Skipping the bundling keeps this second synth fast; the first one bundled.
      context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] },
      adminDist: join(scratch, 'not-built'),
      outdir: join(scratch, 'bare.out'),
    });
    const bareAssembly = bare.app.synth();
    assert.deepEqual(awsSolutionsReport(bareAssembly.directory).violations, []);
    Template.fromStack(bare.stack).resourceCountIs('Custom::CDKBucketDeployment', 0);
    const warnings = Annotations.fromStack(bare.stack).findWarning('*', Match.anyValue());
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0].entry.data), /admin panel is not deployed/);
  });
});

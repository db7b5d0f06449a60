import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { indexes, tableKeys } from '../../shared/db/table';
import { functionRoutes } from '../routes';
import { AdminSite } from './admin-site';
import { ApiFunction, LOG_RETENTION } from './api-function';

export interface NguonStackProps extends StackProps {
  /** Repository root: route-table entries and the lock file are relative to it. */
  projectRoot: string;
  /** Folder of the built admin panel; deployed only if it exists. */
  adminDist: string;
}

const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
};

/** Splits `GET /api/households/{id}` into the parts API Gateway wants. */
const parseRouteKey = (key: string): { method: HttpMethod; path: string } => {
  const [method, path, ...rest] = key.split(' ');
  const known = Object.values(HttpMethod).find((m) => m === method);
  if (!known || !path?.startsWith('/') || rest.length > 0) {
    throw new Error(`Route key "${key}" is not "METHOD /path"`);
  }
  return { method: known, path };
};

export class NguonStack extends Stack {
  readonly table: Table;
  readonly api: HttpApi;
  /** Functions by route-table name. */
  readonly functions = new Map<string, NodejsFunction>();
  readonly site: AdminSite;

  constructor(scope: Construct, id: string, props: NguonStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableKeys.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableKeys.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.DEFAULT,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of indexes) {
      const include = index.projection === 'ALL' ? undefined : index.projection;
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: include ? ProjectionType.INCLUDE : ProjectionType.ALL,
        nonKeyAttributes: include,
      });
    }

    this.api = new HttpApi(this, 'Api', {
      description: 'Nguon API, reached through the CloudFront distribution under /api',
      createDefaultStage: false,
    });
    const apiLogs = new LogGroup(this, 'ApiAccessLogs', { retention: LOG_RETENTION });
    const stage = new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Guards the bill while the API has no sign-in; far above what one province needs.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(apiLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const seen = new Set<string>();
    for (const spec of functionRoutes) {
      const { fn } = new ApiFunction(this, spec.name, {
        spec,
        projectRoot: props.projectRoot,
        table: this.table,
      });
      this.functions.set(spec.name, fn);
      const integration = new HttpLambdaIntegration(`${spec.name}Integration`, fn, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        // One invoke permission per function rather than one per route keeps its policy small.
        scopePermissionToRoute: false,
      });
      for (const key of spec.routes) {
        if (seen.has(key)) throw new Error(`Route key "${key}" appears twice in the route table`);
        seen.add(key);
        const { method, path } = parseRouteKey(key);
        new HttpRoute(this.api, key.replaceAll('/', '|'), {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(path, method),
          integration,
        });
      }
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Sign-in and per-account authorisation arrive with the next issue. Until then the ' +
        'routes are open, and the stack must not be deployed with real household data.',
    });

    this.site = new AdminSite(this, 'Admin', {
      adminDist: props.adminDist,
      apiEndpoint: this.api.apiEndpoint,
    });

    new CfnOutput(this, 'AdminUrl', {
      description: 'The admin panel; the API is under /api on the same origin',
      value: `https://${this.site.distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'ApiUrl', {
      description: 'The HTTP API itself, without CloudFront',
      value: stage.url,
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import type { FunctionRoutes } from '../routes';

/**
 * Node.js 24: the newest runtime Lambda offers in every region (CDK's NODEJS_LATEST). cdk-nag
 * L1 asks for the newest constant this CDK release knows, which some regions do not run yet.
 */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;
export const LOG_RETENTION = RetentionDays.THREE_MONTHS;
const DEFAULT_MEMORY_MB = 512;
const DEFAULT_TIMEOUT_SECONDS = 10;

export interface ApiFunctionProps {
  /** The route-table entry this function serves. */
  spec: FunctionRoutes;
  /** Repository root: `spec.entry` is relative to it, and so is the lock file. */
  projectRoot: string;
  table: Table;
  /** The secret that signs session tokens. */
  signingKey: ISecret;
  /** Gateway merchants and bank accounts, read by the entries marked `paymentMerchants`. */
  merchantsSecret?: ISecret;
}

/** One Lambda function of the route table, with its own log group and least-privilege role. */
export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { spec, projectRoot, table, signingKey, merchantsSecret } = props;

    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${spec.name} function`,
    });
    logGroup.grantWrite(role);
    table.grantReadWriteData(role);
    // Only functions that serve HTTP routes verify session tokens; a scheduled job does not.
    const servesRoutes = spec.routes.length > 0;
    if (servesRoutes) signingKey.grantRead(role);
    // Only the functions that open payments or verify gateways' notifications read merchants.
    const merchants = spec.paymentMerchants ? merchantsSecret : undefined;
    if (spec.paymentMerchants && !merchants) {
      throw new Error(`${spec.name} reads payment merchants, but no merchants secret was given`);
    }
    merchants?.grantRead(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: resolve(projectRoot, spec.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: resolve(projectRoot, 'package-lock.json'),
      description: spec.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      role,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        ...(servesRoutes ? { JWT_SECRET_ARN: signingKey.secretArn } : {}),
        ...(merchants ? { NGUON_PAYMENT_MERCHANTS_SECRET: merchants.secretArn } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // Stack traces need the mappings only; the sources would double the package.
        sourcesContent: false,
        // The SDK version that passed the tests locally is the one that runs in Lambda.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'Runs on Node.js 24, the newest Lambda runtime available in every region; the newer ' +
        'constant of this CDK release is not yet offered everywhere, and a stack must deploy ' +
        "in the province's chosen region.",
    });

    const tableId = Stack.of(this).getLogicalId(table.node.defaultChild as CfnTable);
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason:
        'Queries run on the secondary indexes of the one table (list pages by unit path, ' +
        'units and accounts by tree). The wildcard covers only the index ARNs of that ' +
        'table, not other tables.',
    });
  }
}

import { DefaultStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { LOG_RETENTION } from './api-function';

export interface AdminDeploymentProps {
  /** Folder of the built admin panel. */
  adminDist: string;
  bucket: Bucket;
  /** Invalidated after each copy, so that browsers get the new index.html. */
  distribution: IDistribution;
}

/** Copies the built admin panel into its bucket on every `cdk deploy`. */
export class AdminDeployment extends Construct {
  constructor(scope: Construct, id: string, props: AdminDeploymentProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built admin panel into its bucket at deploy time',
    });
    logGroup.grantWrite(role);
    new BucketDeployment(this, 'Copy', {
      sources: [Source.asset(props.adminDist)],
      destinationBucket: props.bucket,
      distribution: props.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });
    acknowledgeCopyFindings(role, props.bucket);
  }
}

/**
 * What BucketDeployment asks for and does not let us narrow. Its copy function runs only
 * while `cdk deploy` runs and takes no input from users.
 */
const acknowledgeCopyFindings = (role: Role, bucket: Bucket): void => {
  const stack = Stack.of(role);
  const qualifier =
    stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const assets = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>`;
  const files = stack.getLogicalId(bucket.node.defaultChild as CfnBucket);
  const copying =
    'BucketDeployment reads the uploaded admin build from the CDK asset bucket and replaces ' +
    'the files of the admin bucket; the object-level wildcards stay inside these two buckets.';
  const actions = ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'];
  Validations.of(role).acknowledge(
    ...actions.map((action) => ({
      id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
      reason: copying,
    })),
    { id: `AwsSolutions::AwsSolutions-IAM5[Resource::${assets}/*]`, reason: copying },
    { id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${files}.Arn>/*]`, reason: copying },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on all ' +
        'distributions so that a deploy clears the cached admin; only the deploy-time copy ' +
        'function uses this role.',
    },
  );

  // BucketDeployment keeps its function as a singleton directly under the stack.
  const copyFunction = stack.node.children.find((c) =>
    c.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!copyFunction) throw new Error('The BucketDeployment copy function was not found');
  Validations.of(copyFunction).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason:
      'BucketDeployment pins the Python runtime of its copy function, whose AWS CLI layer is ' +
      'built for that runtime; the function runs only during cdk deploy.',
  });
};

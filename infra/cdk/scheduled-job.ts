import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { FunctionRoutes } from '../routes';

export interface ScheduledJobProps {
  fn: IFunction;
  job: string;
  schedule: NonNullable<FunctionRoutes['schedule']>;
}

/**
 * An EventBridge Scheduler schedule for a route-table entry's job. Scheduler reads the cron in
 * the entry's time zone (Asia/Ho_Chi_Minh), so "00:15 on the 1st" needs no UTC arithmetic and no
 * daily check in the handler; the scheduled time is passed in, so the handler bills the month of
 * the schedule, whenever a retry delivers it.
 */
export class ScheduledJob extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    // An own role, so that its one finding can be acknowledged where it is made.
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: `Lets EventBridge Scheduler start the ${props.job} job`,
    });
    const target = new LambdaInvoke(props.fn, {
      role,
      input: ScheduleTargetInput.fromObject({
        job: props.job,
        scheduledTime: ContextAttribute.scheduledTime,
      }),
      // Runs are idempotent, so retrying is safe; a run still failing after six hours needs a
      // person (the run log and the function's logs say why), not more retries.
      retryAttempts: 5,
      maxEventAge: Duration.hours(6),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      schedule: ScheduleExpression.expression(
        props.schedule.expression,
        TimeZone.of(props.schedule.timeZone),
      ),
      target,
      description: props.schedule.description,
    });

    const fnId = Stack.of(this).getLogicalId(props.fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      reason:
        `The role may invoke only the ${props.job} function; CDK grants the function ARN ` +
        'with `:*` so that a version or alias of that same function can be invoked too.',
    });
  }
}

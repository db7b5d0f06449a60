/**
 * The monthly billing job in the AWS stack: built from the route table's scheduled entry, an
 * EventBridge Scheduler schedule at 00:15 on the 1st in Asia/Ho_Chi_Minh invokes the job
 * function with the scheduled time; the job function verifies no tokens, so it cannot read the
 * signing key. Synthesised without bundling (stack.test.ts bundles).
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
import { monthToBill } from '../../functions/billing/scheduled';

const scratch = mkdtempSync(join(tmpdir(), 'nguon-cdk-schedule-'));
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
const template = Template.fromStack(stack);
// CloudFormation properties are read by path in the assertions below; their shape is the
// template's, not a TypeScript type.
type Properties = Record<string, any>;
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Properties }
>;

const scheduled = functionRoutes.filter((spec) => spec.schedule);
const logicalIdOf = (name: string) =>
  stack.getLogicalId(stack.functions.get(name)?.node.defaultChild as CfnElement);

describe('scheduled jobs of the route table', () => {
  test('billing at 00:15 on the 1st and the pending-payment check every 5 minutes, Vietnam time', () => {
    assert.deepEqual(
      scheduled.map((spec) => [spec.name, spec.schedule?.expression, spec.schedule?.timeZone]),
      [
        ['paymentsPending', 'rate(5 minutes)', 'Asia/Ho_Chi_Minh'],
        ['billingJob', 'cron(15 0 1 * ? *)', 'Asia/Ho_Chi_Minh'],
      ],
    );
  });

  test('each gets a Scheduler schedule that invokes its function with the scheduled time', () => {
    const schedules = Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    assert.equal(schedules.length, scheduled.length);
    const scheduleOf = (name: string) =>
      schedules.find(
        (s) =>
          JSON.stringify(s.Properties.Target.Arn) ===
          JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(name), 'Arn'] }),
      );
    const pending = scheduleOf('paymentsPending');
    assert.ok(pending, 'no schedule invokes the pending-payment check');
    assert.equal(pending.Properties.ScheduleExpression, 'rate(5 minutes)');
    assert.deepEqual(JSON.parse(pending.Properties.Target.Input), {
      job: 'paymentsPending',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
    const schedule = scheduleOf('billingJob');
    assert.ok(schedule, 'no schedule invokes the billing job');
    assert.equal(schedule.Properties.ScheduleExpression, 'cron(15 0 1 * ? *)');
    assert.equal(schedule.Properties.ScheduleExpressionTimezone, 'Asia/Ho_Chi_Minh');
    assert.equal(schedule.Properties.State, 'ENABLED');
    const target = schedule.Properties.Target;
    assert.deepEqual(target.Arn, { 'Fn::GetAtt': [logicalIdOf('billingJob'), 'Arn'] });
    assert.deepEqual(JSON.parse(target.Input), {
      job: 'billingJob',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
    assert.equal(target.RetryPolicy.MaximumRetryAttempts, 5);
  });

  test('the job function has 15 minutes and no access to the token signing key', () => {
    const fn = resources[logicalIdOf('billingJob')];
    assert.equal(fn.Properties.Timeout, 900);
    assert.equal(fn.Properties.Environment.Variables.JWT_SECRET_ARN, undefined);
    const http = resources[logicalIdOf('billing')];
    assert.ok(http.Properties.Environment.Variables.JWT_SECRET_ARN);
  });

  test('the job bills the month before the Vietnam day it was scheduled for', () => {
    // 00:15 ICT on 1 December is 17:15 UTC on 30 November: November is billed.
    assert.equal(monthToBill({ scheduledTime: '2026-11-30T17:15:00Z' }), '2026-11');
    assert.equal(monthToBill({ scheduledTime: '2027-01-01T00:15:00+07:00' }), '2026-12');
    // A retry hours later still bills the scheduled month.
    assert.equal(
      monthToBill({ scheduledTime: '2026-11-30T17:15:00Z' }, '2026-12-01T20:00:00Z'),
      '2026-11',
    );
    assert.equal(monthToBill({ month: '2026-09' }), '2026-09');
  });
});

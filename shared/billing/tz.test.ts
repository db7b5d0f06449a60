/**
 * Days and money must not depend on the server's TZ: the calendar and proration tests are run
 * again in child processes under TZ=UTC and TZ=Asia/Ho_Chi_Minh (a Lambda runs in UTC, a laptop
 * in Vietnam often in ICT).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const files = ['./charge.test.ts', '../time/days.test.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

// The test runner marks its own children; a child that inherits the mark reports to the runner
// instead of printing TAP, so the mark is dropped.
const { NODE_TEST_CONTEXT: _runnerMark, ...env } = process.env;

describe('calendar and proration under both time zones', () => {
  for (const zone of ['UTC', 'Asia/Ho_Chi_Minh']) {
    test(`pass with TZ=${zone}`, () => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
        env: { ...env, TZ: zone },
        encoding: 'utf8',
      });
      const offset = spawnSync(
        process.execPath,
        ['-e', 'process.stdout.write(String(new Date(2026, 10, 30).getTimezoneOffset()))'],
        { env: { ...env, TZ: zone }, encoding: 'utf8' },
      );
      // The zone really took effect: ICT is 420 minutes ahead of UTC.
      assert.equal(offset.stdout, zone === 'UTC' ? '0' : '-420');
      assert.equal(child.status, 0, `${child.stdout.slice(-3000)}\n${child.stderr.slice(-2000)}`);
      assert.match(child.stdout, /# pass [1-9]\d*\n# fail 0/);
    });
  }
});

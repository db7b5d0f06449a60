/**
 * `npm run payments:reconcile`: the lost-notification check on the local table, the same code
 * the AWS schedule runs every 5 minutes (functions/payments/pending.ts): every online payment
 * attempt still pending 15 minutes after it was opened is looked up with its gateway and
 * settled, failed or expired. `-- --watch` repeats it every 5 minutes until Ctrl-C.
 *
 * Merchants come from NGUON_PAYMENT_MERCHANTS or `.data/merchants.json`; their URLs decide
 * which gateway (sandbox, or a fake one) is asked. While `npm start` runs, its DynamoDB Local is
 * used (its address is in .data/dynamodb-endpoint); otherwise this starts DynamoDB Local on
 * .data itself and stops it at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDb } from '../../shared/db/client';
import { TABLE_NAME_DEFAULT } from '../../shared/db/table';
import { DomainError } from '../../shared/errors';
import { checkPendingAttempts } from '../../shared/payments/query-pending';
import { StartupError, startDynamoLocal } from './dynamodb';

const ROOT = resolve(import.meta.dirname, '../..');
// The summary is printed below; the structured log lines would only repeat it.
process.env.LOG_LEVEL ??= 'warn';
const EVERY_MS = 5 * 60_000;
const USAGE = 'Usage: npm run payments:reconcile -- [--watch]   (--watch: every 5 minutes)';

/** The running server's DynamoDB Local, if its address is on file and it answers. */
const runningEndpoint = async (): Promise<string | undefined> => {
  const file = join(ROOT, '.data/dynamodb-endpoint');
  if (!existsSync(file)) return undefined;
  const endpoint = readFileSync(file, 'utf8').trim();
  try {
    await createDb({ endpoint }).doc.send(new ListTablesCommand({}));

    return endpoint;
  } catch {
    return undefined;
  }
};

const main = async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.some((arg) => arg !== '--watch')) {
    console.log(USAGE);

    return;
  }
  let endpoint = await runningEndpoint();
  let stop = async () => undefined as void;
  if (endpoint) console.log(`Using the DynamoDB Local of the running server (${endpoint}).`);
  else {
    console.log('Starting DynamoDB Local on .data/dynamodb (the server is not running) …');
    const dynamo = await startDynamoLocal({ dataDir: join(ROOT, '.data/dynamodb') });
    endpoint = dynamo.endpoint;
    stop = dynamo.stop;
  }

  const tableName = process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT;
  const db = createDb({ endpoint, tableName });
  const once = async () => {
    const at = new Date().toISOString();
    const s = await checkPendingAttempts(db, at);
    console.log(
      `${at}: ${s.checked} attempt(s) pending for 15 minutes or more: ${s.settled} settled, ` +
        `${s.failed} failed, ${s.expired} expired, ${s.open} still open, ${s.errors} not checked.`,
    );
  };

  try {
    await db.doc.send(new DescribeTableCommand({ TableName: tableName })).catch(() => {
      throw new StartupError(
        `The local table "${tableName}" does not exist yet: run \`npm start\` once to create it.`,
      );
    });
    await once();
    if (!args.includes('--watch')) return;

    console.log('Checking again every 5 minutes; Ctrl-C stops.');
    await new Promise<void>((done) => {
      const timer = setInterval(() => void once().catch(report), EVERY_MS);
      process.once('SIGINT', () => {
        clearInterval(timer);
        done();
      });
    });
  } finally {
    await stop();
  }
};

const report = (error: Error) => {
  // Domain errors carry a message meant for people (in Vietnamese); others say what failed.
  const message =
    error instanceof DomainError || error instanceof StartupError
      ? error.message
      : `${error.name}: ${error.message}`;
  console.error(`\nThe pending-payment check did not run: ${message}`);
};

main().catch((error: Error) => {
  report(error);
  process.exit(1);
});

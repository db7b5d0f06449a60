/**
 * `npm run billing -- --month 2026-11`: the monthly billing run on the local table, the same
 * code the AWS schedule runs (functions/billing/scheduled.ts). Without `--month`, the month that
 * ended last (Vietnam time).
 *
 * The server need not run. While `npm start` runs, its DynamoDB Local is used (its address is in
 * .data/dynamodb-endpoint); otherwise this starts DynamoDB Local on .data itself and stops it at
 * the end. Run `npm start` once first, so that the table exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { runBilling } from '../../shared/billing/run';
import { createDb } from '../../shared/db/client';
import { TABLE_NAME_DEFAULT } from '../../shared/db/table';
import { DomainError } from '../../shared/errors';
import { addMonths, isMonth } from '../../shared/time/days';
import { ictMonth } from '../../shared/time/ict';
import { StartupError, startDynamoLocal } from './dynamodb';

const ROOT = resolve(import.meta.dirname, '../..');
// The run's summary is printed below; the structured log lines would only repeat it.
process.env.LOG_LEVEL ??= 'warn';
const USAGE = 'Usage: npm run billing -- [--month YYYY-MM]   (default: the month that ended last)';

const monthArgument = (args: string[]): string => {
  const index = args.findIndex((arg) => arg === '--month' || arg.startsWith('--month='));
  if (index === -1) return addMonths(ictMonth(new Date()), -1);
  const value = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  if (!isMonth(value)) throw new StartupError(`--month needs a month like 2026-11.\n${USAGE}`);

  return value;
};

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
  if (args.includes('--help')) {
    console.log(USAGE);

    return;
  }
  const month = monthArgument(args);
  let endpoint = await runningEndpoint();
  let stop = async () => undefined as void;
  if (endpoint) console.log(`Using the DynamoDB Local of the running server (${endpoint}).`);
  else {
    console.log('Starting DynamoDB Local on .data/dynamodb (the server is not running) …');
    const dynamo = await startDynamoLocal({ dataDir: join(ROOT, '.data/dynamodb') });
    endpoint = dynamo.endpoint;
    stop = dynamo.stop;
  }

  try {
    const tableName = process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT;
    const db = createDb({ endpoint, tableName });
    await db.doc.send(new DescribeTableCommand({ TableName: tableName })).catch(() => {
      throw new StartupError(
        `The local table "${tableName}" does not exist yet: run \`npm start\` once to create it.`,
      );
    });
    const run = await runBilling(db, month, { trigger: 'cli' });
    console.log(
      `Billing of ${run.month}: ${run.issued} invoice(s) issued` +
        (run.issued ? ` (${run.firstNumber} … ${run.lastNumber}, ${run.issuedTotal} VND)` : '') +
        `, ${run.alreadyInvoiced} account(s) already invoiced, ${run.notBillable} with nothing ` +
        `billable (of ${run.accounts} accounts). Run ${run.id}.`,
    );
  } finally {
    await stop();
  }
};

main().catch((error: Error) => {
  // Domain errors carry a message meant for people (in Vietnamese); others say what failed.
  const message =
    error instanceof DomainError || error instanceof StartupError
      ? error.message
      : `${error.name}: ${error.message}`;
  console.error(`\nBilling did not run: ${message}`);
  process.exit(1);
});

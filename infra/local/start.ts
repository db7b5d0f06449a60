import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TREE_ACCOUNTS } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/items';
import { demoMerchants } from '../../shared/payments/merchants';
import { StartupError } from './dynamodb';
import { type LocalStack, startLocalStack } from './stack';

/** `npm start`: the product with demo data on http://localhost:3000 (or $PORT). */
const ROOT = resolve(import.meta.dirname, '../..');

const main = async () => {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`PORT must be a port number, got "${process.env.PORT}".`);
  }
  if (!existsSync(join(ROOT, 'admin/dist/index.html'))) {
    console.warn(
      'The admin panel is not built yet; run `npm run build`. The API works without it.',
    );
  }

  console.log('Starting DynamoDB Local (data in .data/dynamodb) …');
  const stack = await startLocalStack({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: join(ROOT, '.data/dynamodb'),
    seedPerUnit: Number(process.env.SEED_PER_UNIT ?? 200),
    demoBilling: true,
    demoCollections: true,
    demoFees: true,
    progress: (message) => console.log(message),
  });
  // `npm run billing` finds this DynamoDB Local here while the server runs.
  const endpointFile = join(ROOT, '.data/dynamodb-endpoint');
  writeFileSync(endpointFile, stack.dynamoEndpoint);

  if (stack.table === 'existed') console.log('Table found.');
  const credentials = join(ROOT, '.data/demo-users.txt');
  if (stack.seeded) {
    const { units, accounts, households, users } = stack.seeded;
    console.log(
      `Seeded demo data: ${units} units, ${accounts} accounts, ${households} households.`,
    );
    const lines = users.map(
      (u) => `${u.username.padEnd(16)} ${u.password}   ${u.role} (${u.accountId})`,
    );
    writeFileSync(
      credentials,
      `# Demo users of this local table: username, password, role (account)\n${lines.join('\n')}\n`,
      {
        mode: 0o600,
      },
    );
  } else {
    console.log('The table already holds data; nothing was seeded.');
  }
  if (stack.demoBilling) {
    const { plans, invoices, payments } = stack.demoBilling;
    console.log(
      `Seeded demo billing: ${plans} price plans, ${invoices} invoices, ${payments} payments.`,
    );
  }
  if (stack.demoCollections) {
    const { collections, from, to } = stack.demoCollections;
    console.log(`Seeded demo pickups: ${collections} collections from ${from} to ${to}.`);
  }
  if (stack.demoFees) {
    const { lines, bills, receipts } = stack.demoFees;
    console.log(
      `Seeded demo fees: ${lines} fee schedule lines, ${bills} bills, ${receipts} cash receipts.`,
    );
  }
  await writeDemoMerchants(stack);
  if (existsSync(credentials)) {
    const usernames = readFileSync(credentials, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/)[0]);
    console.log(`Demo users: ${usernames.join(', ')}\nTheir passwords are in ${credentials}`);
  }
  console.log(
    `\nNguồn is running at ${stack.url}  (API under ${stack.url}/api)\nPress Ctrl-C to stop.`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server and DynamoDB Local …`);
    rmSync(endpointFile, { force: true });
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((error: Error) => {
  console.error(`\nCould not start Nguồn: ${error.message}`);
  process.exit(1);
});

/**
 * Online payment needs each collecting account's gateway merchants and bank account
 * (shared/payments/merchants.ts). The demo has no gateway contracts, so on first start it gives
 * every ward, commune and the operator a made-up bank account: residents and account users then
 * see a real VietQR code to scan. Gateway sandbox credentials can be added to the same file
 * (README, "Online payment and webhooks"); an existing file is never overwritten.
 */
async function writeDemoMerchants(stack: LocalStack): Promise<void> {
  process.env.NGUON_PUBLIC_URL ??= stack.url;
  const file = join(ROOT, '.data/merchants.json');
  if (process.env.NGUON_PAYMENT_MERCHANTS || existsSync(file)) return;
  // Accounts are one partition of the tree index: one query, whatever else the table holds.
  const found = (
    await queryAll(stack.db, {
      IndexName: 'byTree',
      KeyConditionExpression: 'treePk = :pk',
      ExpressionAttributeValues: { ':pk': TREE_ACCOUNTS },
    })
  ).map((item) => String(item.id));
  const ids = found.filter((id) => id === 'operator' || id.startsWith('ubnd-')).sort();
  const { bankAccounts } = demoMerchants(ids);
  writeFileSync(file, `${JSON.stringify({ merchants: [], bankAccounts }, null, 2)}\n`);
  console.log(`Demo bank accounts for VietQR payments: ${ids.length} accounts, in ${file}`);
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { createDb, type Db } from '../../shared/db/client';
import { startDynamoLocal } from './dynamodb';
import { seedIfEmpty, type SeedSummary } from './load-seed';
import { type DemoBillingSummary, seedDemoBilling } from './seed/billing';
import { type DemoCollectionsSummary, seedDemoCollections } from './seed/collections';
import { type DemoFeesSummary, seedDemoFees } from './seed/fees';
import { createLocalServer, listen } from './server';
import { ensureTable } from './table';

export interface LocalStackOptions {
  port: number;
  host?: string;
  /** Where DynamoDB Local keeps its files; in memory when absent. */
  dataDir?: string;
  /** Demo households per ward/commune; 0 seeds units and accounts only; undefined seeds none. */
  seedPerUnit?: number;
  tableName?: string;
  /** Price plans, invoices and payments for the demo accounts, while none exist (npm start). */
  demoBilling?: boolean;
  /** A year of pickups in four demo units, while the table holds none (npm start). */
  demoCollections?: boolean;
  /** Fee schedules, three months of bills and cash receipts in demo units, while none exist. */
  demoFees?: boolean;
  /** Told what start-up is doing while it seeds a new table (npm start prints it). */
  progress?: (message: string) => void;
}

/**
 * The key that signs session tokens: generated on first start and kept next to the data, so
 * sessions survive a restart; in memory for tests. In AWS it lives in Secrets Manager.
 */
const signingSecret = (dataDir?: string): string => {
  if (!dataDir) return randomBytes(48).toString('base64url');
  const file = join(dirname(dataDir), 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }

  return readFileSync(file, 'utf8').trim();
};

export interface LocalStack {
  url: string;
  db: Db;
  dynamoEndpoint: string;
  seeded?: SeedSummary;
  demoBilling?: DemoBillingSummary;
  demoCollections?: DemoCollectionsSummary;
  demoFees?: DemoFeesSummary;
  table: 'created' | 'existed';
  stop(): Promise<void>;
}

/**
 * The whole product on one machine: the HTTP port is taken first (so a busy port fails before
 * Java starts), then DynamoDB Local, the table, the demo data, and the handlers of the route
 * table behind one server.
 */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const server: Server = createLocalServer(ready);
  const port = await listen(server, options.port, options.host);

  let dynamo;
  try {
    dynamo = await startDynamoLocal({ dataDir: options.dataDir });
  } catch (error) {
    server.close();
    throw error;
  }

  process.env.JWT_SECRET ??= signingSecret(options.dataDir);
  // The handlers read their table from the environment, as they do in Lambda.
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = options.tableName ?? process.env.TABLE_NAME ?? 'nguon';
  const db = createDb({ endpoint: dynamo.endpoint, tableName: process.env.TABLE_NAME });

  try {
    const table = await ensureTable(db);
    // Only a new table is seeded at length; a table that existed is checked in a moment.
    const say = table === 'created' ? (options.progress ?? (() => undefined)) : () => undefined;
    say('Created the table and its indexes.');
    if (options.seedPerUnit !== undefined) {
      say(
        'Seeding units, accounts, users and households (first start only: a few minutes in all) …',
      );
    }
    const seeded =
      options.seedPerUnit === undefined
        ? undefined
        : await seedIfEmpty(db, { perUnit: options.seedPerUnit });
    if (options.demoBilling) say('Seeding price plans, invoices and payments of the accounts …');
    const demoBilling = options.demoBilling ? await seedDemoBilling(db) : undefined;
    if (options.demoCollections) say('Seeding a year of pickups (the longest step) …');
    const demoCollections = options.demoCollections ? await seedDemoCollections(db) : undefined;
    if (options.demoFees) say('Seeding fee schedules, bills and cash receipts …');
    const demoFees = options.demoFees ? await seedDemoFees(db) : undefined;
    markReady();

    return {
      url: `http://localhost:${port}`,
      db,
      dynamoEndpoint: dynamo.endpoint,
      seeded,
      demoBilling,
      demoCollections,
      demoFees,
      table,
      stop: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await dynamo.stop();
      },
    };
  } catch (error) {
    server.close();
    await dynamo.stop();
    throw error;
  }
};

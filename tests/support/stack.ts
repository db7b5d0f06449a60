import { type LocalStack, startLocalStack } from '../../infra/local/stack';

/**
 * Starts the real local stack for a test file: DynamoDB Local in memory, the table, demo units
 * and accounts with `perUnit` demo households per ward, and the HTTP server on a free port.
 */
export const startTestStack = (perUnit = 10): Promise<LocalStack> =>
  startLocalStack({ port: 0, seedPerUnit: perUnit, tableName: 'nguon-test' });

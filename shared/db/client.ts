import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Meter } from './meter';
import { TABLE_NAME_DEFAULT } from './table';

export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
  meter: Meter;
}

export interface DbOptions {
  tableName?: string;
  /** DynamoDB Local's address; unset in AWS. */
  endpoint?: string;
  region?: string;
}

/** Adds ReturnConsumedCapacity to every command and feeds the answer to the meter. */
const meterMiddleware = (meter: Meter) => (next: any, context: any) => async (args: any) => {
  // The SDK's middleware types are generic over every command; this one only reads fields.
  if (args.input && typeof args.input === 'object') {
    args.input.ReturnConsumedCapacity ??= 'TOTAL';
  }
  const command = String(context.commandName ?? 'Command').replace(/Command$/, '');
  try {
    const result = await next(args);
    meter.record(command, (result.output as Record<string, unknown>)?.ConsumedCapacity);

    return result;
  } catch (error) {
    // A refused request (a failed condition, a cancelled transaction) was still sent and billed.
    meter.record(command, (error as Record<string, unknown>)?.ConsumedCapacity);
    throw error;
  }
};

export const createDb = (options: DbOptions = {}): Db => {
  const endpoint = options.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  });
  const meter = new Meter();
  client.middlewareStack.add(meterMiddleware(meter), { step: 'initialize', name: 'nguonMeter' });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

  return {
    doc,
    tableName: options.tableName ?? process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT,
    meter,
  };
};

let shared: Db | undefined;

/** One client per Lambda instance, reused across invocations. */
export const defaultDb = (): Db => {
  shared ??= createDb();

  return shared;
};

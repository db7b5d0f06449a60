import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

export const getItem = async (db: Db, key: Key, consistent = false): Promise<Item | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: consistent }),
  );

  return result.Item;
};

/** Reads many items by key, 100 a request, retrying what DynamoDB leaves unprocessed. */
export const batchGet = async (db: Db, keyList: Key[], consistent = false): Promise<Item[]> => {
  const unique = [...new Map(keyList.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const items: Item[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const result = await db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: consistent } },
        }),
      );
      items.push(...(result.Responses?.[db.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? [];
      if (pending.length > 0)
        await new Promise((r) => setTimeout(r, 10 * 2 ** Math.min(attempt, 6)));
    }
  }

  return items;
};

/** Runs a query to its end (every page), for key ranges known to be bounded. */
export const queryAll = async (
  db: Db,
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start);

  return items;
};

export const indexByKey = (items: Item[]): Map<string, Item> =>
  new Map(items.map((item) => [String(item.pk), item]));

import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { defaultDb } from '../../shared/db/client';
import { routedHandler } from '../http/handler';
import { json } from '../http/types';

export const handler = routedHandler(
  {},
  {
    'GET /api/health': async () => {
      const db = defaultDb();
      const table = await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));

      return json(200, { status: 'ok', table: table.Table?.TableStatus ?? 'unknown' });
    },
  },
);

/**
 * A second Lambda instance of the public look-up, in a process of its own: it loads
 * functions/public/handler.ts fresh (its own module state, its own DynamoDB client), calls it
 * with look-up events from one client address against the table named in the environment, and
 * prints the statuses as JSON. tests/api/lookup-rate.test.ts runs it beside the local stack.
 *
 * Usage: DYNAMODB_ENDPOINT=… TABLE_NAME=… node --import tsx lookup-instance.ts <address> <calls>
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler } from '../../functions/public/handler';

const [address, calls] = process.argv.slice(2);

const event = (): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: 'GET /api/public/households/lookup',
  rawPath: '/api/public/households/lookup',
  rawQueryString: 'unitId=22330-2409&code=KHONG-CO&phone=0905000000',
  headers: { 'x-viewer-address': address },
  queryStringParameters: { unitId: '22330-2409', code: 'KHONG-CO', phone: '0905000000' },
  requestContext: {
    accountId: 'local',
    apiId: 'local',
    domainName: 'localhost',
    domainPrefix: 'localhost',
    http: {
      method: 'GET',
      path: '/api/public/households/lookup',
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'lookup-instance',
    },
    requestId: `instance-${Date.now()}`,
    routeKey: 'GET /api/public/households/lookup',
    stage: '$default',
    time: new Date().toUTCString(),
    timeEpoch: Date.now(),
  },
  isBase64Encoded: false,
});

const statuses: number[] = [];
for (let i = 0; i < Number(calls); i += 1) {
  const result = await handler(event(), {} as Context);
  statuses.push(result.statusCode ?? 0);
}
process.stdout.write(`${JSON.stringify(statuses)}\n`);

import assert from 'node:assert/strict';
import { type LocalStack, startLocalStack } from '../../infra/local/stack';

/**
 * Starts the real local stack for a test file: DynamoDB Local in memory, the table, demo units,
 * accounts and users with `perUnit` demo households per ward, and the HTTP server on a free port.
 */
export const startTestStack = (perUnit = 10): Promise<LocalStack> => {
  // The tests play many clients from one machine, each naming its address as CloudFront would.
  process.env.NGUON_LOCAL_TRUST_VIEWER_ADDRESS ??= '1';
  // Tests never reach a real gateway: the adapter refuses any host but localhost.
  process.env.NGUON_GATEWAY_LOCAL_ONLY = '1';

  return startLocalStack({ port: 0, seedPerUnit: perUnit, tableName: 'nguon-test' });
};

/** The seeded password of a demo user. */
export const passwordOf = (stack: LocalStack, username: string): string => {
  const user = stack.seeded?.users.find((u) => u.username === username);
  assert.ok(user, `no demo user ${username}`);

  return user.password;
};

/** Signs a demo user in through the API and returns the bearer token (the operator by default). */
export const signIn = async (stack: LocalStack, username = 'vanhanh'): Promise<string> => {
  const response = await fetch(`${stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwordOf(stack, username) }),
  });
  const body = (await response.json()) as { token?: string };
  assert.equal(response.status, 200, `sign-in of ${username} failed: ${JSON.stringify(body)}`);

  return body.token as string;
};

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

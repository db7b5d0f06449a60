import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The key that signs session tokens. Locally it comes from JWT_SECRET (the local stack
 * generates one into .data/ on first start); in AWS the function is given the ARN of a Secrets
 * Manager secret and reads it once per instance.
 */
let cached: Promise<Uint8Array> | undefined;

const fromText = (text: string): Uint8Array => {
  const key = new TextEncoder().encode(text.trim());
  if (key.length < 32) throw new Error('the token signing key must be at least 32 bytes');

  return key;
};

const load = async (): Promise<Uint8Array> => {
  if (process.env.JWT_SECRET) return fromText(process.env.JWT_SECRET);

  const arn = process.env.JWT_SECRET_ARN;
  if (!arn) throw new Error('no token signing key: set JWT_SECRET or JWT_SECRET_ARN');
  const client = new SecretsManagerClient({});
  const secret = await client.send(new GetSecretValueCommand({ SecretId: arn }));

  return fromText(secret.SecretString ?? '');
};

export const signingKey = (): Promise<Uint8Array> => {
  cached ??= load().catch((error) => {
    cached = undefined;
    throw error;
  });

  return cached;
};

/** Tests switch keys between cases. */
export const forgetSigningKey = (): void => {
  cached = undefined;
};

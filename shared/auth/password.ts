import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are stored as scrypt hashes with a random salt: `scrypt$N$r$p$salt$hash`, all
 * parameters kept so they can be raised later without breaking stored hashes.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);

  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  );

  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** Compared against when the username is unknown, so both answers take the same time. */
export const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A rule a ward official can follow; length matters more than symbols. */
export const passwordProblem = (password: unknown): string | undefined => {
  if (typeof password !== 'string') return 'Mật khẩu phải là chuỗi ký tự';
  if (password.length < 10) return 'Mật khẩu cần ít nhất 10 ký tự';
  if (password.length > 200) return 'Mật khẩu dài quá 200 ký tự';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) {
    return 'Mật khẩu cần có cả chữ và số';
  }

  return undefined;
};

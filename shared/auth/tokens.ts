import { errors, jwtVerify, SignJWT } from 'jose';
import { signingKey } from './signing-key';

/** Sessions last a working day; the issue allows at most 12 hours. */
export const SESSION_HOURS = 10;
const ISSUER = 'nguon';

export interface TokenClaims {
  /** User id. */
  sub: string;
  /** Session id: the server-side session this token belongs to. */
  sid: string;
  /** Account id, so one batch read fetches the session, the user and the account. */
  acc: string;
}

export const signToken = async (claims: TokenClaims, now = new Date()): Promise<string> =>
  new SignJWT({ sid: claims.sid, acc: claims.acc })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + SESSION_HOURS * 3600)
    .sign(await signingKey());

/**
 * Verifies signature, algorithm (HS256 only: `alg: none` and any other are refused), issuer and
 * expiry. Returns undefined for every kind of bad token; the caller answers 401 alike.
 */
export const verifyToken = async (token: string): Promise<TokenClaims | undefined> => {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['sub', 'sid', 'acc', 'exp', 'iat'],
    });
    if (typeof payload.sid !== 'string' || typeof payload.acc !== 'string' || !payload.sub) {
      return undefined;
    }

    return { sub: payload.sub, sid: payload.sid, acc: payload.acc };
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
};

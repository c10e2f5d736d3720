// JWTs from a newsroom's single sign-on: verified with the configured key (HS256 secret, or an RSA
// or P-256 public key), issuer and audience when configured, and an expiry always required, so a
// leaked token cannot work forever. The role comes from one configurable claim.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify } from 'jose';
import { type Env, jwtPublicKeyAlgorithm } from '../env.js';
import { type Authentication, refused } from './authentication.js';
import { roleFrom } from './viewer.js';

export type JwtSettings = {
  /** HS256 shared secret. */
  secret?: string;
  /** PEM public key (SPKI): RSA verifies RS256, P-256 verifies ES256. */
  publicKey?: string;
  /** The claim holding the role: a name (`editor`, `admin`) or a list of names. */
  roleClaim: string;
  issuer?: string;
  audience?: string;
};

/** JWT settings from the environment; undefined when no key is configured (JWTs are refused). */
export function jwtSettingsFrom(source: Env): JwtSettings | undefined {
  const secret = source.AUTH_JWT_SECRET;
  const publicKey = source.AUTH_JWT_PUBLIC_KEY;
  if (!secret && !publicKey) return undefined;
  return {
    ...(secret ? { secret } : {}),
    ...(publicKey ? { publicKey } : {}),
    roleClaim: source.AUTH_JWT_ROLE_CLAIM,
    ...(source.AUTH_JWT_ISSUER ? { issuer: source.AUTH_JWT_ISSUER } : {}),
    ...(source.AUTH_JWT_AUDIENCE ? { audience: source.AUTH_JWT_AUDIENCE } : {}),
  };
}

/** Three base64url segments: the shape of a compact JWS. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

export type JwtVerifier = (token: string) => Promise<Authentication>;

export function createJwtVerifier(settings: JwtSettings, now: () => number): JwtVerifier {
  const keys: { key: KeyObject | Uint8Array; algorithm: string }[] = [];
  if (settings.secret)
    keys.push({ key: new TextEncoder().encode(settings.secret), algorithm: 'HS256' });
  if (settings.publicKey) {
    const key = createPublicKey(settings.publicKey);
    const algorithm = jwtPublicKeyAlgorithm(key);
    // env.ts has checked the key already; this guards other callers.
    if (!algorithm) throw new Error('AUTH_JWT_PUBLIC_KEY must be an RSA or P-256 public key');
    keys.push({ key, algorithm });
  }
  const algorithms = keys.map((k) => k.algorithm);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => keys.find((k) => k.algorithm === header.alg)?.key ?? new Uint8Array(),
        {
          algorithms,
          requiredClaims: ['exp'],
          currentDate: new Date(now()),
          ...(settings.issuer ? { issuer: settings.issuer } : {}),
          ...(settings.audience ? { audience: settings.audience } : {}),
        },
      );
      const role = roleFrom(payload[settings.roleClaim]);
      if (!role)
        return refused(
          'NO_ROLE',
          `the JWT's "${settings.roleClaim}" claim names no Newsgraph role (editor or admin)`,
        );
      return { viewer: { kind: 'jwt', name: payload.sub ?? 'jwt', role } };
    } catch (error) {
      return refused(...jwtRefusal(error, algorithms));
    }
  };
}

function jwtRefusal(error: unknown, algorithms: string[]): Parameters<typeof refused> {
  if (error instanceof errors.JWTExpired) return ['EXPIRED', 'the JWT has expired'];
  if (error instanceof errors.JWTClaimValidationFailed)
    return ['INVALID_JWT', `the JWT's "${error.claim}" claim is not accepted (${error.reason})`];
  if (error instanceof errors.JOSEAlgNotAllowed)
    return ['INVALID_JWT', `the JWT's algorithm is not accepted (only ${algorithms.join(', ')})`];
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return ['INVALID_JWT', 'the JWT signature does not verify with the configured key'];
  if (error instanceof errors.JOSEError) return ['INVALID_JWT', 'the JWT is malformed'];
  throw error;
}

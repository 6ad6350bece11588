/** NEXO's access tokens, verified offline from the JWKS NEXO published (same checks as NEXO). */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

export interface Claims {
  sub: string;
  tid: string;
  act: string;
  pty?: string;
}

export function tokenVerifier(): (authorization: string | undefined) => Promise<Claims> {
  const jwks = createLocalJWKSet(JSON.parse(process.env.BENCH_JWKS ?? '{}') as JSONWebKeySet);
  const issuer = process.env.BENCH_ISSUER ?? '';
  // Verified tokens by their text, until they expire, as NEXO keeps them (ADR 0013: the limit
  // uses NEXO's techniques for the same work, so the ratio is the framework's cost).
  const verified = new Map<string, Claims & { exp: number }>();
  return async (authorization) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new Error('no token');
    const known = verified.get(token);
    if (known && known.exp > Date.now() / 1000 - 5) return known;
    const { payload } = await jwtVerify(token, jwks, {
      algorithms: ['EdDSA'],
      audience: 'nexo-api',
      issuer,
      typ: 'at+jwt',
    });
    const claims = payload as unknown as Claims & { exp: number };
    if (verified.size >= 5_000) verified.delete(verified.keys().next().value ?? '');
    verified.set(token, claims);
    return claims;
  };
}

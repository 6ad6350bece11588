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
  return async (authorization) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new Error('no token');
    const { payload } = await jwtVerify(token, jwks, {
      algorithms: ['EdDSA'],
      audience: 'nexo-api',
      issuer,
      typ: 'at+jwt',
    });
    return payload as unknown as Claims;
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { ACTORS, APP_CONFIG, type Actor, type AppConfig } from '@nexo/platform';
import { SignJWT, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { KeyStore, TOKEN_ALG } from './key-store.service.js';

export const TOKEN_AUDIENCE = 'nexo-api';
const TOKEN_TYPE = 'at+jwt';
/** A second-factor challenge: never accepted as an access token (other typ and audience). */
const MFA_AUDIENCE = 'nexo-mfa';
const MFA_TYPE = 'mfa+jwt';
const MFA_TTL_SECONDS = 300;

/** The claims NEXO puts in an access token, checked by schema on every verification. */
const ClaimsSchema = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  act: z.enum(ACTORS),
  /** Membership (people) or API client (integrations). */
  mid: z.uuid(),
  sid: z.uuid().optional(),
  pty: z.uuid().optional(),
  /** The session must enrol a second factor before anything else. */
  enr: z.literal(true).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof ClaimsSchema>;

export interface AccessTokenInput {
  userId: string;
  tenantId: string;
  actor: Actor;
  membershipId: string;
  sessionId?: string;
  partyId?: string | null;
  mfaEnrolmentRequired?: boolean;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** Leeway for `exp` and `nbf`, in seconds, against clock drift between API instances. */
const CLOCK_TOLERANCE_S = 5;
/** Verified tokens kept (about 1 KB each); the oldest goes first when full. */
const VERIFIED_CACHE_SIZE = 5_000;

@Injectable()
export class AccessTokenService {
  /**
   * Tokens whose signature and claims were verified, by their exact text, until they expire:
   * a portal sends one token with every request of its life, and the EdDSA check was the
   * largest single cost of a small request (ADR 0013). A hit re-checks the expiry only; the
   * signature cannot change without changing the text. Revocation is unaffected: the
   * principal is re-checked in the database on every request (ADR 0005).
   */
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get issuer(): string {
    return this.config.NEXO_PUBLIC_URL ?? 'urn:nexo';
  }

  get ttlSeconds(): number {
    return this.config.NEXO_ACCESS_TOKEN_TTL_S;
  }

  async sign(input: AccessTokenInput): Promise<string> {
    const { kid, privateKey } = await this.keys.signingKey();
    return new SignJWT({
      tid: input.tenantId,
      act: input.actor,
      mid: input.membershipId,
      ...(input.sessionId ? { sid: input.sessionId } : {}),
      ...(input.partyId ? { pty: input.partyId } : {}),
      ...(input.mfaEnrolmentRequired ? { enr: true } : {}),
    })
      .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: TOKEN_TYPE })
      .setIssuer(this.issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(input.userId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(privateKey);
  }

  /** Proves, for five minutes, that the password step passed for this user and membership. */
  async signMfaChallenge(
    userId: string,
    membershipId: string,
    tenantId: string,
    bound = false,
  ): Promise<string> {
    const { kid, privateKey } = await this.keys.signingKey();
    return new SignJWT({ mid: membershipId, tid: tenantId, ...(bound ? { bnd: true } : {}) })
      .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: MFA_TYPE })
      .setIssuer(this.issuer)
      .setAudience(MFA_AUDIENCE)
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(`${MFA_TTL_SECONDS}s`)
      .sign(privateKey);
  }

  async verifyMfaChallenge(
    token: string,
  ): Promise<{ userId: string; membershipId: string; tenantId: string; bound: boolean }> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid ? await this.keys.publicKey(kid) : undefined;
      if (!key) throw new InvalidTokenError('unknown key id');
      const { payload } = await jwtVerify(token, key, {
        algorithms: [TOKEN_ALG],
        issuer: this.issuer,
        audience: MFA_AUDIENCE,
        typ: MFA_TYPE,
      });
      const claims = z
        .object({ sub: z.uuid(), mid: z.uuid(), tid: z.uuid(), bnd: z.literal(true).optional() })
        .parse(payload);
      return {
        userId: claims.sub,
        membershipId: claims.mid,
        tenantId: claims.tid,
        bound: claims.bnd === true,
      };
    } catch {
      throw new InvalidTokenError('mfa challenge');
    }
  }

  /**
   * Verifies signature (EdDSA only: `none` and HMAC are refused before any key is used),
   * `kid`, `typ`, issuer, audience, expiry, not-before and the claims' shapes.
   */
  async verify(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Date.now() / 1000 - CLOCK_TOLERANCE_S) return known;
      this.verified.delete(token);
      throw new InvalidTokenError('ERR_JWT_EXPIRED');
    }
    const claims = await this.verifySigned(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, claims);
    return claims;
  }

  private async verifySigned(token: string): Promise<AccessClaims> {
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== TOKEN_ALG) throw new InvalidTokenError('algorithm not allowed');
      kid = header.kid;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError('malformed');
    }
    if (!kid) throw new InvalidTokenError('no key id');
    const key = await this.keys.publicKey(kid);
    if (!key) throw new InvalidTokenError('unknown key id');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: [TOKEN_ALG],
        issuer: this.issuer,
        audience: TOKEN_AUDIENCE,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'iat', 'exp', 'nbf'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as { code?: string }).code ?? 'verification failed');
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError('claims');
    // Shared by every request that carries the token: nobody may change it.
    return Object.freeze(claims.data);
  }
}

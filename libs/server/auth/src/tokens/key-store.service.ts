import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Database } from '@nexo/db';
import { APP_CONFIG, APP_LOGGER, SecretBox, type AppConfig, type Logger } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { desc, isNull, lt, or, gt, sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { signingKeys } from '../db/auth.tables.js';

export const TOKEN_ALG = 'EdDSA';
const RELOAD_EVERY_MS = 60_000;
const UNKNOWN_KID_RELOAD_MIN_MS = 5_000;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  retired: boolean;
}

/**
 * Ed25519 signing keys kept in the database (private halves sealed with the install key),
 * so every API instance signs and verifies with the same set. Rotation: a new key signs
 * from then on; the old one stays published until every token it signed has expired.
 */
@Injectable()
export class KeyStore implements OnModuleInit {
  private keys = new Map<string, LoadedKey>();
  private signing: { kid: string; privateKey: CryptoKey } | undefined;
  private loadedAt = 0;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Loads the keys at boot, making the first one on a new install. With the database down
   * the API still starts (and reports not ready); the keys load on first use instead.
   */
  async onModuleInit(): Promise<void> {
    await this.ensureLoaded().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'signing keys not loaded at boot; will retry on first use');
    });
  }

  private async ensureLoaded(): Promise<void> {
    await this.load();
    if (!this.signing) await this.rotate();
  }

  /** Makes a new signing key; the previous ones retire and expire after the token lifetime. */
  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, {
      crv: 'Ed25519',
      extractable: true,
    });
    const kid = newId();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' };
    const sealed = this.box.encrypt(JSON.stringify(await exportJWK(privateKey)));
    // Old keys stay verifiable for one token lifetime plus a minute of clock skew.
    const overlapSeconds = this.config.NEXO_ACCESS_TOKEN_TTL_S + 60;
    await this.database.db.transaction(async (tx) => {
      await tx
        .update(signingKeys)
        .set({
          retiredAt: sql`now()`,
          expiresAt: sql`now() + make_interval(secs => ${overlapSeconds})`,
        })
        .where(isNull(signingKeys.retiredAt));
      await tx
        .insert(signingKeys)
        .values({ kid, alg: TOKEN_ALG, publicJwk, privateKeyEnc: sealed });
    });
    await this.load();
    return kid;
  }

  async signingKey(): Promise<{ kid: string; privateKey: CryptoKey }> {
    if (!this.signing) await this.ensureLoaded();
    else if (Date.now() - this.loadedAt > RELOAD_EVERY_MS) await this.load();
    if (!this.signing) throw new Error('No active signing key');
    return this.signing;
  }

  /** The public key for a `kid`; an unknown kid triggers at most one reload every few seconds. */
  async publicKey(kid: string): Promise<CryptoKey | undefined> {
    const known = this.keys.get(kid);
    if (known) return known.publicKey;
    if (Date.now() - this.loadedAt > UNKNOWN_KID_RELOAD_MIN_MS) {
      await this.load();
      return this.keys.get(kid)?.publicKey;
    }
    return undefined;
  }

  /** What `/.well-known/jwks.json` publishes: every key not yet expired. */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }

  private async load(): Promise<void> {
    const rows = await this.database.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.expiresAt), gt(signingKeys.expiresAt, sql`now()`)))
      .orderBy(desc(signingKeys.createdAt));
    const keys = new Map<string, LoadedKey>();
    for (const row of rows) {
      const publicJwk = row.publicJwk as JWK;
      keys.set(row.kid, {
        kid: row.kid,
        publicJwk,
        publicKey: (await importJWK(publicJwk, TOKEN_ALG)) as CryptoKey,
        retired: row.retiredAt !== null,
      });
    }
    const active = rows.find((r) => r.retiredAt === null);
    this.signing = active
      ? {
          kid: active.kid,
          privateKey: (await importJWK(
            JSON.parse(this.box.decrypt(active.privateKeyEnc)) as JWK,
            TOKEN_ALG,
          )) as CryptoKey,
        }
      : undefined;
    this.keys = keys;
    this.loadedAt = Date.now();
  }

  /** Housekeeping: drop keys that expired long ago. */
  async purgeExpired(): Promise<void> {
    await this.database.db
      .delete(signingKeys)
      .where(lt(signingKeys.expiresAt, sql`now() - interval '1 day'`));
  }
}

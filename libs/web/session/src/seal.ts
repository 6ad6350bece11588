import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sealed cookies: AES-256-GCM with a key from `NEXO_PORTAL_SECRET` (the `nexo start`
 * command makes one and keeps it in the data folder). Without it, a key made at start:
 * sessions then end when the portal restarts.
 */
let key: Buffer | undefined;
function sealingKey(): Buffer {
  if (!key) {
    const secret = process.env.NEXO_PORTAL_SECRET;
    key = secret
      ? createHash('sha256').update(`nexo-portal-session:${secret}`).digest()
      : randomBytes(32);
  }
  return key;
}

export function seal(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or null for anything tampered with, sealed by another key, or garbage. */
export function unseal<T>(sealed: string | undefined | null): T | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(json.toString('utf8')) as T;
  } catch {
    return null;
  }
}

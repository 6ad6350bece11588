import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, randomToken, sha256 } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32).toString('base64'));

  it('round-trips and never repeats a ciphertext', () => {
    const a = box.encrypt('totp seed ñ');
    expect(box.decrypt(a)).toBe('totp seed ñ');
    expect(box.encrypt('totp seed ñ')).not.toBe(a);
  });

  it('refuses a tampered or foreign ciphertext', () => {
    const sealed = box.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
    const other = new SecretBox(randomBytes(32).toString('base64'));
    expect(() => other.decrypt(sealed)).toThrow();
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('makes distinct tokens and stable hashes', () => {
    expect(randomToken()).not.toBe(randomToken());
    expect(sha256('x')).toBe(sha256('x'));
    expect(sha256('x')).not.toBe('x');
  });
});

import { describe, expect, it } from 'vitest';
import { passwordPolicyIssues } from './password-policy.js';

const codes = (p: string, email?: string): string[] =>
  passwordPolicyIssues(p, email ? { email } : {}).map((i) => i.code);

describe('password policy (ASVS 5)', () => {
  it('accepts a long passphrase of any characters, with no composition rules', () => {
    expect(codes('todo en minúsculas y con espacios')).toEqual([]);
    expect(codes('ñandú-🦩-pingüino')).toEqual([]);
  });

  it('counts characters, not bytes', () => {
    expect(codes('ñññññññññññ')).toEqual(['password_too_short']); // 11 characters, 22 bytes
    expect(codes('ññññññññññññ')).toEqual([]);
  });

  it('refuses short, overlong and common passwords', () => {
    expect(codes('corta')).toEqual(['password_too_short']);
    expect(codes('x'.repeat(129))).toEqual(['password_too_long']);
    expect(codes('x'.repeat(128))).toEqual([]);
    expect(codes('1q2w3e4r5t6y')).toEqual(['password_common']);
    expect(codes('Contraseña123')).toEqual(['password_common']);
  });

  it("refuses the account's own email as password", () => {
    expect(codes('laura.gomez@empresa.test', 'Laura.Gomez@empresa.test')).toEqual([
      'password_common',
    ]);
  });
});

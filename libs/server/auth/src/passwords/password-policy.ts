import { createRequire } from 'node:module';
import type { FieldIssue } from '@nexo/contracts';

/** Spanish-market additions to the common-password list (kept with the code, no network). */
const SPANISH_COMMON = [
  'contraseña',
  'contrasena',
  'contraseña1',
  'contraseña123',
  'contrasena123',
  'micontraseña',
  'teamo',
  'teamomucho',
  'teamo123456',
  'tequiero',
  'tequiero123',
  'mariposa',
  'mariposa123',
  'princesa',
  'princesa123',
  'argentina',
  'argentina123',
  'boca juniors',
  'bocajuniors',
  'riverplate',
  'realmadrid',
  'barcelona',
  'barcelona123',
  'colocolo',
  'america123',
  'chivas123',
  'mexico123',
  'españa123',
  'espana123',
  'hola123456',
  'holamundo',
  'holahola',
  'qwertyuiopñ',
  'asdfghjklñ',
  '123456789012',
  '1234567890123',
  'abcdefghijkl',
  'abc123456789',
  'password1234',
  'contraseña12',
  'nexo12345678',
];

/**
 * The common-password list (49,000 entries), read with the first password checked: it and
 * its module hold about 5 MB of heap that a process serving requests rarely needs (ADR 0013,
 * idle RSS). Synchronous, as the policy is: `require` of the package's CommonJS build.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<'passwords-common', string[]>;
    };
    common = new Set(
      [...dictionary['passwords-common'], ...SPANISH_COMMON].map((p) => p.toLowerCase()),
    );
  }
  return common;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * OWASP ASVS 5 (V6.2): 12 to 128 characters, any characters, no composition rules, not a
 * known common password, not the account's own email. Lengths count Unicode code points.
 */
export function passwordPolicyIssues(
  password: string,
  context: { email?: string } = {},
  path = 'password',
): FieldIssue[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return [{ path, code: 'password_too_short', message: `At least ${PASSWORD_MIN} characters` }];
  }
  if (length > PASSWORD_MAX) {
    return [{ path, code: 'password_too_long', message: `At most ${PASSWORD_MAX} characters` }];
  }
  const lower = password.toLowerCase();
  const email = context.email?.toLowerCase();
  if (
    commonPasswords().has(lower) ||
    (email && (lower === email || lower === email.split('@')[0]))
  ) {
    return [
      { path, code: 'password_common', message: 'This password is too common; choose another' },
    ];
  }
  return [];
}

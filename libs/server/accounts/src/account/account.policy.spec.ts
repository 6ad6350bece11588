import { describe, expect, it } from 'vitest';
import { normalizeName } from './account.policy.js';

describe('the account policy', () => {
  it('trims a name and keeps one space between words', () => {
    expect(normalizeName('  Depósito   central ')).toBe('Depósito central');
    expect(normalizeName('Único')).toBe('Único');
  });
});

import { describe, expect, it } from 'vitest';
import { en, es } from './messages';
import { codeLabel, createTranslator } from './translate';
import { issueMessage } from './problem';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the es and en catalogs', () => {
  it('have the same keys, so nothing in English falls back to Spanish', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    const blank = Object.entries(en).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('fill the same placeholders in both languages', () => {
    const differ = Object.keys(es).filter(
      (key) =>
        placeholders(es[key as keyof typeof es]).join() !==
        placeholders(en[key as keyof typeof en]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('label the codes the API sends, and keep an unknown code as it came', () => {
    const t = createTranslator('en');
    expect(codeLabel(t, 'audit.action', 'update')).toBe('Changed');
    expect(codeLabel(createTranslator('es'), 'customField.type', 'select')).toBe(
      'Lista de opciones',
    );
    expect(codeLabel(t, 'audit.action', 'teleport')).toBe('teleport');
    expect(codeLabel(t, 'audit.action', null)).toBe('');
    expect(
      issueMessage({ path: 'taxId', code: 'invalid_tax_id', message: 'Wrong CUIT check digit' }, t),
    ).toBe('Not valid for the country.');
    expect(issueMessage({ path: 'x', code: 'too_small', message: 'Too small' }, t)).toBe(
      'Too small',
    );
  });
});

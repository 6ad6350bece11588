import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRateRows, plainRate, rateCsvHeaderIssues } from './exchange-rate.policy.js';

describe('plainRate', () => {
  it('drops the zeros of the column scale, never a digit of the number', () => {
    expect(plainRate('1234.5000000000')).toBe('1234.5');
    expect(plainRate('2.0000000000')).toBe('2');
    expect(plainRate('100')).toBe('100');
    expect(plainRate('0.0000000001')).toBe('0.0000000001');
  });

  it('is the same number as stored, for any numeric(24, 10)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 24n - 1n }), (units) => {
        const digits = units.toString().padStart(11, '0');
        const stored = `${digits.slice(0, -10).replace(/^0+(?=\d)/, '')}.${digits.slice(-10)}`;
        const plain = plainRate(stored);
        expect(plain).not.toMatch(/\.$|\.\d*0$/);
        const [whole = '', fraction = ''] = plain.split('.');
        expect(BigInt(whole + fraction.padEnd(10, '0'))).toBe(units);
      }),
    );
  });
});

describe('a rates CSV', () => {
  it('needs exactly the columns currency, date and rate, in any order', () => {
    expect(rateCsvHeaderIssues(['rate', 'currency', 'date'])).toEqual([]);
    expect(rateCsvHeaderIssues(['currency', 'fecha', 'rate']).map((i) => i.code)).toEqual([
      'unknown_column',
      'missing_column',
    ]);
  });

  it('reports each bad row once per cell, with its line; the good ones are rates', () => {
    const row = (line: number, currency: string, date: string, rate?: string) => ({
      line,
      record: { currency, date, ...(rate === undefined ? {} : { rate }) },
    });
    const { rates, issues } = checkRateRows(
      [
        row(2, 'usd', '2026-03-02', '1,5'),
        row(3, 'EUR', '2026-03-02', '0'),
        row(4, 'EUR', '2026-03-02'),
        row(5, 'ARS', '2026-03-02', '1'),
        row(6, 'USD', '2026-03-02', '2'),
        row(7, 'EUR', '1899-12-31', '2'),
      ],
      'ARS',
    );
    expect(rates).toEqual([{ line: 2, currency: 'USD', date: '2026-03-02', rate: '1.5' }]);
    expect(issues.map((i) => `${i.line} ${i.column} ${i.code}`)).toEqual([
      '3 rate custom',
      '4 rate invalid_format',
      '5 currency exchange_rate_base_currency',
      '6 date duplicate',
      '7 date custom',
    ]);
  });
});

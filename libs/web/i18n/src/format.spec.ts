import { describe, expect, it } from 'vitest';
import { createFormatters, percentOf, subtractDecimals, sumDecimals } from './format';

describe('decimal strings, exactly', () => {
  it('add at the largest scale, where floats would drift', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['0.10', '0.2', '3'])).toBe('3.30');
    expect(sumDecimals(['9007199254740993.01', '1.99'])).toBe('9007199254740995.00');
    expect(sumDecimals(['-1.50', '0.25'])).toBe('-1.25');
    expect(sumDecimals([])).toBe('0');
  });

  it('subtract', () => {
    expect(subtractDecimals('1000.00', '600')).toBe('400.00');
    expect(subtractDecimals('0.3', '0.1')).toBe('0.2');
    expect(subtractDecimals('5', '7.5')).toBe('-2.5');
    expect(subtractDecimals('0.05', '0.1')).toBe('-0.05');
  });

  it('take a percentage, rounded half away from zero', () => {
    expect(percentOf('400.00', '1000.00')).toBe('40.0');
    expect(percentOf('1', '3', 2)).toBe('33.33');
    expect(percentOf('2', '3', 2)).toBe('66.67');
    expect(percentOf('1', '8', 2)).toBe('12.50');
    expect(percentOf('1', '16', 1)).toBe('6.3');
    expect(percentOf('-1', '16', 1)).toBe('-6.3');
    expect(percentOf('-250', '1000')).toBe('-25.0');
    expect(percentOf('0.5', '2', 0)).toBe('25');
    expect(percentOf('10', '0')).toBeNull();
  });

  it('refuse what is not a decimal number', () => {
    expect(() => sumDecimals(['1e3'])).toThrow(RangeError);
    expect(() => percentOf('abc', '1')).toThrow(RangeError);
  });
});

describe('money', () => {
  const es = createFormatters('es');
  const en = createFormatters('en');

  it('is shown in the currency given, from the exact decimal', () => {
    expect(es.money('1234.5', 'ARS')).toBe('$\u00a01.234,50');
    expect(en.money('1234.5', 'USD')).toBe('$1,234.50');
    expect(es.money('9007199254740993.01', 'EUR')).toContain('9.007.199.254.740.993,01');
  });

  it('keeps the currency’s ISO decimals and every decimal a unit price has beyond them', () => {
    expect(es.money('1500', 'ARS')).toBe('$\u00a01.500,00');
    expect(en.money('0.86625', 'USD')).toBe('$0.86625');
    expect(en.money('1500', 'CLP')).toBe('CLP\u00a01,500');
    expect(en.money('1.5', 'KWD')).toBe('KWD\u00a01.500');
  });

  it('is a plain number when no currency is known, and nothing when there is no amount', () => {
    expect(es.money('1234.5', undefined)).toBe('1.234,50');
    expect(en.money('1234.5', null)).toBe('1,234.50');
    expect(es.money(null, 'ARS')).toBe('');
    expect(es.money('', 'ARS')).toBe('');
  });
});

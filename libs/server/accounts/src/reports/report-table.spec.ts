import { describe, expect, it } from 'vitest';
import { amountCell, tableCsv } from './report-table.js';

describe('report tables', () => {
  it('writes amounts as numbers only when a double holds them exactly', () => {
    expect(amountCell('1234.50')).toEqual({ value: 1234.5, type: Number });
    expect(amountCell('-0.10')).toEqual({ value: -0.1, type: Number });
    expect(amountCell('1234567890123456.78')).toEqual({
      value: '1234567890123456.78',
      type: String,
    });
    expect(amountCell(null)).toBeNull();
  });

  it('quotes CSV cells that need it', () => {
    const csv = tableCsv({
      title: 't',
      columns: ['Cuenta', 'Saldo'],
      amountColumns: new Set([1]),
      rows: [['Caja, moneda local', '10.5']],
    }).toString();
    expect(csv).toBe('Cuenta,Saldo\n"Caja, moneda local",10.5\n');
  });
});

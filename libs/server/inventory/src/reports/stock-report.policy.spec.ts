import { describe, expect, it } from 'vitest';
import {
  allocateValue,
  daysBefore,
  decodeCursor,
  encodeCursor,
  reportDay,
  reportLimit,
} from './stock-report.policy.js';

describe('stock report policy', () => {
  it('splits a value over warehouses by quantity, to the cent, transit last', () => {
    const parts = allocateValue(
      { quantity: '12', value: '41.00' },
      [
        { warehouseId: 'a', quantity: '7' },
        { warehouseId: 'b', quantity: '3' },
        { warehouseId: 'c', quantity: '1' },
      ],
      'ARS',
    );
    expect(parts).toEqual([
      { warehouseId: 'a', quantity: '7', value: '23.92' },
      { warehouseId: 'b', quantity: '3', value: '10.25' },
      { warehouseId: 'c', quantity: '1', value: '3.42' },
      { warehouseId: null, quantity: '1', value: '3.41' },
    ]);
  });

  it('leaves a value with no quantity anywhere to no warehouse, and skips negative stock', () => {
    expect(allocateValue({ quantity: '0', value: '0.01' }, [], 'ARS')).toEqual([
      { warehouseId: null, quantity: '0', value: '0.01' },
    ]);
    expect(
      allocateValue(
        { quantity: '2', value: '10.00' },
        [
          { warehouseId: 'a', quantity: '3' },
          { warehouseId: 'b', quantity: '-1' },
        ],
        'ARS',
      ),
    ).toEqual([{ warehouseId: 'a', quantity: '3', value: '10.00' }]);
  });

  it('takes cursors it made and days PostgreSQL takes, and nothing else', () => {
    const cursor = encodeCursor(['2026-02-28', '01936b2c-5a00-7000-8000-00000000de30']);
    expect(decodeCursor(cursor, ['day', 'uuid'])).toEqual([
      '2026-02-28',
      '01936b2c-5a00-7000-8000-00000000de30',
    ]);
    for (const bad of [
      encodeCursor(['2026-02-30', '01936b2c-5a00-7000-8000-00000000de30']),
      encodeCursor(['0000-01-01', '01936b2c-5a00-7000-8000-00000000de30']),
      encodeCursor(['2026-02-28']),
      'not json',
    ])
      expect(() => decodeCursor(bad, ['day', 'uuid'])).toThrow('not valid');
    expect(() => reportDay('0000-01-01', 'date')).toThrow('not valid');
    expect(reportDay('2024-02-29', 'date')).toBe('2024-02-29');
    expect(() => reportLimit('201')).toThrow('not valid');
    expect(reportLimit(undefined)).toBe(50);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });
});

import { describe, expect, it } from 'vitest';
import { isUuid, isUuidV7, newId } from './ids.js';

describe('newId', () => {
  it('returns UUIDv7 values that sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it('keeps the order of ids made in the same millisecond, across refills of its random pool', () => {
    const before = Date.now();
    const ids = Array.from({ length: 10_000 }, () => newId());
    const after = Date.now();
    expect(ids.every(isUuidV7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id)).toBe(true);
    // The last 48 bits are random for every id, pool refills included.
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBeGreaterThan(9_990);
    // The first 48 bits are the millisecond it was made (the counter may carry it one on).
    const msecs = (id: string) => parseInt(id.replace('-', '').slice(0, 12), 16);
    expect(msecs(ids[0] as string)).toBeGreaterThanOrEqual(before);
    expect(msecs(ids.at(-1) as string)).toBeLessThanOrEqual(after + 1);
  });

  it('tells UUIDs from other strings', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuidV7('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});

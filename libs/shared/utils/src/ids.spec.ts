import { describe, expect, it } from 'vitest';
import { isUuid, isUuidV7, newId } from './ids.js';

describe('newId', () => {
  it('returns UUIDv7 values that sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it('tells UUIDs from other strings', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuidV7('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});

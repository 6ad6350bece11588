import { describe, expect, it } from 'vitest';
import {
  FILLABLE,
  absorbed,
  assertDistinct,
  assertMergeable,
  type MergedParty,
} from './party-merge.policy.js';

const party = (id: string, fields: Record<string, unknown> = {}): MergedParty =>
  ({
    id,
    name: id,
    status: 'active',
    tags: [] as string[],
    ...Object.fromEntries(FILLABLE.map((f) => [f, null])),
    ...fields,
  }) as MergedParty;

describe('a merge of parties', () => {
  it('refuses a party into itself and a party already merged, on either side', () => {
    expect(() => assertDistinct('a', 'a')).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          issues: [expect.objectContaining({ path: 'intoId', code: 'same_party' })],
        }),
      }),
    );
    expect(() => assertMergeable(party('a'), party('b'))).not.toThrow();
    expect(() => assertMergeable(party('a', { status: 'merged' }), party('b'))).toThrow(
      '"a" was already merged into another party',
    );
    expect(() => assertMergeable(party('a'), party('b', { status: 'merged' }))).toThrow(
      '"b" was already merged into another party',
    );
  });

  it("fills only the survivor's blanks, and keeps both tag sets once each", () => {
    const target = party('t', { email: 't@x.com', phone: null, tags: ['vip', 'norte'] });
    const source = party('s', {
      email: 's@x.com',
      phone: '123',
      website: null,
      tags: ['norte', 'sur'],
    });
    expect(absorbed(target, source)).toEqual({ phone: '123', tags: ['vip', 'norte', 'sur'] });
  });
});

import { DomainError } from '@nexo/platform';
import { describe, expect, it } from 'vitest';
import { assertChangeable, assertConvertible, partyOfLead } from './lead.policy.js';

describe('a lead', () => {
  it('changes and converts until it is converted, then neither', () => {
    for (const status of ['new', 'contacted', 'qualified', 'lost']) {
      expect(() => assertChangeable({ status })).not.toThrow();
      expect(() => assertConvertible({ status })).not.toThrow();
    }
    expect(() => assertChangeable({ status: 'converted' })).toThrow(DomainError);
    expect(() => assertConvertible({ status: 'converted' })).toThrow(
      'This lead was already converted',
    );
  });

  it("becomes its company's party, or its own name's without one", () => {
    expect(partyOfLead({ name: 'Ana', companyName: 'Lácteos Sur' })).toEqual({
      kind: 'organization',
      name: 'Lácteos Sur',
    });
    expect(partyOfLead({ name: 'Ana', companyName: null })).toEqual({
      kind: 'organization',
      name: 'Ana',
    });
  });
});

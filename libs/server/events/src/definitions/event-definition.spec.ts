import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidEventError, defineEvent, type EventEnvelope } from './event-definition.js';

const PartyCreated = defineEvent(
  'crm.party.created',
  2,
  z.strictObject({ name: z.string().min(1), kind: z.enum(['person', 'company']) }),
);

function envelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: '0190f5a0-0000-7000-8000-000000000001',
    tenantId: '0190f5a0-0000-7000-8000-000000000002',
    position: 1,
    type: 'crm.party.created',
    version: 2,
    aggregateType: 'crm.party',
    aggregateId: '0190f5a0-0000-7000-8000-000000000003',
    payload: { name: 'Acme', kind: 'company' },
    requestId: null,
    occurredAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}

describe('defineEvent', () => {
  it('takes the aggregate type from <context>.<entity> unless told', () => {
    expect(PartyCreated.aggregateType).toBe('crm.party');
    expect(
      defineEvent('crm.party.merged', 1, z.object({}), { aggregateType: 'crm.x' }).aggregateType,
    ).toBe('crm.x');
  });

  it('refuses names that are not <context>.<entity>.<verb>, and bad versions', () => {
    for (const bad of [
      'crm.party',
      'crm.party.created.now',
      'CRM.party.created',
      'crm.par ty.created',
      'crm.*.created',
      'crm.>.x',
    ])
      expect(() => defineEvent(bad, 1, z.object({}))).toThrow(InvalidEventError);
    for (const bad of [0, -1, 1.5])
      expect(() => defineEvent('crm.party.created', bad, z.object({}))).toThrow(InvalidEventError);
  });

  it('validates payloads against the versioned schema', () => {
    expect(PartyCreated.validate({ name: 'Acme', kind: 'company' })).toEqual({
      name: 'Acme',
      kind: 'company',
    });
    expect(() => PartyCreated.validate({ name: '', kind: 'company' })).toThrow(InvalidEventError);
    expect(() => PartyCreated.validate({ name: 'Acme', kind: 'company', extra: 1 })).toThrow(
      /Invalid payload for crm\.party\.created v2/,
    );
  });

  it('narrows an envelope only for its own type and version', () => {
    expect(PartyCreated.parse(envelope())?.payload).toEqual({ name: 'Acme', kind: 'company' });
    expect(PartyCreated.parse(envelope({ version: 1 }))).toBeUndefined();
    expect(PartyCreated.parse(envelope({ type: 'crm.party.updated' }))).toBeUndefined();
    expect(() => PartyCreated.parse(envelope({ payload: { name: 'Acme' } }))).toThrow(
      InvalidEventError,
    );
  });
});

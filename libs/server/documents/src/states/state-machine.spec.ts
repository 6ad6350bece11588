import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineStateMachine } from './state-machine.js';

const invoice = defineStateMachine({
  states: ['draft', 'issued', 'paid', 'cancelled'],
  initial: 'draft',
  transitions: {
    issue: { from: ['draft'], to: 'issued', issues: true },
    pay: { from: ['issued'], to: 'paid', action: 'register-payment' },
    cancel: { from: ['issued'], to: 'cancelled' },
    discard: { from: ['draft'], to: 'cancelled' },
  },
});

describe('defineStateMachine', () => {
  it('answers which transitions are open and which action each needs', () => {
    expect(invoice.available('draft')).toEqual(['issue', 'discard']);
    expect(invoice.available('issued')).toEqual(['pay', 'cancel']);
    expect(invoice.available('paid')).toEqual([]);
    expect(invoice.can('paid', 'cancel')).toBe(false);
    expect(invoice.actionOf('pay')).toBe('register-payment');
    expect(invoice.actionOf('issue')).toBe('issue');
  });

  it('refuses specs with unknown states, a way back to drafting or a second number', () => {
    expect(() =>
      defineStateMachine({
        states: ['draft', 'issued'],
        initial: 'draft',
        transitions: { issue: { from: ['draft'], to: 'issud' as 'issued' } },
      }),
    ).toThrow(/unknown state/);
    expect(() =>
      defineStateMachine({
        states: ['draft', 'issued'],
        initial: 'draft',
        transitions: {
          issue: { from: ['draft'], to: 'issued', issues: true },
          reopen: { from: ['issued'], to: 'draft' },
        },
      }),
    ).toThrow(/initial state/);
    expect(() =>
      defineStateMachine({
        states: ['draft', 'issued', 'sent'],
        initial: 'draft',
        transitions: {
          issue: { from: ['draft'], to: 'issued', issues: true },
          send: { from: ['issued'], to: 'sent' },
          reissue: { from: ['sent'], to: 'issued', issues: true },
        },
      }),
    ).toThrow(/already issued/);
  });

  it('property: any walk issues at most once and never leaves the issued states', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...invoice.names), { maxLength: 30 }), (walk) => {
        let state: (typeof invoice.states)[number] = invoice.initial;
        let issuedTimes = 0;
        let issued = false;
        for (const t of walk) {
          if (!invoice.can(state, t)) continue;
          if (invoice.transitions[t].issues) issuedTimes += 1;
          state = invoice.transitions[t].to;
          if (issuedTimes > 0) issued = true;
          if (issued) expect(state).not.toBe('draft');
        }
        expect(issuedTimes).toBeLessThanOrEqual(1);
      }),
    );
  });
});

import { decimal, decimalString } from '@nexo/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consume, issueAtAverage, issueFifo, receive, type OpenLayer } from './valuation.policy.js';

const quantity = fc.integer({ min: 1, max: 500 }).map((n) => decimal(String(n)));
const unitCost = fc.integer({ min: 1, max: 9_999_999 }).map((n) => decimal(String(n)).div(1000));

/** Nothing is created or lost by rounding: what goes out plus what stays is what came in. */
describe('valuation policy', () => {
  it('FIFO: the takes of every issue plus what the layers keep equal what they held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(quantity, unitCost), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 10 }),
        (received, issues) => {
          let layers: OpenLayer[] = received.map(([q, c], i) => ({
            id: String(i),
            remainingQuantity: q,
            remainingValue: q.times(c).toDecimalPlaces(2),
            unitCost: c,
          }));
          const total = layers.reduce((s, l) => s.plus(l.remainingValue), decimal('0'));
          let out = decimal('0');
          for (const n of issues) {
            const left = layers.reduce((s, l) => s.plus(l.remainingQuantity), decimal('0'));
            const q = decimal(String(n));
            if (q.gt(left)) continue;
            const taken = issueFifo(layers, q, decimal('0'), 2);
            expect(decimalString(taken.uncovered)).toBe('0');
            for (const t of taken.takes) {
              const layer = layers.find((l) => l.id === t.layerId)!;
              expect(t.quantity.lte(layer.remainingQuantity)).toBe(true);
            }
            layers = consume(layers, taken.takes);
            out = out.plus(taken.value);
          }
          const kept = layers.reduce((s, l) => s.plus(l.remainingValue), decimal('0'));
          expect(decimalString(out.plus(kept))).toBe(decimalString(total));
          // An emptied layer keeps no value, not even a cent of rounding.
          for (const l of layers)
            if (l.remainingQuantity.isZero()) expect(decimalString(l.remainingValue)).toBe('0');
        },
      ),
    );
  });

  it('average: issuing all the stock in any pieces takes exactly its value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(quantity, unitCost), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 12 }),
        (received, pieces) => {
          let state = { quantity: decimal('0'), value: decimal('0'), unitCost: decimal('0') };
          for (const [q, c] of received) state = receive(state, q, q.times(c).toDecimalPlaces(2));
          const value = state.value;
          let out = decimal('0');
          for (const n of pieces) {
            if (state.quantity.isZero()) break;
            const q = decimal(String(n));
            const issued = issueAtAverage(state, q.gt(state.quantity) ? state.quantity : q, 2);
            out = out.plus(issued.value);
            state = issued.state;
          }
          if (!state.quantity.isZero())
            out = out.plus(issueAtAverage(state, state.quantity, 2).value);
          expect(decimalString(out)).toBe(decimalString(value));
        },
      ),
    );
  });

  it('values what no layer covers at the fallback cost, and says how much that was', () => {
    const layers: OpenLayer[] = [
      {
        id: 'a',
        remainingQuantity: decimal('2'),
        remainingValue: decimal('3.33'),
        unitCost: decimal('1.665'),
      },
    ];
    const taken = issueFifo(layers, decimal('5'), decimal('2'), 2);
    expect(decimalString(taken.uncovered)).toBe('3');
    expect(decimalString(taken.value)).toBe('9.33');
  });
});

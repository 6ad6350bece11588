import { decimal, Decimal, Money } from '@nexo/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaxDefinition } from './tax.js';
import { computeDocument, type DocumentInput, type DocumentTotals } from './tax-engine.js';

const tax = (id: string, over: Partial<TaxDefinition> = {}): TaxDefinition => ({
  id,
  code: id,
  name: id,
  kind: 'vat',
  computation: 'percent',
  rate: '21',
  ...over,
});
const IVA21 = tax('iva21');
const IVA105 = tax('iva105', { rate: '10.5' });
const EXENTO = tax('exento', { kind: 'exempt', rate: '0' });
const IVA21_INC = tax('iva21-inc', { includedInPrice: true });
const RE52 = tax('re52', { kind: 'other', rate: '5.2' });
const IRPF15 = tax('irpf15', { kind: 'withholding', rate: '15' });
const IIBB = tax('iibb', { kind: 'perception', rate: '3', threshold: '1000', minimumTax: '10' });
const INTERNO = tax('interno', { kind: 'excise', computation: 'fixed', rate: '0', amount: '0.3' });

/** The figures as strings, for readable expectations. */
const figures = (d: DocumentTotals) => ({
  net: d.net.toString(),
  taxes: d.taxes.toString(),
  withheld: d.withheld.toString(),
  rounding: d.rounding.toString(),
  total: d.total.toString(),
  breakdown: d.breakdown.map((b) => [b.code, b.base.toString(), b.amount.toString()]),
});

describe('computeDocument', () => {
  it('totals an Argentine factura A: two VAT rates, an exempt line, discounts, a perception', () => {
    const doc = computeDocument({
      currency: 'ARS',
      lines: [
        { quantity: '3', unitPrice: '1234.56', discountPercent: '10', taxes: [IVA21] },
        { quantity: '2.5', unitPrice: '800', taxes: [IVA105] },
        { quantity: '1', unitPrice: '150', taxes: [EXENTO] },
      ],
      discountPercent: '2.5',
      documentTaxes: [IIBB],
    });
    // 3 × 1234.56 × 0.9 × 0.975 = 3249.9792 → 3249.98; 2000 × 0.975 = 1950; 150 × 0.975 = 146.25
    // IVA 21: 682.4958 → 682.50; IVA 10.5: 204.75; IIBB 3 % of 5346.23: 160.3869 → 160.39
    expect(figures(doc)).toEqual({
      net: '5346.23',
      taxes: '1047.64',
      withheld: '0.00',
      rounding: '0.00',
      total: '6393.87',
      breakdown: [
        ['iva21', '3249.98', '682.50'],
        ['iva105', '1950.00', '204.75'],
        ['exento', '146.25', '0.00'],
        ['iibb', '5346.23', '160.39'],
      ],
    });
    expect(doc.lines[0]?.discount.toString()).toBe('453.70');
  });

  it('totals a Spanish invoice with recargo de equivalencia and a professional’s IRPF', () => {
    const retailer = computeDocument({
      currency: 'EUR',
      lines: [{ quantity: '4', unitPrice: '25', taxes: [IVA21, RE52] }],
    });
    expect(figures(retailer)).toMatchObject({ net: '100.00', taxes: '26.20', total: '126.20' });
    const professional = computeDocument({
      currency: 'EUR',
      lines: [{ quantity: '10', unitPrice: '100', taxes: [IVA21] }],
      documentTaxes: [IRPF15],
    });
    expect(figures(professional)).toEqual({
      net: '1000.00',
      taxes: '210.00',
      withheld: '150.00',
      rounding: '0.00',
      total: '1060.00',
      breakdown: [
        ['iva21', '1000.00', '210.00'],
        ['irpf15', '1000.00', '150.00'],
      ],
    });
  });

  it('takes included taxes out of the price so the customer pays the price shown', () => {
    const doc = computeDocument({
      currency: 'ARS',
      lines: [{ quantity: '1', unitPrice: '121', taxes: [IVA21_INC] }],
    });
    expect(figures(doc)).toMatchObject({ net: '100.00', taxes: '21.00', total: '121.00' });
    const withExcise = computeDocument({
      currency: 'ARS',
      lines: [
        {
          quantity: '10',
          unitPrice: '12.4',
          taxes: [{ ...INTERNO, includedInPrice: true }, IVA21_INC],
        },
      ],
    });
    // 124 − 3 (excise) = 121 = base × 1.21 → base 100
    expect(figures(withExcise)).toMatchObject({ net: '100.00', taxes: '24.00', total: '124.00' });
  });

  it('shows what per-document rounding leaves as its own figure', () => {
    const lines = [1, 2, 3].map(() => ({ quantity: '1', unitPrice: '0.10', taxes: [IVA21_INC] }));
    const perLine = computeDocument({ currency: 'ARS', lines });
    const perDocument = computeDocument({ currency: 'ARS', lines, rounding: 'document' });
    expect(figures(perLine)).toMatchObject({
      net: '0.24',
      taxes: '0.06',
      rounding: '0.00',
      total: '0.30',
    });
    expect(figures(perDocument)).toMatchObject({
      net: '0.24',
      taxes: '0.05',
      rounding: '0.01',
      total: '0.30',
    });
    const excluded = computeDocument({
      currency: 'ARS',
      lines: [1, 2, 3].map(() => ({ quantity: '1', unitPrice: '0.08', taxes: [IVA21] })),
      rounding: 'document',
    });
    expect(figures(excluded)).toMatchObject({ taxes: '0.05', rounding: '0.00', total: '0.29' });
  });

  it('applies perceptions only from their threshold and minimum, and half-even where asked', () => {
    const small = computeDocument({
      currency: 'ARS',
      lines: [{ quantity: '1', unitPrice: '999.99', taxes: [IVA21] }],
      documentTaxes: [IIBB],
    });
    expect(small.breakdown.map((b) => b.code)).toEqual(['iva21']);
    const even = computeDocument({
      currency: 'ARS',
      lines: [{ quantity: '1', unitPrice: '0.125', taxes: [EXENTO] }],
      roundingMode: 'half-even',
    });
    expect(even.net.toString()).toBe('0.12');
    const clp = computeDocument({
      currency: 'CLP',
      lines: [{ quantity: '3', unitPrice: '999.5', taxes: [tax('iva19', { rate: '19' })] }],
    });
    expect(figures(clp)).toMatchObject({ net: '2999', taxes: '570', total: '3569' });
  });
});

// ————— properties —————

const decimalArb = (places: number, min: bigint, max: bigint) =>
  fc
    .bigInt({ min, max })
    .map((n) => new Decimal(n.toString()).dividedBy(new Decimal(10).pow(places)).toFixed());
const LINE_TAXES = [
  IVA21,
  IVA105,
  EXENTO,
  IVA21_INC,
  RE52,
  INTERNO,
  tax('iva27-inc', { rate: '27', includedInPrice: true }),
];
const lineArb = fc.record({
  quantity: decimalArb(3, 1n, 1_000_000n),
  unitPrice: decimalArb(4, 0n, 100_000_000n),
  discountPercent: fc.option(decimalArb(2, 0n, 10_000n), { nil: null }),
  taxes: fc.subarray(LINE_TAXES, { minLength: 0, maxLength: 3 }),
});
const documentArb = fc.record({
  currency: fc.constantFrom('ARS', 'EUR', 'CLP', 'KWD'),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 15 }),
  discountPercent: fc.option(decimalArb(2, 0n, 5_000n), { nil: null }),
  documentTaxes: fc.subarray([IIBB, IRPF15]),
  rounding: fc.constantFrom('line' as const, 'document' as const),
  roundingMode: fc.constantFrom('half-up' as const, 'half-even' as const),
}) satisfies fc.Arbitrary<DocumentInput>;

describe('computeDocument properties', () => {
  it('the breakdown always sums to the total, and every figure is rounded', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const doc = computeDocument(input);
        const c = input.currency;
        const signed = doc.breakdown.map((b) =>
          b.kind === 'withholding' ? b.amount.negated() : b.amount,
        );
        expect(doc.net.plus(Money.sum(signed, c)).plus(doc.rounding).equals(doc.total)).toBe(true);
        expect(
          doc.net.plus(doc.taxes).minus(doc.withheld).plus(doc.rounding).equals(doc.total),
        ).toBe(true);
        const all = [doc.net, doc.taxes, doc.withheld, doc.rounding, doc.total];
        for (const l of doc.lines)
          all.push(l.gross, l.discount, l.net, l.total, ...l.taxes.map((t) => t.amount));
        for (const b of doc.breakdown) all.push(b.base, b.amount);
        expect(all.every((m) => m.isRounded() && m.currency === c)).toBe(true);
        expect(
          Money.sum(
            doc.lines.map((l) => l.net),
            c,
          ).equals(doc.net),
        ).toBe(true);
        if (input.rounding === 'line') {
          expect(doc.rounding.isZero()).toBe(true);
          const documentLevel = Money.sum(
            doc.breakdown.filter((b) => b.kind === 'perception').map((b) => b.amount),
            c,
          );
          const lines = Money.sum(
            doc.lines.map((l) => l.total),
            c,
          );
          expect(lines.plus(documentLevel).minus(doc.withheld).equals(doc.total)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('in document rounding, prices that include their taxes still add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          lineArb.map((l) => ({ ...l, taxes: [IVA21_INC] })),
          { minLength: 1, maxLength: 20 },
        ),
        (lines) => {
          const doc = computeDocument({ currency: 'ARS', lines, rounding: 'document' });
          const shown = Money.sum(
            lines.map((l) =>
              Money.of(decimal(l.quantity).times(l.unitPrice), 'ARS')
                .times(
                  decimal('100')
                    .minus(l.discountPercent ?? '0')
                    .dividedBy(100),
                )
                .round(),
            ),
            'ARS',
          );
          expect(doc.total.equals(shown)).toBe(true);
          const iva = doc.breakdown[0];
          const exact = doc.lines
            .reduce((a, l) => a.plus(l.total.amount), new Decimal(0))
            .dividedBy('1.21');
          expect(
            iva?.amount.amount.minus(exact.times('0.21')).abs().lessThanOrEqualTo('0.005'),
          ).toBe(true);
        },
      ),
    );
  });

  it('included and excluded prices give the same total for the same net', () => {
    const rates = ['21', '10.5', '27', '4', '5', '19', '16'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(decimalArb(2, 0n, 10_000_000n), fc.constantFrom(...rates)), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (lines, roundingMode) => {
          const excluded = computeDocument({
            currency: 'EUR',
            roundingMode,
            lines: lines.map(([net, rate]) => ({
              quantity: '1',
              unitPrice: net,
              taxes: [tax(`t${rate}`, { rate })],
            })),
          });
          const included = computeDocument({
            currency: 'EUR',
            roundingMode,
            lines: lines.map(([net, rate]) => ({
              quantity: '1',
              unitPrice: decimal(net).times(decimal(rate).dividedBy(100).plus(1)).toFixed(),
              taxes: [tax(`t${rate}`, { rate, includedInPrice: true })],
            })),
          });
          expect(included.total.equals(excluded.total)).toBe(true);
          expect(included.net.equals(excluded.net)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

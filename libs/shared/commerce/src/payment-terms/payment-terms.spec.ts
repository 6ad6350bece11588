import { Decimal, Money } from '@nexo/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, endOfMonth, isEndOfMonth } from './calendar.js';
import { dueDates, PaymentTermsSchema, type PaymentTerms } from './payment-terms.js';

const ars = (amount: string) => Money.of(amount, 'ARS');
const plain = (schedule: ReturnType<typeof dueDates>) =>
  schedule.installments.map((i) => [i.dueDate, i.amount.toString()]);
const terms = (input: unknown) => PaymentTermsSchema.parse(input);

describe('calendar', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2023-01-31', 30)).toBe('2023-03-02');
    expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
  });

  it('finds the end of a month, February included', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2023-02-10')).toBe('2023-02-28');
    expect(endOfMonth('1900-02-01')).toBe('1900-02-28');
    expect(endOfMonth('2000-02-01')).toBe('2000-02-29');
    expect(endOfMonth('2024-04-30')).toBe('2024-04-30');
    expect(endOfMonth('2024-12-01')).toBe('2024-12-31');
  });

  it('refuses dates that do not exist', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(/Not a date/);
    expect(() => addDays('2024-13-01', 1)).toThrow(/Not a date/);
    expect(() => addDays('2024-1-01', 1)).toThrow(/Not a date/);
  });
});

describe('PaymentTermsSchema', () => {
  it('takes net, end of month and installments with an early-payment discount', () => {
    expect(terms({ kind: 'net', days: 30 })).toEqual({ kind: 'net', days: 30 });
    expect(
      terms({ kind: 'end-of-month', days: 10, earlyPaymentDiscount: { percent: '2', days: 10 } }),
    ).toMatchObject({ kind: 'end-of-month' });
    expect(
      terms({
        kind: 'installments',
        installments: [
          { percent: '33.33', days: 30 },
          { percent: '33.33', days: 60 },
          { percent: '33.34', days: 90 },
        ],
      }),
    ).toMatchObject({ kind: 'installments' });
  });

  it('refuses percentages that do not sum to exactly 100', () => {
    const result = PaymentTermsSchema.safeParse({
      kind: 'installments',
      installments: [
        { percent: '33.33', days: 30 },
        { percent: '33.33', days: 60 },
        { percent: '33.33', days: 90 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('The percentages must sum to exactly 100');
  });

  it('refuses floats, more than 6 decimals, 0 % and days out of order', () => {
    const bad = [
      { kind: 'installments', installments: [{ percent: 100, days: 0 }] },
      { kind: 'installments', installments: [{ percent: '100.0000001', days: 0 }] },
      {
        kind: 'installments',
        installments: [
          { percent: '0', days: 0 },
          { percent: '100', days: 30 },
        ],
      },
      {
        kind: 'installments',
        installments: [
          { percent: '50', days: 60 },
          { percent: '50', days: 30 },
        ],
      },
      { kind: 'net', days: -1 },
      { kind: 'net', days: 1.5 },
      { kind: 'net', days: 30, earlyPaymentDiscount: { percent: '101', days: 10 } },
      { kind: 'net', days: 30, extra: true },
      // Junk is refused, not thrown on (zod refines even after a failed regex).
      { kind: 'installments', installments: [{ percent: 'construct', days: 0 }] },
      { kind: 'net', days: 30, earlyPaymentDiscount: { percent: 'NeN', days: 10 } },
    ];
    for (const input of bad) expect(PaymentTermsSchema.safeParse(input).success).toBe(false);
  });
});

describe('dueDates', () => {
  it('net N days', () => {
    expect(plain(dueDates(terms({ kind: 'net', days: 30 }), '2024-01-31', ars('1000')))).toEqual([
      ['2024-03-01', '1000.00'],
    ]);
    expect(plain(dueDates(terms({ kind: 'net', days: 0 }), '2024-05-05', ars('1.005')))).toEqual([
      ['2024-05-05', '1.01'],
    ]);
  });

  it('end of month plus N days, February of a leap year', () => {
    const eom = terms({ kind: 'end-of-month', days: 0 });
    expect(plain(dueDates(eom, '2024-02-01', ars('10')))).toEqual([['2024-02-29', '10.00']]);
    expect(plain(dueDates(eom, '2023-02-28', ars('10')))).toEqual([['2023-02-28', '10.00']]);
    const eom15 = terms({ kind: 'end-of-month', days: 15 });
    expect(plain(dueDates(eom15, '2024-12-20', ars('10')))).toEqual([['2025-01-15', '10.00']]);
  });

  it('30/60/90 in thirds: the cents left go where the remainders are largest', () => {
    const thirds = terms({
      kind: 'installments',
      installments: [
        { percent: '33.33', days: 30 },
        { percent: '33.33', days: 60 },
        { percent: '33.34', days: 90 },
      ],
    });
    expect(plain(dueDates(thirds, '2024-01-15', ars('100')))).toEqual([
      ['2024-02-14', '33.33'],
      ['2024-03-15', '33.33'],
      ['2024-04-14', '33.34'],
    ]);
    expect(plain(dueDates(thirds, '2024-01-15', ars('1000.01')))).toEqual([
      ['2024-02-14', '333.30'],
      ['2024-03-15', '333.30'],
      ['2024-04-14', '333.41'],
    ]);
    // CLP has no decimals: the parts are whole pesos.
    const clp = dueDates(thirds, '2024-01-15', Money.of('1000', 'CLP'));
    expect(clp.installments.map((i) => i.amount.toString())).toEqual(['333', '333', '334']);
  });

  it('rounds an unrounded total first, half-up or half-even', () => {
    const half = terms({
      kind: 'installments',
      installments: [
        { percent: '50', days: 0 },
        { percent: '50', days: 30 },
      ],
    });
    expect(plain(dueDates(half, '2024-01-01', ars('10.125')))).toEqual([
      ['2024-01-01', '5.07'],
      ['2024-01-31', '5.06'],
    ]);
    expect(plain(dueDates(half, '2024-01-01', ars('10.125'), 'half-even'))).toEqual([
      ['2024-01-01', '5.06'],
      ['2024-01-31', '5.06'],
    ]);
  });

  it('offers the early-payment discount with its date and amount', () => {
    const schedule = dueDates(
      terms({ kind: 'net', days: 60, earlyPaymentDiscount: { percent: '2.5', days: 10 } }),
      '2024-02-25',
      ars('1234.57'),
    );
    expect(plain(schedule)).toEqual([['2024-04-25', '1234.57']]);
    expect(schedule.earlyPayment?.dueDate).toBe('2024-03-06');
    expect(schedule.earlyPayment?.discount.toString()).toBe('30.86');
    expect(schedule.earlyPayment?.amount.toString()).toBe('1203.71');
    expect(dueDates(terms({ kind: 'net', days: 1 }), '2024-01-01', ars('1')).earlyPayment).toBe(
      undefined,
    );
  });

  it('refuses a document date that does not exist', () => {
    expect(() => dueDates(terms({ kind: 'net', days: 1 }), '2023-02-29', ars('1'))).toThrow(
      /Not a date/,
    );
  });
});

// ————— properties —————

const dateArb = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const currencyArb = fc.constantFrom('ARS', 'EUR', 'USD', 'CLP', 'KWD');
/** Up to 4 decimals, whatever the currency keeps: the total is rounded first. */
const totalArb = fc
  .bigInt({ min: -(10n ** 16n), max: 10n ** 16n })
  .map((n) => new Decimal(n.toString()).dividedBy(10_000).toFixed());
const daysArb = fc.integer({ min: 0, max: 3650 });
/** Percentages with up to 6 decimals, each > 0, summing to exactly 100. */
const percentsArb = fc
  .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
  .map((weights) => {
    const scale = 100_000_000n; // 100 with 6 decimals
    const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
    const parts = weights.map((w) => (BigInt(w) * scale) / sum);
    parts[parts.length - 1]! += scale - parts.reduce((a, b) => a + b, 0n);
    return parts;
  })
  .filter((parts) => parts.every((p) => p > 0n))
  .map((parts) => parts.map((p) => new Decimal(p.toString()).dividedBy(1_000_000).toFixed()));
const installmentsArb = percentsArb.chain((percents) =>
  fc
    .array(daysArb, { minLength: percents.length, maxLength: percents.length })
    .map((days) => days.sort((a, b) => a - b))
    .map((days) => ({
      kind: 'installments' as const,
      installments: percents.map((percent, i) => ({ percent, days: days[i]! })),
    })),
);
const termsArb: fc.Arbitrary<PaymentTerms> = fc.oneof(
  daysArb.map((days) => ({ kind: 'net' as const, days })),
  daysArb.map((days) => ({ kind: 'end-of-month' as const, days })),
  installmentsArb,
);

describe('dueDates, properties', () => {
  it('generated terms are valid terms', () => {
    fc.assert(fc.property(termsArb, (t) => PaymentTermsSchema.safeParse(t).success));
  });

  it('the installments always sum to the rounded total, each rounded to the currency', () => {
    fc.assert(
      fc.property(termsArb, dateArb, totalArb, currencyArb, (t, date, amount, currency) => {
        const total = Money.of(amount, currency);
        const { installments } = dueDates(t, date, total);
        const sum = Money.sum(
          installments.map((i) => i.amount),
          currency,
        );
        expect(sum.equals(total.round())).toBe(true);
        for (const i of installments) expect(i.amount.isRounded()).toBe(true);
      }),
    );
  });

  it('due dates are non-decreasing and never before the document date', () => {
    fc.assert(
      fc.property(termsArb, dateArb, (t, date) => {
        const dates = dueDates(t, date, Money.of('100', 'ARS')).installments.map((i) => i.dueDate);
        expect(dates[0]! >= date).toBe(true);
        for (let i = 1; i < dates.length; i++) expect(dates[i]! >= dates[i - 1]!).toBe(true);
      }),
    );
  });

  it('end of month lands on the last day of a month plus N days', () => {
    fc.assert(
      fc.property(daysArb, dateArb, (days, date) => {
        const [due] = dueDates(
          { kind: 'end-of-month', days },
          date,
          Money.of('1', 'ARS'),
        ).installments;
        const monthEnd = addDays(due!.dueDate, -days);
        expect(isEndOfMonth(monthEnd)).toBe(true);
        expect(monthEnd.slice(0, 7)).toBe(date.slice(0, 7));
      }),
    );
  });

  it('the early-payment amount plus its discount is the rounded total', () => {
    fc.assert(
      fc.property(
        dateArb,
        totalArb,
        currencyArb,
        percentsArb.map((p) => p[0]!),
        (date, amount, currency, percent) => {
          const total = Money.of(amount, currency);
          const { earlyPayment } = dueDates(
            { kind: 'net', days: 30, earlyPaymentDiscount: { percent, days: 10 } },
            date,
            total,
          );
          expect(earlyPayment!.amount.plus(earlyPayment!.discount).equals(total.round())).toBe(
            true,
          );
          expect(earlyPayment!.discount.isRounded()).toBe(true);
        },
      ),
    );
  });
});

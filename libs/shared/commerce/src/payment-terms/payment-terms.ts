import { decimal, Decimal, type Money, type RoundingMode } from '@nexo/utils';
import { z } from 'zod';
import { addDays, endOfMonth, isDate } from './calendar.js';

/** Days after the document date (or after its month's end): up to ten years. */
const DaysSchema = z.number().int().min(0).max(3650);

/**
 * A percentage as a decimal string as a `numeric(9,6)` column holds it: greater than 0, at
 * most 100, at most 6 decimals ("33.333333"). Strings, not numbers, so no float rounds it.
 */
const PercentSchema = z
  .string()
  // `abort`: zod runs a refinement even after a failed check, and `decimal()` throws on junk.
  .regex(/^\d{1,3}(\.\d{1,6})?$/, {
    message: 'A percentage with at most 6 decimals, such as 33.33',
    abort: true,
  })
  .refine((v) => decimal(v).greaterThan(0) && decimal(v).lessThanOrEqualTo(100), {
    message: 'Must be greater than 0 and at most 100',
  });

/** A discount for paying the whole document within `days` of its date. */
export const EarlyPaymentDiscountSchema = z.strictObject({
  percent: PercentSchema,
  days: DaysSchema,
});
export type EarlyPaymentDiscount = z.infer<typeof EarlyPaymentDiscountSchema>;

/** One part of an installment plan: `percent` of the total, due `days` after the document date. */
export const InstallmentSchema = z.strictObject({
  percent: PercentSchema,
  days: DaysSchema,
});
export type Installment = z.infer<typeof InstallmentSchema>;

const earlyPaymentDiscount = EarlyPaymentDiscountSchema.optional();

/**
 * How a document is paid:
 * - `net`: all of it `days` after the document date (`days: 0` is cash);
 * - `end-of-month`: all of it `days` after the last day of the document's month;
 * - `installments`: parts by percentage (summing exactly to 100), each due its `days` after
 *   the document date, in order (30/60/90 with 33.33/33.33/33.34);
 * and, for any of them, an optional discount for early payment.
 */
export const PaymentTermsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('net'), days: DaysSchema, earlyPaymentDiscount }),
  z.strictObject({ kind: z.literal('end-of-month'), days: DaysSchema, earlyPaymentDiscount }),
  z.strictObject({
    kind: z.literal('installments'),
    installments: z
      .array(InstallmentSchema)
      .min(1)
      .max(60)
      .refine(
        (parts) => {
          const sum = parts.reduce((s, p) => s.plus(safeDecimal(p.percent)), new Decimal(0));
          return sum.equals(100);
        },
        { message: 'The percentages must sum to exactly 100' },
      )
      .refine((parts) => parts.every((p, i) => i === 0 || p.days >= parts[i - 1]!.days), {
        message: 'Installments must be in order of their days',
      }),
    earlyPaymentDiscount,
  }),
]);
export type PaymentTerms = z.infer<typeof PaymentTermsSchema>;

// A malformed percentage is reported by its own schema; here it only must not throw.
function safeDecimal(v: string): Decimal {
  try {
    return decimal(v);
  } catch {
    return new Decimal(NaN);
  }
}

/** An amount due on a date. */
export interface DueAmount {
  readonly dueDate: string;
  readonly amount: Money;
}

/** The early-payment offer: pay `amount` (the total less `discount`) by `dueDate`. */
export interface EarlyPayment {
  readonly dueDate: string;
  readonly percent: string;
  readonly discount: Money;
  readonly amount: Money;
}

export interface PaymentSchedule {
  /** In order of date; the amounts sum to the total rounded to its currency's minor unit. */
  readonly installments: DueAmount[];
  readonly earlyPayment?: EarlyPayment;
}

/**
 * When and how much of `total` is due under `terms` for a document dated `documentDate`
 * ('YYYY-MM-DD'), exact to the minor unit: the total is rounded with `mode`, and the
 * installments split it with `Money.allocate` by their percentages, so they always sum to
 * it. Dates are calendar days (UTC); end of month knows February in leap years.
 */
export function dueDates(
  terms: PaymentTerms,
  documentDate: string,
  total: Money,
  mode: RoundingMode = 'half-up',
): PaymentSchedule {
  if (!isDate(documentDate)) throw new RangeError(`Not a date (YYYY-MM-DD): "${documentDate}"`);
  const rounded = total.round(mode);
  let installments: DueAmount[];
  switch (terms.kind) {
    case 'net':
      installments = [{ dueDate: addDays(documentDate, terms.days), amount: rounded }];
      break;
    case 'end-of-month':
      installments = [{ dueDate: addDays(endOfMonth(documentDate), terms.days), amount: rounded }];
      break;
    case 'installments': {
      const amounts = rounded.allocate(
        terms.installments.map((p) => p.percent),
        mode,
      );
      installments = terms.installments.map((p, i) => ({
        dueDate: addDays(documentDate, p.days),
        amount: amounts[i]!,
      }));
      break;
    }
  }
  const offer = terms.earlyPaymentDiscount;
  if (!offer) return { installments };
  const discount = rounded.percent(offer.percent).round(mode);
  return {
    installments,
    earlyPayment: {
      dueDate: addDays(documentDate, offer.days),
      percent: offer.percent,
      discount,
      amount: rounded.minus(discount),
    },
  };
}

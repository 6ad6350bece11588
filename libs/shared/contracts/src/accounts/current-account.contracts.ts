import { z } from 'zod';
import { AmountSchema, DateOnlySchema } from '../common/values.js';

export const OpenItemSchema = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    number: z.string(),
    /** `debit`: the party owes it (an invoice); `credit`: owed to them (a payment). */
    side: z.enum(['debit', 'credit']),
    currency: z.string(),
    amountCurrency: z.string(),
    /** What is open on the day asked for, in the item's currency. */
    open: z.string(),
    documentDate: z.string(),
    dueDate: z.string(),
    sourceType: z.string().nullable(),
    sourceId: z.uuid().nullable(),
    description: z.string().nullable(),
  })
  .meta({ id: 'OpenItem' });

export const CurrentAccountQuerySchema = z.object({
  asOf: DateOnlySchema.optional(),
  /** `all`: settled items too. */
  items: z.enum(['open', 'all']).optional(),
});

export const CurrentAccountSchema = z
  .object({
    partyId: z.uuid(),
    asOf: z.string(),
    /** Per currency: debits positive (the party owes), credits negative. */
    balances: z.array(z.object({ currency: z.string(), balance: z.string() })),
    items: z.array(OpenItemSchema),
  })
  .meta({ id: 'CurrentAccount' });

export const AllocateInputSchema = z.strictObject({
  date: DateOnlySchema.optional(),
  allocations: z
    .array(
      z.strictObject({
        debitItemId: z.uuid(),
        creditItemId: z.uuid(),
        /** In the items' currency; what is open on both when left out. */
        amount: AmountSchema.optional(),
      }),
    )
    .min(1)
    .max(200),
});

export const AllocationSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    debitItemId: z.uuid(),
    creditItemId: z.uuid(),
    currency: z.string(),
    amountCurrency: z.string(),
    amountDebit: z.string(),
    amountCredit: z.string(),
    allocatedOn: z.string(),
    undoesId: z.uuid().nullable(),
    exchangeEntryId: z.uuid().nullable(),
  })
  .meta({ id: 'Allocation' });

export const UndoAllocationInputSchema = z.strictObject({ date: DateOnlySchema.optional() });

/** How money came in or went out; each method books to its own account. */
export const PAYMENT_METHODS = ['cash', 'transfer', 'card', 'cheque', 'withholding'] as const;

export const RecordPaymentInputSchema = z.strictObject({
  partyId: z.uuid(),
  date: DateOnlySchema,
  description: z.string().trim().max(500).optional(),
  /** The money, by method: a cheque to the portfolio, a withholding to its tax account. */
  methods: z
    .array(
      z.strictObject({
        method: z.enum(PAYMENT_METHODS),
        amount: AmountSchema,
        /** A cash or bank account of the chart; the method's default account when left out. */
        accountId: z.uuid().optional(),
        /** Cheque number and bank, withholding certificate: kept on the line's description. */
        reference: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(50),
  /** The documents it settles (invoices for a receipt, bills for a payment), in order. */
  settles: z
    .array(z.strictObject({ itemId: z.uuid(), amount: AmountSchema.optional() }))
    .max(200)
    .optional(),
});
export type RecordPaymentInput = z.infer<typeof RecordPaymentInputSchema>;

export const PaymentRecordSchema = z
  .object({
    entryId: z.uuid(),
    number: z.string(),
    /** The receipt's (or payment's) own open item: what is left on account. */
    itemId: z.uuid(),
    total: z.string(),
    unallocated: z.string(),
    allocations: z.array(AllocationSchema),
  })
  .meta({ id: 'PaymentRecord' });

export const RevaluationInputSchema = z.strictObject({
  /** The day whose rates restate what is open in foreign currencies; reversed the next day. */
  date: DateOnlySchema,
});

export const RevaluationSchema = z
  .object({
    date: z.string(),
    /** Null when nothing needed restating. */
    entryId: z.uuid().nullable(),
    reversalId: z.uuid().nullable(),
    lines: z.array(
      z.object({
        partyId: z.uuid(),
        accountId: z.uuid(),
        currency: z.string(),
        /** What is open in the currency, signed (debits positive). */
        open: z.string(),
        rate: z.string(),
        /** The company-currency value before and after. */
        booked: z.string(),
        revalued: z.string(),
        difference: z.string(),
      }),
    ),
  })
  .meta({ id: 'Revaluation' });

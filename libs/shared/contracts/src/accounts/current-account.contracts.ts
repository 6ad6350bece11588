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

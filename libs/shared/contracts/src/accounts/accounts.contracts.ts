import { z } from 'zod';

export const ACCOUNT_TYPES = [
  'asset',
  'receivable',
  'bank',
  'cash',
  'liability',
  'payable',
  'equity',
  'income',
  'expense',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** An account of the chart as the API returns it. */
export const AccountSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    /** Receivable and payable lines name their party; bank and cash hold money. */
    type: z.enum(ACCOUNT_TYPES),
    parentId: z.uuid().nullable(),
    /** A heading groups accounts and takes no entries. */
    heading: z.boolean(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'Account' });

export const CreateAccountInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z.\-]{0,31}$/, 'Digits, letters, dots and dashes; up to 32'),
  name: z.string().trim().min(1).max(200),
  type: z.enum(ACCOUNT_TYPES),
  parentId: z.uuid().nullable().optional(),
  heading: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type CreateAccountInput = z.infer<typeof CreateAccountInputSchema>;
export const UpdateAccountInputSchema = CreateAccountInputSchema.partial();
export type UpdateAccountInput = z.infer<typeof UpdateAccountInputSchema>;

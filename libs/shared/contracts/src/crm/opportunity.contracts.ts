import { z } from 'zod';
import { CustomValuesSchema } from '../custom-fields/custom-field.contracts.js';
import {
  AmountSchema,
  amountDecimalsIssue,
  CurrencySchema,
  DateOnlySchema,
} from '../common/values.js';
import { Text } from './crm.shared.js';
import { PipelineSchema } from './pipeline.contracts.js';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;

/** An amount has no more decimals than its currency keeps (both given). */
export function amountInCurrency(
  v: { amount?: string | undefined; currency?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.amount === undefined || v.currency === undefined) return;
  const issue = amountDecimalsIssue(v.amount, v.currency);
  if (issue) ctx.addIssue({ code: 'custom', path: ['amount'], message: issue });
}

/** The fields of a new opportunity, before the amount's check against its currency. */
export const OpportunityFieldsSchema = z.strictObject({
  title: Text(200),
  partyId: z.uuid().optional(),
  /** The default pipeline's first stage when absent. */
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  /** In `currency`, with at most its decimals (ISO 4217: none for CLP). */
  amount: AmountSchema.default('0'),
  currency: CurrencySchema,
  expectedCloseDate: DateOnlySchema.optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  custom: CustomValuesSchema.optional(),
});
export const CreateOpportunityInputSchema = OpportunityFieldsSchema.superRefine(amountInCurrency);
export type CreateOpportunityInput = z.infer<typeof CreateOpportunityInputSchema>;

export const UpdateOpportunityInputSchema = z
  .strictObject({
    title: Text(200),
    partyId: z.uuid().nullable(),
    amount: AmountSchema,
    currency: CurrencySchema,
    expectedCloseDate: DateOnlySchema.nullable(),
    ownerId: z.uuid(),
    teamId: z.uuid().nullable(),
    custom: CustomValuesSchema,
  })
  .partial()
  .superRefine(amountInCurrency);

export const OpportunitySchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    stageId: z.uuid(),
    partyId: z.uuid().nullable(),
    title: z.string(),
    /** In `currency`, rounded to its minor unit. */
    amount: z.string(),
    currency: z.string(),
    expectedCloseDate: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    status: z.enum(OPPORTUNITY_STATUSES),
    lostReason: z.string().nullable(),
    closedAt: z.date().nullable(),
    rank: z.string(),
    custom: CustomValuesSchema,
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Opportunity' });

/** Move a card: to a stage, after a card (or first when `afterId` is null). One request. */
export const MoveOpportunityInputSchema = z.strictObject({
  stageId: z.uuid(),
  afterId: z.uuid().nullable().default(null),
});
export const LoseOpportunityInputSchema = z.strictObject({ reason: Text(500) });

export const BoardSchema = z.object({
  pipeline: PipelineSchema,
  columns: z.array(
    z.object({
      stageId: z.uuid(),
      cards: z.array(OpportunitySchema),
      /** More cards than shown: page the column with the opportunities list. */
      more: z.boolean(),
    }),
  ),
});

export const ForecastSchema = z.object({
  currency: z.string(),
  rows: z.array(
    z.object({
      stageId: z.uuid(),
      stageName: z.string(),
      probability: z.number().int(),
      /** `YYYY-MM` of the expected close date; `none` when it has none. */
      month: z.string(),
      count: z.number().int(),
      amount: z.string(),
      weighted: z.string(),
    }),
  ),
});

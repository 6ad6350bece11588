import { z } from 'zod';

/**
 * Placeholders a rule's conditions may use; they are replaced by the principal's values
 * when the rules are loaded: `{ "owner_id": "$user" }`, `{ "team_id": { "$in": "$teams" } }`.
 */
export const RULE_PLACEHOLDERS = ['$user', '$party', '$tenant', '$teams'] as const;

/** The operators the engine can both check in memory and compile to SQL. */
export const RULE_OPERATORS = ['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte'] as const;

function usesOnlyKnownOperators(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(usesOnlyKnownOperators);
  if (value && typeof value === 'object') {
    return Object.entries(value).every(
      ([k, v]) =>
        (!k.startsWith('$') || (RULE_OPERATORS as readonly string[]).includes(k)) &&
        usesOnlyKnownOperators(v),
    );
  }
  return true;
}

const ConditionValue: z.ZodType<unknown> = z
  .lazy(() =>
    z.union([
      z.string().max(200),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(ConditionValue).max(100),
      z.record(z.string(), ConditionValue),
    ]),
  )
  .meta({ id: 'RuleConditionValue' });

/** One rule: an action on a resource, optionally only where conditions hold, on some fields. */
export const RuleSchema = z.strictObject({
  action: z.union([z.string().min(1).max(40), z.array(z.string().min(1).max(40)).min(1).max(20)]),
  subject: z.union([z.string().min(1).max(60), z.array(z.string().min(1).max(60)).min(1).max(20)]),
  /** MongoDB-style conditions on the record's fields (snake_case, as in the database). */
  conditions: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/), ConditionValue)
    .refine((c) => usesOnlyKnownOperators(c), {
      message: `Operators allowed: ${RULE_OPERATORS.join(', ')}`,
    })
    .optional(),
  /** The fields this rule grants (or, inverted, denies); all fields when absent. */
  fields: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*$/))
    .max(100)
    .optional(),
  /** A deny: wins over every grant it matches. */
  inverted: z.boolean().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RoleKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes');

export const CreateRoleInputSchema = z.strictObject({
  key: RoleKeySchema,
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
  rules: z.array(RuleSchema).max(200),
});
export type CreateRoleInput = z.infer<typeof CreateRoleInputSchema>;

export const UpdateRoleInputSchema = CreateRoleInputSchema.omit({ key: true }).partial();
export type UpdateRoleInput = z.infer<typeof UpdateRoleInputSchema>;

export const AssignRolesInputSchema = z.strictObject({ roles: z.array(RoleKeySchema).max(20) });

export const ExplainInputSchema = z.strictObject({
  membershipId: z.uuid(),
  action: z.string().min(1).max(40),
  subject: z.string().min(1).max(60),
  /** The record to judge, as the API returns it; without it, the question is about the type. */
  record: z.record(z.string(), z.unknown()).optional(),
  field: z.string().optional(),
});
export type ExplainInput = z.infer<typeof ExplainInputSchema>;

export const RoleViewSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    /** Defined in code, the same for every company; cannot be edited. */
    system: z.boolean(),
    rules: z.array(RuleSchema),
    version: z.number().int(),
  })
  .meta({ id: 'Role' });
export type RoleView = z.infer<typeof RoleViewSchema>;

export const ExplanationSchema = z.object({
  allowed: z.boolean(),
  /** The rule that decided, and its role; null when no rule applied (denied by default). */
  decidedBy: z.object({ role: z.string(), rule: RuleSchema }).nullable(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

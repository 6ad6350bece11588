import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';

/** Resources a tenant may extend with its own fields. */
export const CUSTOMIZABLE_RESOURCES = [
  'crm.party',
  'crm.lead',
  'crm.opportunity',
  'catalog.item',
] as const;
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'decimal',
  'date',
  'boolean',
  'select',
  'reference',
] as const;
/** What a `reference` field may point at. */
export const REFERENCE_TARGETS = ['crm.party', 'catalog.item'] as const;

export const CustomFieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and underscores');

const OptionsSchema = z.strictObject({
  /** `select`: the allowed values, in display order. */
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
  /** `reference`: the resource the value points at. */
  reference: z.enum(REFERENCE_TARGETS).optional(),
});

export const CustomFieldSchema = z
  .object({
    id: z.uuid(),
    resource: z.enum(CUSTOMIZABLE_RESOURCES),
    key: z.string(),
    label: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean(),
    options: z.object({
      values: z.array(z.string()).optional(),
      reference: z.enum(REFERENCE_TARGETS).optional(),
    }),
    position: z.number().int(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof CustomFieldSchema>;

export const CreateCustomFieldInputSchema = z
  .strictObject({
    resource: z.enum(CUSTOMIZABLE_RESOURCES),
    key: CustomFieldKeySchema,
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: OptionsSchema.default({}),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'select' && !v.options.values?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'values'],
        message: 'A select needs values',
      });
    if (v.type === 'reference' && !v.options.reference)
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'reference'],
        message: 'A reference needs its target resource',
      });
  });
export type CreateCustomFieldInput = z.infer<typeof CreateCustomFieldInputSchema>;

/** Key, type and resource never change (stored values depend on them); archive instead. */
export const UpdateCustomFieldInputSchema = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  required: z.boolean().optional(),
  options: OptionsSchema.optional(),
  position: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});
export type UpdateCustomFieldInput = z.infer<typeof UpdateCustomFieldInputSchema>;

/** Extra fields of a record: `{ "<key>": value }`, validated against the tenant's definitions. */
export const CustomValuesSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: "Values of the tenant's custom fields, by key" });

const tag = 'custom-fields';
const IdParams = z.object({ id: z.uuid() });

export const CustomFieldRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/custom-fields',
    operationId: 'listCustomFields',
    summary: "The company's custom field definitions, optionally of one resource",
    tag,
    access: permission('read', 'customization.field'),
    query: z.object({ resource: z.enum(CUSTOMIZABLE_RESOURCES).optional() }),
    status: 200,
    response: z.array(CustomFieldSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/custom-fields',
    operationId: 'createCustomField',
    summary: 'Define a custom field on a resource',
    tag,
    access: permission('create', 'customization.field'),
    body: CreateCustomFieldInputSchema,
    status: 201,
    response: CustomFieldSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/v1/custom-fields/:id',
    operationId: 'updateCustomField',
    summary: 'Change or archive a custom field (its key and type are fixed)',
    tag,
    access: permission('update', 'customization.field'),
    params: IdParams,
    body: UpdateCustomFieldInputSchema,
    status: 200,
    response: CustomFieldSchema,
    etag: true,
    ifMatch: true,
  }),
  schema: defineRoute({
    method: 'GET',
    path: '/api/v1/custom-fields/schema/:resource',
    operationId: 'customFieldsSchema',
    summary:
      "JSON Schema of a resource's `custom` object for this company (its fields, types and rules)",
    tag,
    access: permission('read', 'customization.field'),
    params: z.object({ resource: z.enum(CUSTOMIZABLE_RESOURCES) }),
    status: 200,
    response: z.record(z.string(), z.unknown()),
  }),
} as const;

import { z } from 'zod';
import { CustomValuesSchema } from '../custom-fields/custom-field.contracts.js';
import { CountrySchema, DecimalSchema, AmountSchema, TagsSchema } from '../common/values.js';
import { TaxConditionSchema } from '../common/tax-condition.js';
import { Text } from './crm.shared.js';
import { checkTaxId } from './tax-id.js';

export const PARTY_KINDS = ['organization', 'person'] as const;
export const ADDRESS_KINDS = ['billing', 'shipping'] as const;

const Email = z.email().max(254);
const Phone = z.string().trim().min(3).max(40);

const contactFields = {
  name: Text(200),
  role: Text(100).nullable(),
  email: Email.nullable(),
  phone: Phone.nullable(),
  isPrimary: z.boolean(),
};
export const ContactInputSchema = z.strictObject({
  ...contactFields,
  role: contactFields.role.optional(),
  email: contactFields.email.optional(),
  phone: contactFields.phone.optional(),
  isPrimary: z.boolean().default(false),
});
/** Only what is sent changes (no defaults here: a PATCH must not reset a field). */
export const UpdateContactInputSchema = z.strictObject(contactFields).partial();
/** A contact as a role may read it: fields its rules hide are left out. */
export const ContactSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    name: z.string(),
    role: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isPrimary: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Contact' });

const addressFields = {
  kind: z.enum(ADDRESS_KINDS),
  line1: Text(200),
  line2: Text(200).nullable(),
  city: Text(100),
  region: Text(100).nullable(),
  postalCode: Text(20).nullable(),
  country: CountrySchema,
  isDefault: z.boolean(),
};
export const AddressInputSchema = z.strictObject({
  ...addressFields,
  line2: addressFields.line2.optional(),
  region: addressFields.region.optional(),
  postalCode: addressFields.postalCode.optional(),
  isDefault: z.boolean().default(false),
});
export const UpdateAddressInputSchema = z.strictObject(addressFields).partial();
/** An address as a role may read it: fields its rules hide are left out. */
export const AddressSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    kind: z.enum(ADDRESS_KINDS),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
    isDefault: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Address' });

const partyFields = {
  kind: z.enum(PARTY_KINDS),
  name: Text(200),
  legalName: Text(200).optional(),
  isCustomer: z.boolean().optional(),
  isSupplier: z.boolean().optional(),
  isProfessional: z.boolean().optional(),
  taxCountry: CountrySchema.optional(),
  taxId: z.string().trim().min(1).max(40).optional(),
  /** One of the tax conditions of the party's country (`taxCountry`, else the company's). */
  taxCondition: TaxConditionSchema.nullable().optional(),
  /** Spain: a retailer in the recargo de equivalencia regime. */
  recargoEquivalencia: z.boolean().optional(),
  /** The language of its documents (PDF, email); absent: the company's. */
  language: z.enum(['es', 'en']).nullable().optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  website: z.url().max(500).optional(),
  tags: TagsSchema.optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  /** In the company's base currency, with at most its decimals. */
  creditLimit: AmountSchema.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  customerGroup: Text(50).nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
  custom: CustomValuesSchema.optional(),
};

/** A tax id needs its country, and must pass that country's check (CUIT, NIF, RFC, RUT…). */
function taxIdRule(
  v: { taxCountry?: string | undefined; taxId?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!v.taxId) return;
  if (!v.taxCountry) {
    ctx.addIssue({ code: 'custom', path: ['taxCountry'], message: 'The country of the tax id' });
    return;
  }
  const check = checkTaxId(v.taxCountry, v.taxId);
  if (!check.valid) ctx.addIssue({ code: 'custom', path: ['taxId'], message: check.reason });
}

export const CreatePartyInputSchema = z
  .strictObject({
    ...partyFields,
    contacts: z.array(ContactInputSchema).max(50).optional(),
    addresses: z.array(AddressInputSchema).max(20).optional(),
  })
  .superRefine(taxIdRule);
export type CreatePartyInput = z.infer<typeof CreatePartyInputSchema>;

export const UpdatePartyInputSchema = z
  .strictObject({ ...partyFields, status: z.enum(['active', 'archived']) })
  .partial()
  .superRefine(taxIdRule);
export type UpdatePartyInput = z.infer<typeof UpdatePartyInputSchema>;

/** A party as a role may read it: fields its rules hide are left out. */
export const PartySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(PARTY_KINDS),
    name: z.string(),
    legalName: z.string().nullable(),
    isCustomer: z.boolean(),
    isSupplier: z.boolean(),
    isProfessional: z.boolean(),
    taxCountry: z.string().nullable(),
    taxId: z.string().nullable(),
    taxCondition: z.string().nullable(),
    recargoEquivalencia: z.boolean(),
    language: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    tags: z.array(z.string()),
    ownerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    /** In `creditLimitCurrency`. */
    creditLimit: DecimalSchema.nullable(),
    /** The currency of `creditLimit`: the company's base currency. */
    creditLimitCurrency: z.string(),
    paymentTermsDays: z.number().int().nullable(),
    customerGroup: z.string().nullable(),
    notes: z.string().nullable(),
    custom: CustomValuesSchema,
    status: z.enum(['active', 'archived', 'merged']),
    mergedIntoId: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Party' });

export const DuplicateCandidateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Why it may be the same: same tax id, same email, or a similar name (0–1). */
    reason: z.enum(['tax_id', 'email', 'similar_name']),
    similarity: z.number(),
  })
  .meta({ id: 'DuplicateCandidate' });

export const DuplicateQuerySchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  taxCountry: CountrySchema.optional(),
  taxId: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
});

export const MergePartyInputSchema = z.strictObject({
  /** The party that stays; the one in the path is merged into it. */
  intoId: z.uuid(),
});

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const;

/** A CSV import: the same columns as the export (`name`, `kind`, …, `custom.<key>`). */
export const ImportPartiesInputSchema = z.strictObject({
  csv: z.string().min(1).max(1_000_000),
  /** All rows or none when any is wrong (default), or the valid rows and a report. */
  mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
});

/** One problem of an import, where a spreadsheet shows it: line (1 = header) and column. */
export const ImportIssueSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});

/** What an import job answers when it ends (`GET /api/v1/jobs/:id`, `result`). */
export const ImportResultSchema = z
  .object({
    mode: z.enum(IMPORT_MODES),
    rows: z.number().int(),
    imported: z.number().int(),
    rejected: z.number().int(),
    issues: z.array(ImportIssueSchema),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

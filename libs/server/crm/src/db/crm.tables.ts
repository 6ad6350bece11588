import { memberships } from '@nexo/auth/tables';
import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { tenantFk } from '@nexo/tenancy/tables';
import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const crmSchema = pgSchema('crm');

/**
 * A user named on a record (owner, assignee) must be a member of the record's company: the
 * key leads with the tenant and points at the membership (memberships are never deleted, only
 * disabled). Migration 0030 added these keys (issue 23).
 */
const memberFk = (
  name: string,
  tenantId: Parameters<typeof foreignKey>[0]['columns'][0],
  userId: Parameters<typeof foreignKey>[0]['columns'][0],
) =>
  foreignKey({
    name,
    columns: [tenantId, userId],
    foreignColumns: [memberships.tenantId, memberships.userId],
  });
const customColumn = () =>
  jsonb('custom')
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'::jsonb`);

/** Sales teams; a membership's teams (auth.memberships.teams) feed rules with `$teams`. */
export const teams = crmSchema.table(
  'teams',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'teams_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('teams_tenant_name_key').on(t.tenantId, t.name),
    tenantFk('teams_tenant_fk', t.tenantId),
  ],
);

/** An organization or a person the company deals with: customer, supplier, professional. */
export const parties = crmSchema.table(
  'parties',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    isCustomer: boolean('is_customer').notNull().default(false),
    isSupplier: boolean('is_supplier').notNull().default(false),
    isProfessional: boolean('is_professional').notNull().default(false),
    /** Country whose rules validated `tax_id`; the id is stored without separators. */
    taxCountry: text('tax_country'),
    taxId: text('tax_id'),
    /**
     * The party's tax condition under its country's rules (`tax_country`, else the company's):
     * a code of that country's pack (`responsable_inscripto`, …), checked by the service.
     */
    taxCondition: text('tax_condition'),
    /** Spain: a retailer in the recargo de equivalencia regime (its invoices add the recargo). */
    recargoEquivalencia: boolean('recargo_equivalencia').notNull().default(false),
    /** The language its documents are printed and emailed in; null: the company's. */
    language: text('language'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    /** In the company's base currency, rounded to its minor unit. */
    creditLimit: decimalColumns.amount('credit_limit'),
    paymentTermsDays: integer('payment_terms_days'),
    customerGroup: text('customer_group'),
    notes: text('notes'),
    custom: customColumn(),
    status: text('status').notNull().default('active'),
    /** Set when merged into another party; the row stays so old links can be followed. */
    mergedIntoId: uuid('merged_into_id'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'parties_pkey', columns: [t.tenantId, t.id] }),
    tenantFk('parties_tenant_fk', t.tenantId),
    memberFk('parties_owner_fk', t.tenantId, t.ownerId),
    foreignKey({
      name: 'parties_team_fk',
      columns: [t.tenantId, t.teamId],
      foreignColumns: [teams.tenantId, teams.id],
    }),
    foreignKey({
      name: 'parties_merged_into_fk',
      columns: [t.tenantId, t.mergedIntoId],
      foreignColumns: [t.tenantId, t.id],
    }),
    // Keyset sorts: (tenant, sort field, id).
    index('parties_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('parties_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('parties_tenant_owner_idx').on(t.tenantId, t.ownerId),
    index('parties_tenant_tax_id_idx').on(t.tenantId, t.taxId),
    // Emails are matched on `email_key` (lower(email), stored), indexed with the tenant:
    // migration 0029, outside this schema so records never carry it (see `emailKey`).
    // The duplicate probe's similar names (`%`): an index condition under RLS only because
    // the migrator marks pg_trgm's `%` leakproof (ADR 0013); otherwise it is never used.
    // `LIKE` (text search, `q`) is not leakproof and reads the tenant's rows (migration 0027).
    // No pending list (fastupdate): each probe would read all of it, every company's recent
    // names, until a vacuum merged it (6 ms instead of 0.4 at 48,000 parties).
    index('parties_tenant_name_trgm_idx')
      .using('gin', t.tenantId, sql`${t.name} gin_trgm_ops`)
      .with({ fastupdate: false }),
    check('parties_kind_check', sql`${t.kind} in ('organization', 'person')`),
    check('parties_status_check', sql`${t.status} in ('active', 'archived', 'merged')`),
    check('parties_tax_condition_check', sql`${t.taxCondition} ~ '^[a-z_]+$'`),
    check('parties_language_check', sql`${t.language} in ('es', 'en')`),
  ],
);

/** People at an organization party, with their role there. */
export const contacts = crmSchema.table(
  'contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    partyId: uuid('party_id').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    isPrimary: boolean('is_primary').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'contacts_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'contacts_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    index('contacts_tenant_party_idx').on(t.tenantId, t.partyId),
    // `email_key` and its index: migration 0029, as for parties.
  ],
);

/**
 * A party's or contact's email lower-cased and stored (`email_key`, migration 0029), indexed
 * with the tenant: matching an email on it is an index lookup under RLS, where `lower(email)`
 * read the tenant's rows. Not a column of the tables above, so records never carry it.
 */
export const emailKey = (table: typeof parties | typeof contacts): SQL => sql`${table}.email_key`;

export const addresses = crmSchema.table(
  'addresses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    partyId: uuid('party_id').notNull(),
    kind: text('kind').$type<'billing' | 'shipping'>().notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'addresses_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'addresses_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    index('addresses_tenant_party_idx').on(t.tenantId, t.partyId),
    check('addresses_kind_check', sql`${t.kind} in ('billing', 'shipping')`),
  ],
);

export const leads = crmSchema.table(
  'leads',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    companyName: text('company_name'),
    email: text('email'),
    phone: text('phone'),
    source: text('source').notNull().default('other'),
    status: text('status').notNull().default('new'),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    notes: text('notes'),
    custom: customColumn(),
    convertedPartyId: uuid('converted_party_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'leads_pkey', columns: [t.tenantId, t.id] }),
    tenantFk('leads_tenant_fk', t.tenantId),
    memberFk('leads_owner_fk', t.tenantId, t.ownerId),
    foreignKey({
      name: 'leads_team_fk',
      columns: [t.tenantId, t.teamId],
      foreignColumns: [teams.tenantId, teams.id],
    }),
    foreignKey({
      name: 'leads_converted_party_fk',
      columns: [t.tenantId, t.convertedPartyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'leads_converted_opportunity_fk',
      columns: [t.tenantId, t.convertedOpportunityId],
      foreignColumns: [opportunities.tenantId, opportunities.id],
    }),
    index('leads_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('leads_tenant_name_idx').on(t.tenantId, t.name, t.id),
    check(
      'leads_status_check',
      sql`${t.status} in ('new', 'contacted', 'qualified', 'converted', 'lost')`,
    ),
  ],
);

export const pipelines = crmSchema.table(
  'pipelines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'pipelines_pkey', columns: [t.tenantId, t.id] }),
    tenantFk('pipelines_tenant_fk', t.tenantId),
    uniqueIndex('pipelines_tenant_name_key').on(t.tenantId, t.name),
  ],
);

export const stages = crmSchema.table(
  'stages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** 0–100: weights the forecast. */
    probability: integer('probability').notNull(),
    isWon: boolean('is_won').notNull().default(false),
    isLost: boolean('is_lost').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'stages_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'stages_pipeline_fk',
      columns: [t.tenantId, t.pipelineId],
      foreignColumns: [pipelines.tenantId, pipelines.id],
    }).onDelete('cascade'),
    index('stages_tenant_pipeline_idx').on(t.tenantId, t.pipelineId, t.position),
    check('stages_probability_check', sql`${t.probability} between 0 and 100`),
  ],
);

export const opportunities = crmSchema.table(
  'opportunities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    partyId: uuid('party_id'),
    title: text('title').notNull(),
    amount: decimalColumns.amount('amount').notNull().default('0'),
    currency: text('currency').notNull(),
    expectedCloseDate: date('expected_close_date'),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    status: text('status').notNull().default('open'),
    lostReason: text('lost_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Order within the stage's kanban column: a card sits between its neighbours' ranks. */
    rank: numeric('rank').notNull(),
    custom: customColumn(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'opportunities_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'opportunities_stage_fk',
      columns: [t.tenantId, t.stageId],
      foreignColumns: [stages.tenantId, stages.id],
    }),
    foreignKey({
      name: 'opportunities_pipeline_fk',
      columns: [t.tenantId, t.pipelineId],
      foreignColumns: [pipelines.tenantId, pipelines.id],
    }),
    foreignKey({
      name: 'opportunities_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    memberFk('opportunities_owner_fk', t.tenantId, t.ownerId),
    foreignKey({
      name: 'opportunities_team_fk',
      columns: [t.tenantId, t.teamId],
      foreignColumns: [teams.tenantId, teams.id],
    }),
    index('opportunities_tenant_stage_rank_idx').on(t.tenantId, t.stageId, t.rank),
    index('opportunities_tenant_party_idx').on(t.tenantId, t.partyId),
    index('opportunities_tenant_owner_idx').on(t.tenantId, t.ownerId),
    index('opportunities_tenant_title_idx').on(t.tenantId, t.title, t.id),
    check('opportunities_status_check', sql`${t.status} in ('open', 'won', 'lost')`),
  ],
);

/** Tasks, calls, meetings, notes and logged emails, linked to what they are about. */
export const activities = crmSchema.table(
  'activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id'),
    partyId: uuid('party_id'),
    contactId: uuid('contact_id'),
    leadId: uuid('lead_id'),
    opportunityId: uuid('opportunity_id'),
    createdBy: uuid('created_by'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'activities_pkey', columns: [t.tenantId, t.id] }),
    tenantFk('activities_tenant_fk', t.tenantId),
    foreignKey({
      name: 'activities_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'activities_opportunity_fk',
      columns: [t.tenantId, t.opportunityId],
      foreignColumns: [opportunities.tenantId, opportunities.id],
    }),
    foreignKey({
      name: 'activities_lead_fk',
      columns: [t.tenantId, t.leadId],
      foreignColumns: [leads.tenantId, leads.id],
    }),
    memberFk('activities_assignee_fk', t.tenantId, t.assigneeId),
    // `activities_contact_fk` (tenant_id, contact_id) → contacts is hand-written (migration
    // 0031): a deleted contact leaves its activities with `ON DELETE SET NULL (contact_id)`,
    // which Drizzle cannot say (its `set null` would null tenant_id too). `created_by` is the
    // principal who wrote the row (a user or an API client), set by the server: no key.
    index('activities_tenant_contact_idx').on(t.tenantId, t.contactId),
    index('activities_tenant_assignee_open_idx')
      .on(t.tenantId, t.assigneeId, t.dueAt, t.id)
      .where(sql`${t.doneAt} is null`),
    index('activities_tenant_party_idx').on(t.tenantId, t.partyId),
    index('activities_tenant_opportunity_idx').on(t.tenantId, t.opportunityId),
    check('activities_kind_check', sql`${t.kind} in ('task', 'call', 'meeting', 'note', 'email')`),
  ],
);

/**
 * What happened to a party or an opportunity, from domain events (a stage change, a win):
 * written by an idempotent consumer, read with the activities as one feed.
 */
export const timelineEntries = crmSchema.table(
  'timeline_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    eventId: uuid('event_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    partyId: uuid('party_id'),
    opportunityId: uuid('opportunity_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'timeline_entries_pkey', columns: [t.tenantId, t.id] }),
    tenantFk('timeline_entries_tenant_fk', t.tenantId),
    foreignKey({
      name: 'timeline_entries_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    foreignKey({
      name: 'timeline_entries_opportunity_fk',
      columns: [t.tenantId, t.opportunityId],
      foreignColumns: [opportunities.tenantId, opportunities.id],
    }),
    uniqueIndex('timeline_entries_tenant_event_key').on(t.tenantId, t.eventId),
    index('timeline_entries_tenant_party_idx').on(t.tenantId, t.partyId, t.occurredAt),
    index('timeline_entries_tenant_opportunity_idx').on(t.tenantId, t.opportunityId, t.occurredAt),
  ],
);

import { Inject, Injectable } from '@nestjs/common';
import {
  DecimalSchema,
  type CreateCustomFieldInput,
  type CustomField,
  type FieldIssue,
  type UpdateCustomFieldInput,
} from '@nexo/contracts';
import { AuditLog } from '@nexo/audit';
import { Database, type ListField } from '@nexo/db';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { fieldDefinitions } from '../db/custom-fields.tables.js';
import { ReferenceTargets } from './reference-targets.js';

type Row = typeof fieldDefinitions.$inferSelect;

const view = (r: Row): CustomField => ({
  id: r.id,
  resource: r.resource as CustomField['resource'],
  key: r.key,
  label: r.label,
  type: r.type as CustomField['type'],
  required: r.required,
  options: r.options as CustomField['options'],
  position: r.position,
  archived: r.archived,
  version: r.version,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A tenant's custom fields: definitions, validation of the values a record carries in its
 * `custom` JSONB column, their list filters and sorts, and their JSON Schema.
 */
@Injectable()
export class CustomFields {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ReferenceTargets) private readonly references: ReferenceTargets,
  ) {}

  /**
   * Definitions read once per transaction: a request or a job (an import validates every row)
   * asks again and again; a change to a definition in the same transaction clears it.
   */
  private readonly perTransaction = new WeakMap<object, Map<string, Promise<CustomField[]>>>();

  list(resource?: string): Promise<CustomField[]> {
    const tx = this.database.tx();
    let cache = this.perTransaction.get(tx);
    if (!cache) this.perTransaction.set(tx, (cache = new Map<string, Promise<CustomField[]>>()));
    const key = resource ?? '*';
    let found = cache.get(key);
    if (!found) cache.set(key, (found = this.read(resource)));
    return found;
  }

  private async read(resource?: string): Promise<CustomField[]> {
    const tenantId = currentPrincipal().tenantId;
    const rows = await this.database
      .tx()
      .select()
      .from(fieldDefinitions)
      .where(
        and(
          eq(fieldDefinitions.tenantId, tenantId),
          resource ? eq(fieldDefinitions.resource, resource) : undefined,
        ),
      )
      .orderBy(
        asc(fieldDefinitions.resource),
        asc(fieldDefinitions.position),
        asc(fieldDefinitions.key),
      );
    return rows.map(view);
  }

  async create(input: CreateCustomFieldInput): Promise<CustomField> {
    const tenantId = currentPrincipal().tenantId;
    const [row] = await this.database
      .tx()
      .insert(fieldDefinitions)
      .values({ tenantId, id: newId(), ...input })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw DomainError.conflict(`The field "${input.key}" already exists on ${input.resource}`);
    this.perTransaction.delete(this.database.tx());
    await this.audit.record({
      action: 'create',
      resource: 'customization.field',
      resourceId: row.id,
      after: view(row),
    });
    return view(row);
  }

  async update(id: string, version: number, input: UpdateCustomFieldInput): Promise<CustomField> {
    const tenantId = currentPrincipal().tenantId;
    const [before] = await this.database
      .tx()
      .select()
      .from(fieldDefinitions)
      .where(and(eq(fieldDefinitions.tenantId, tenantId), eq(fieldDefinitions.id, id)));
    if (!before) throw DomainError.notFound('Custom field');
    if (before.type === 'select' && input.options && !input.options.values?.length)
      throw DomainError.validation([
        { path: 'options.values', code: 'required', message: 'A select needs values' },
      ]);
    const [row] = await this.database
      .tx()
      .update(fieldDefinitions)
      .set({
        ...input,
        updatedAt: sql`now()`,
        version: sql`${fieldDefinitions.version} + 1`,
      })
      .where(
        and(
          eq(fieldDefinitions.tenantId, tenantId),
          eq(fieldDefinitions.id, id),
          eq(fieldDefinitions.version, version),
        ),
      )
      .returning();
    if (!row) throw stale();
    this.perTransaction.delete(this.database.tx());
    await this.audit.record({
      action: 'update',
      resource: 'customization.field',
      resourceId: id,
      before: view(before),
      after: view(row),
    });
    return view(row);
  }

  /**
   * Checks the custom values of a record being created (`existing` undefined) or changed:
   * known, active keys only, each of its type, required ones present. Returns the merged
   * object to store; `null` clears a value.
   */
  async validate(
    resource: string,
    values: Record<string, unknown> | undefined,
    existing?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const definitions = (await this.list(resource)).filter((d) => !d.archived);
    const byKey = new Map(definitions.map((d) => [d.key, d]));
    const issues: FieldIssue[] = [];
    const merged: Record<string, unknown> = { ...existing };
    for (const [key, value] of Object.entries(values ?? {})) {
      const definition = byKey.get(key);
      const path = `custom.${key}`;
      if (!definition) {
        issues.push({ path, code: 'unknown_field', message: 'No such custom field' });
        continue;
      }
      if (value === null) {
        delete merged[key];
        continue;
      }
      const problem = await this.checkValue(definition, value);
      if (problem) issues.push({ path, code: 'invalid_type', message: problem });
      else merged[key] = value;
    }
    const reported = new Set(issues.map((i) => i.path));
    for (const d of definitions) {
      if (reported.has(`custom.${d.key}`)) continue;
      if (d.required && (merged[d.key] === undefined || merged[d.key] === ''))
        issues.push({
          path: `custom.${d.key}`,
          code: 'required',
          message: `${d.label} is required`,
        });
    }
    if (issues.length) throw DomainError.validation(issues);
    return merged;
  }

  private async checkValue(d: CustomField, value: unknown): Promise<string | null> {
    switch (d.type) {
      case 'text':
        return typeof value === 'string' && value.length <= 1000
          ? null
          : 'Text up to 1000 characters';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value) ? null : 'A number';
      case 'decimal':
        return DecimalSchema.safeParse(value).success ? null : 'A decimal string such as "12.50"';
      case 'date':
        return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
          ? null
          : 'A date, YYYY-MM-DD';
      case 'boolean':
        return typeof value === 'boolean' ? null : 'true or false';
      case 'select':
        return typeof value === 'string' && (d.options.values ?? []).includes(value)
          ? null
          : `One of: ${(d.options.values ?? []).join(', ')}`;
      case 'reference': {
        if (typeof value !== 'string' || !UUID.test(value)) return 'An id';
        const exists = this.references.checkFor(d.options.reference ?? '');
        if (!exists) return 'Unknown reference target';
        return (await exists(value)) ? null : `No ${d.options.reference} with this id`;
      }
    }
  }

  /**
   * List filters and sorts `custom.<key>` for a resource, on its `custom` column. Read only
   * when the query names a custom field: most list requests do not, and skip the lookup.
   */
  async listFields(
    resource: string,
    custom: AnyPgColumn,
    query: Record<string, unknown>,
  ): Promise<Record<string, ListField>> {
    const fields: Record<string, ListField> = {};
    const sort = typeof query.sort === 'string' ? query.sort.replace(/^-/, '') : '';
    if (!sort.startsWith('custom.') && !Object.keys(query).some((k) => k.startsWith('custom.')))
      return fields;
    for (const d of await this.list(resource)) {
      const text: SQL = sql`(${custom}->>${d.key})`;
      // Keyset pages compare (value, id): a missing value must still compare, so it sorts as
      // the lowest value of its type instead of NULL.
      const [column, type]: [SQL, ListField['type']] =
        d.type === 'number' || d.type === 'decimal'
          ? [sql`coalesce(${text}::numeric, -1e18)`, 'number']
          : d.type === 'date'
            ? [sql`coalesce(${text}::date, '0001-01-01'::date)`, 'date']
            : d.type === 'boolean'
              ? [sql`coalesce(${text}::boolean, false)`, 'boolean']
              : d.type === 'reference'
                ? [sql`${text}::uuid`, 'uuid']
                : [sql`coalesce(${text}, '')`, 'text'];
      fields[`custom.${d.key}`] = { column, type, sortable: d.type !== 'reference' };
    }
    return fields;
  }

  /** JSON Schema (2020-12) of the `custom` object of a resource for the current tenant. */
  async jsonSchema(resource: string): Promise<Record<string, unknown>> {
    const definitions = (await this.list(resource)).filter((d) => !d.archived);
    const property = (d: CustomField): Record<string, unknown> => {
      const base = { title: d.label };
      switch (d.type) {
        case 'text':
          return { ...base, type: 'string', maxLength: 1000 };
        case 'number':
          return { ...base, type: 'number' };
        case 'decimal':
          return { ...base, type: 'string', pattern: '^-?\\d{1,14}(\\.\\d{1,6})?$' };
        case 'date':
          return { ...base, type: 'string', format: 'date' };
        case 'boolean':
          return { ...base, type: 'boolean' };
        case 'select':
          return { ...base, type: 'string', enum: d.options.values ?? [] };
        case 'reference':
          return { ...base, type: 'string', format: 'uuid', 'x-reference': d.options.reference };
      }
    };
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `${resource} custom fields`,
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(definitions.map((d) => [d.key, property(d)])),
      required: definitions.filter((d) => d.required).map((d) => d.key),
    };
  }
}

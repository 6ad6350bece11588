import { snake, type Names } from './names.ts';

/** The server library of a new context: `libs/server/<context>/…`, path → content. */
export function serverFiles(n: Names): Record<string, string> {
  const dir = `libs/server/${n.context}`;
  const r = `src/${n.resource}/${n.resource}`;
  return {
    [`${dir}/package.json`]: `${JSON.stringify(
      {
        name: `@nexo/${n.context}`,
        version: '0.0.0',
        private: true,
        type: 'module',
        exports: {
          '.': { '@nexo/source': './src/index.ts', default: './dist/index.js' },
          './tables': {
            '@nexo/source': `./src/db/${n.context}.tables.ts`,
            default: `./dist/db/${n.context}.tables.js`,
          },
        },
        nx: { tags: ['scope:server', 'type:context', `context:${n.context}`] },
      },
      null,
      2,
    )}\n`,
    [`${dir}/README.md`]: `# @nexo/${n.context}

What the ${n.context} context keeps, in a few lines: its records, the rules it enforces,
what it posts to other contexts and what it reads from them.

- **${n.Resources}** (\`${n.context}.${snake(n.resources)}\`): name, version; list, get, create,
  update at version, delete at version; audited.
- Public face (\`src/index.ts\`): the module and the services other contexts may call. Tables
  are not on it (\`@nexo/${n.context}/tables\` is for migrations, tests and seeds).
- Contracts: \`@nexo/contracts/${n.context}\` (\`libs/shared/contracts/src/${n.context}\`): routes,
  subjects, role rules, error codes, messages, navigation (\`${n.context}.context.ts\`).
- RLS: the tenant policy on every table (\`nexo.enable_tenant_rls\`).
`,
    [`${dir}/src/index.ts`]: `export * from './${n.context}.module.js';
export { ${n.Resource}Service, type ${n.Resource}View } from './${n.resource}/${n.resource}.service.js';
`,
    [`${dir}/src/${n.context}.module.ts`]: `import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { ${n.Resource}Controller } from './${n.resource}/${n.resource}.controller.js';
import { ${n.Resource}Repository } from './${n.resource}/${n.resource}.repository.js';
import { ${n.Resource}Service } from './${n.resource}/${n.resource}.service.js';

/** ${n.Context}: ${n.resources} (\`${n.context}\` schema). */
@Module({
  controllers: [${n.Resource}Controller],
  providers: [RecordWrites, ${n.Resource}Repository, ${n.Resource}Service],
  exports: [${n.Resource}Service],
})
export class ${n.Context}Module {}
`,
    [`${dir}/src/db/${n.context}.tables.ts`]: `import { recordColumns } from '@nexo/db/columns';
import { tenants } from '@nexo/tenancy/tables';
import { foreignKey, pgSchema, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ${n.context}Schema = pgSchema('${n.context}');

/** ${n.Resources} of a company. */
export const ${n.table} = ${n.context}Schema.table(
  '${snake(n.resources)}',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: '${snake(n.resources)}_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('${snake(n.resources)}_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({
      name: '${snake(n.resources)}_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
  ],
);
`,
    [`${dir}/${r}.repository.ts`]: `import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { ${n.table} } from '../db/${n.context}.tables.js';

export type ${n.Resource}Row = typeof ${n.table}.$inferSelect;

/** ${n.Resources}: the versioned-record queries, tenant first, on the request's transaction. */
@Injectable()
export class ${n.Resource}Repository extends VersionedRecords<typeof ${n.table}> {
  constructor(@Inject(Database) database: Database) {
    super(database, ${n.table});
  }
}
`,
    [`${dir}/${r}.list.ts`]: `import type { ListDefinition } from '@nexo/db';
import { ${n.table} } from '../db/${n.context}.tables.js';

/** The fields a list of ${n.resources} filters, sorts and searches by. */
export const ${n.Resource.toUpperCase().replace(/-/g, '_')}_LIST: ListDefinition = {
  fields: {
    name: { column: ${n.table}.name, type: 'text', sortable: true, searchable: true },
    updatedAt: { column: ${n.table}.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'name',
  id: ${n.table}.id,
};

/** The columns the permission rules' conditions may name. */
export const ${n.Resource.toUpperCase().replace(/-/g, '_')}_COLUMNS = { id: ${n.table}.id, name: ${n.table}.name };
`,
    [`${dir}/${r}.policy.ts`]: `/**
 * The ${n.resource}'s rules as pure functions: no database, no clock, unit-tested. A name is
 * stored as people mean it: trimmed, inner runs of spaces as one.
 */
export function normalizeName(name: string): string {
  return name.trim().replace(/\\s+/g, ' ');
}
`,
    [`${dir}/${r}.policy.spec.ts`]: `import { describe, expect, it } from 'vitest';
import { normalizeName } from './${n.resource}.policy.js';

describe('the ${n.resource} policy', () => {
  it('trims a name and keeps one space between words', () => {
    expect(normalizeName('  Depósito   central ')).toBe('Depósito central');
    expect(normalizeName('Único')).toBe('Único');
  });
});
`,
    [`${dir}/${r}.service.ts`]: serviceFile(n),
    [`${dir}/${r}.controller.ts`]: controllerFile(n),
    [`${dir}/src/testing/${n.context}.factories.ts`]: `import type { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { ${n.table} } from '../db/${n.context}.tables.js';

/**
 * ${n.Context}'s records for integration tests on a real PostgreSQL, written as the app role
 * under RLS in a transaction of the company; pass only what the test is about.
 */
export async function insert${n.Resource}(
  database: Database,
  tenantId: string,
  fields: Partial<typeof ${n.table}.$inferInsert> = {},
) {
  const [row] = await database.withContext({ tenantId }, (tx) =>
    tx
      .insert(${n.table})
      .values({ name: \`${n.Resource} \${newId().slice(-6)}\`, ...fields, tenantId, id: fields.id ?? newId() })
      .returning(),
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}
`,
    [`${dir}/src/testing/${n.context}.test-kit.ts`]: `import { defineTestKit, type KitCall } from '@nexo/contracts';

/** ${n.Context}'s grants for the route matrix and its records for the tenant-isolation sweep. */
export const ${n.context}TestKit = defineTestKit({
  context: '${n.context}',
  // No system role has a rule on ${n.context} yet (owners and admins manage everything).
  grants: {},
  recordsOfB: async (call: KitCall) => {
    const url = '/api/v1/${n.context}/${n.resources}';
    const res = await call('POST', url, { name: '${n.Resource} de B' });
    if (res.status !== 201) throw new Error(\`\${url}: \${res.status}\`);
    const id = (res.body as { id: string }).id;
    return {
      ids: {
        [\`GET \${url}/:id\`]: id,
        [\`PATCH \${url}/:id\`]: id,
        [\`DELETE \${url}/:id\`]: id,
      },
      bodies: { [\`PATCH \${url}/:id\`]: { name: 'x' } },
      lists: [url],
      unchanged: { url: \`\${url}/\${id}\`, matches: { name: '${n.Resource} de B', version: 1 } },
    };
  },
});
`,
    [`${dir}/${r}.repository.int.spec.ts`]: `import type { Database } from '@nexo/db';
import { createTenant, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { insert${n.Resource} } from '../testing/${n.context}.factories.js';
import { ${n.Resource}Repository } from './${n.resource}.repository.js';

/** ${n.Resource}Repository on a real PostgreSQL: tenant first, and updates only at the version read. */
describe('the ${n.resource} repository', () => {
  const db = useTestDatabase();
  let database: Database;
  let repository: ${n.Resource}Repository;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = db.current.database;
    repository = new ${n.Resource}Repository(database);
    a = (await createTenant(database, 'Empresa A')).id;
    b = (await createTenant(database, 'Empresa B')).id;
  });
  const inTenant = <T>(tenantId: string, fn: () => Promise<T>) =>
    database.withContext({ tenantId }, fn);

  it("finds a company's record and never another's", async () => {
    const mine = await insert${n.Resource}(database, a, { name: 'Propio' });
    expect(await inTenant(a, () => repository.byId(a, mine.id))).toMatchObject({ name: 'Propio' });
    expect(await inTenant(b, () => repository.byId(b, mine.id))).toBeUndefined();
  });

  it('updates at the version read, and not at a stale one', async () => {
    const row = await insert${n.Resource}(database, a, { name: 'Antes' });
    const updated = await inTenant(a, () => repository.update(a, row.id, row.version, { name: 'Después' }));
    expect(updated).toMatchObject({ name: 'Después', version: row.version + 1 });
    expect(await inTenant(a, () => repository.update(a, row.id, row.version, { name: 'Otra' }))).toBeUndefined();
  });
});
`,
  };
}

function serviceFile(n: Names): string {
  const LIST = `${n.Resource.toUpperCase().replace(/-/g, '_')}_LIST`;
  const COLUMNS = `${n.Resource.toUpperCase().replace(/-/g, '_')}_COLUMNS`;
  return `import { Inject, Injectable } from '@nestjs/common';
import type { Create${n.Resource}Input, Update${n.Resource}Input } from '@nexo/contracts/${n.context}';
import { parseListQuery, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { ${n.table} } from '../db/${n.context}.tables.js';
import { ${COLUMNS}, ${LIST} } from './${n.resource}.list.js';
import { normalizeName } from './${n.resource}.policy.js';
import { ${n.Resource}Repository, type ${n.Resource}Row } from './${n.resource}.repository.js';

const SUBJECT = '${n.subject}';
const NAME = '${n.Resource}';
const CONSTRAINTS: Constraints = {
  ${snake(n.resources)}_tenant_name_key: { kind: 'taken', field: 'name', message: 'The name is already in use' },
};

/** A ${n.resource} as it leaves the API: what the caller may read of it. */
export type ${n.Resource}View = Masked<${n.Resource}Row>;

/** ${n.Resources} of the company: the rules; queries are the repository's. */
@Injectable()
export class ${n.Resource}Service {
  constructor(
    @Inject(${n.Resource}Repository) private readonly records: ${n.Resource}Repository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<${n.Resource}View>> {
    const list = parseListQuery(
      ${LIST},
      query,
      and(
        eq(${n.table}.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, ${COLUMNS}),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<${n.Resource}Row>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  async get(id: string): Promise<${n.Resource}View> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: Create${n.Resource}Input): Promise<${n.Resource}View> {
    const { tenantId } = currentPrincipal();
    const values = { ...input, name: normalizeName(input.name) };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      constraints: CONSTRAINTS,
      insert: () => this.records.insert({ tenantId, id: newId(), ...values }),
    });
  }

  update(id: string, version: number, input: Update${n.Resource}Input): Promise<${n.Resource}View> {
    const { tenantId } = currentPrincipal();
    const values = input.name === undefined ? input : { ...input, name: normalizeName(input.name) };
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input: values,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: () => this.records.update(tenantId, id, version, values),
    });
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: () => this.records.remove(tenantId, id, version),
    });
  }
}
`;
}

function controllerFile(n: Names): string {
  const R = `${n.Context}Routes`;
  return `import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { ${R} as R } from '@nexo/contracts/${n.context}';
import { Route, expectedVersion } from '@nexo/platform';
import { ${n.Resource}Service } from './${n.resource}.service.js';

/** Views are masked (\`Partial\`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class ${n.Resource}Controller {
  constructor(@Inject(${n.Resource}Service) private readonly service: ${n.Resource}Service) {}

  @Route(R.list${n.Resources})
  list(@Query() q: RouteQuery<typeof R.list${n.Resources}>): Result<typeof R.list${n.Resources}> {
    return this.service.list(q) as Result<typeof R.list${n.Resources}>;
  }

  @Route(R.create${n.Resource})
  create(@Body() body: RouteBody<typeof R.create${n.Resource}>): Result<typeof R.create${n.Resource}> {
    return this.service.create(body) as Result<typeof R.create${n.Resource}>;
  }

  @Route(R.get${n.Resource})
  get(@Param() p: RouteParams<typeof R.get${n.Resource}>): Result<typeof R.get${n.Resource}> {
    return this.service.get(p.id) as Result<typeof R.get${n.Resource}>;
  }

  @Route(R.update${n.Resource})
  update(
    @Param() p: RouteParams<typeof R.update${n.Resource}>,
    @Body() body: RouteBody<typeof R.update${n.Resource}>,
  ): Result<typeof R.update${n.Resource}> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.update${n.Resource}>;
  }

  @Route(R.delete${n.Resource})
  remove(@Param() p: RouteParams<typeof R.delete${n.Resource}>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }
}
`;
}

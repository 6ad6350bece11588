import { Body, Controller, Inject, Injectable, Module, Param } from '@nestjs/common';
import { CatalogModule, TaxDefinitions } from '@nexo/catalog';
import {
  documentCreateSchema,
  documentRoutes,
  documentSchema,
  documentUpdateSchema,
  type DocumentLineInput as LineBody,
  type RouteBody,
  type RouteParams,
} from '@nexo/contracts';
import {
  defineDocumentType,
  defineStateMachine,
  DocumentKit,
  DocumentsModule,
  type DocumentLineInput,
} from '@nexo/documents';
import { documentTables } from '@nexo/documents/tables';
import { Route, expectedVersion } from '@nexo/platform';
import type { TestDatabase } from '@nexo/testing';
import { getTableConfig, pgSchema } from 'drizzle-orm/pg-core';
import pg from 'pg';

/**
 * A first document type, in tests only (issue 25): a plain invoice-like document made of the
 * kit's parts and nothing of its own, so the kit's guarantees are shown on real routes and a
 * real database before sales and purchasing build their documents on it. Its lines may also
 * be taken from another sample's lines (a credit note of a sample, say).
 */
export const sampleSchema = pgSchema('kit_sample');
export const sampleTables = documentTables(sampleSchema, {
  header: 'sample_documents',
  lines: 'sample_document_lines',
});
export const SAMPLE_STATES = defineStateMachine({
  states: ['draft', 'issued', 'cancelled'],
  initial: 'draft',
  transitions: {
    issue: { from: ['draft'], to: 'issued', issues: true },
    cancel: { from: ['issued'], to: 'cancelled' },
  },
});
export const SAMPLE = defineDocumentType({
  name: 'kit.sample',
  subject: 'kit.sample',
  label: 'Sample document',
  tables: sampleTables,
  states: SAMPLE_STATES,
  numbering: { prefix: 'S-', padding: 6 },
  sourceLines: sampleTables.lines,
});

const SampleSchema = documentSchema('SampleDocument');
export const SampleRoutes = documentRoutes({
  tag: 'Kit sample',
  path: '/api/v1/kit/samples',
  name: 'SampleDocument',
  plural: 'SampleDocuments',
  subject: 'kit.sample',
  schema: SampleSchema,
  create: documentCreateSchema(),
  update: documentUpdateSchema(),
  transitions: SAMPLE_STATES.names,
});
const R = SampleRoutes;

@Injectable()
class SampleDocumentService {
  constructor(
    @Inject(DocumentKit) private readonly kit: DocumentKit,
    @Inject(TaxDefinitions) private readonly taxes: TaxDefinitions,
  ) {}

  async lines(body: readonly LineBody[]): Promise<DocumentLineInput[]> {
    return Promise.all(
      body.map(async ({ taxIds, ...line }, i) => ({
        ...line,
        taxes: await this.taxes.forIds(taxIds, `lines.${i}.taxIds`),
      })),
    );
  }

  async header<B extends { documentTaxIds?: string[] | undefined }>(body: B) {
    const { documentTaxIds, ...rest } = body;
    return documentTaxIds
      ? { ...rest, documentTaxes: await this.taxes.forIds(documentTaxIds, 'documentTaxIds') }
      : rest;
  }

  async create(body: RouteBody<typeof R.create>) {
    const { lines, ...header } = body;
    return this.kit.create(SAMPLE, await this.header(header), await this.lines(lines));
  }

  async update(id: string, body: RouteBody<typeof R.update>) {
    const { lines, ...header } = body;
    return this.kit.update(
      SAMPLE,
      id,
      expectedVersion(),
      await this.header(header),
      lines ? await this.lines(lines) : undefined,
    );
  }
}

@Controller()
class SampleDocumentController {
  constructor(
    @Inject(SampleDocumentService) private readonly samples: SampleDocumentService,
    @Inject(DocumentKit) private readonly kit: DocumentKit,
  ) {}

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>) {
    return this.samples.create(body);
  }

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>) {
    return this.kit.get(SAMPLE, p.id);
  }

  @Route(R.update)
  update(@Param() p: RouteParams<typeof R.update>, @Body() body: RouteBody<typeof R.update>) {
    return this.samples.update(p.id, body);
  }

  @Route(R.remove)
  remove(@Param() p: RouteParams<typeof R.remove>) {
    return this.kit.remove(SAMPLE, p.id, expectedVersion());
  }

  @Route(R.transitions.issue)
  issue(@Param() p: RouteParams<typeof R.transitions.issue>) {
    return this.kit.transition(SAMPLE, p.id, expectedVersion(), 'issue');
  }

  @Route(R.transitions.cancel)
  cancel(@Param() p: RouteParams<typeof R.transitions.cancel>) {
    return this.kit.transition(SAMPLE, p.id, expectedVersion(), 'cancel');
  }

  @Route(R.derive)
  derive(@Param() p: RouteParams<typeof R.derive>, @Body() body: RouteBody<typeof R.derive>) {
    return this.kit.derive(SAMPLE, p.id, expectedVersion(), body.lines);
  }

  @Route(R.progress)
  progress(@Param() p: RouteParams<typeof R.progress>) {
    return this.kit.progress(SAMPLE, p.id);
  }
}

@Module({
  imports: [DocumentsModule, CatalogModule],
  controllers: [SampleDocumentController],
  providers: [SampleDocumentService],
})
export class SampleDocumentModule {}

/**
 * Creates the sample's tables in a test database as a document type's migration would: the
 * tables (from the kit's column sets, through drizzle-kit), row-level security, the kit's
 * guards, and derived lines tracked against the sample's own lines.
 */
export async function installSampleTables(db: TestDatabase): Promise<void> {
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  const empty = generateDrizzleJson({});
  const statements = await generateMigration(
    empty,
    generateDrizzleJson({ sampleSchema, ...sampleTables }),
  );
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
    for (const table of Object.values(sampleTables)) {
      const { schema, name } = getTableConfig(table);
      await client.query(`select nexo.enable_tenant_rls('${schema}.${name}')`);
    }
    await client.query(
      `select documents.install_guards('kit_sample.sample_documents', 'kit_sample.sample_document_lines')`,
    );
    await client.query(
      `select documents.track_derived('kit_sample.sample_document_lines', 'kit_sample.sample_document_lines')`,
    );
  } finally {
    await client.end();
  }
}

import { Body, Controller, Inject, Injectable, Module, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CatalogModule, TaxDefinitions } from '@nexo/catalog';
import {
  documentCreateSchema,
  documentRoutes,
  documentSchema,
  documentUpdateSchema,
  type DocumentLineInput as LineBody,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
} from '@nexo/contracts';
import {
  defineDocumentType,
  defineStateMachine,
  DocumentKit,
  DocumentsModule,
  type DocumentLineInput,
} from '@nexo/documents';
import { documentTables } from '@nexo/documents/tables';
import { Route, csvDownload, expectedVersion } from '@nexo/platform';
import type { TestDatabase } from '@nexo/testing';
import { getTableConfig, pgSchema, text } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { z } from 'zod';
import { CrmModule, PartyService } from '@nexo/crm';
import { Database } from '@nexo/db';
import { currentPrincipal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { tenants } from '@nexo/tenancy/tables';
import { eq } from 'drizzle-orm';
import type { DocumentPrint, DocumentView } from '@nexo/documents';

/**
 * A first document type, in tests only (issue 25): a plain invoice-like document made of the
 * kit's parts and nothing of its own, so the kit's guarantees are shown on real routes and a
 * real database before sales and purchasing build their documents on it. Its lines may also
 * be taken from another sample's lines (a credit note of a sample, say).
 */
export const sampleSchema = pgSchema('kit_sample');
export const sampleTables = documentTables(
  sampleSchema,
  { header: 'sample_documents', lines: 'sample_document_lines' },
  // A column of the type's own: the letter an Argentine invoice prints (A, B or C).
  { header: { letter: text('letter') } },
);
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
  create: documentCreateSchema({ letter: z.enum(['A', 'B', 'C']).optional() }),
  update: documentUpdateSchema({ letter: z.enum(['A', 'B', 'C']).optional() }),
  transitions: SAMPLE_STATES.names,
});
const R = SampleRoutes;

@Injectable()
class SampleDocumentService {
  constructor(
    @Inject(DocumentKit) private readonly kit: DocumentKit,
    @Inject(TaxDefinitions) private readonly taxes: TaxDefinitions,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(Database) private readonly database: Database,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  /** The party as the document is issued: what its PDF prints ever after. */
  async issue(id: string, version: number) {
    const doc = await this.kit.get(SAMPLE, id);
    const party = await this.parties.load(doc.partyId as string);
    return this.kit.transition(SAMPLE, id, version, 'issue', {
      partySnapshot: { name: party.name, taxId: party.taxId, email: party.email },
    });
  }

  /** The company's legal data, the party as issued, and the sample's title and letter. */
  async print(doc: DocumentView): Promise<DocumentPrint & { contactEmail: string | null }> {
    const [company] = await this.database
      .tx()
      .select({ name: tenants.name, legalName: tenants.legalName, taxId: tenants.taxId })
      .from(tenants)
      .where(eq(tenants.id, currentPrincipal().tenantId));
    const logo = await this.tenants.logoOf(currentPrincipal().tenantId);
    const party = (doc.partySnapshot ?? {}) as { name?: string; taxId?: string; email?: string };
    const letter = (doc as { letter?: string | null }).letter;
    const es = doc.language !== 'en';
    return {
      title: es ? 'Factura' : 'Invoice',
      ...(letter
        ? {
            letter: {
              letter,
              code: `${es ? 'Cód.' : 'Code'} ${letter === 'A' ? '01' : letter === 'B' ? '06' : '11'}`,
            },
          }
        : {}),
      company: {
        name: company?.name ?? '',
        legalName: company?.legalName ?? company?.name ?? '',
        taxId: company?.taxId ?? '',
        addressLines: [],
        taxCondition: es ? 'IVA Responsable Inscripto' : 'VAT registered',
        ...(logo ? { logo: logo.data } : {}),
      },
      party: { name: party.name ?? '', taxId: party.taxId ?? '', addressLines: [] },
      totalInWords: es,
      contactEmail: party.email ?? null,
    };
  }

  /** The lines with their taxes, all resolved in one query. */
  async lines(body: readonly LineBody[]): Promise<DocumentLineInput[]> {
    const taxes = await this.taxes.forLines(body);
    return body.map(({ taxIds: _ids, ...line }, i) => ({ ...line, taxes: taxes[i] ?? [] }));
  }

  async header<B extends { documentTaxIds?: string[] | undefined }>(body: B) {
    const { documentTaxIds, ...rest } = body;
    return documentTaxIds
      ? { ...rest, documentTaxes: await this.taxes.forIds(documentTaxIds, 'documentTaxIds') }
      : rest;
  }

  /** A draft in its party's language unless the caller chose one. */
  async create(body: RouteBody<typeof R.create>) {
    const { lines, ...header } = body;
    const party = await this.parties.load(header.partyId);
    return this.kit.create(
      SAMPLE,
      {
        ...(await this.header(header)),
        language: header.language ?? (party.language === 'en' ? 'en' : 'es'),
      },
      await this.lines(lines),
    );
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

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>) {
    return this.kit.list(SAMPLE, q);
  }

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.export)
  async export(@Query() q: RouteQuery<typeof R.export>, @Res() reply: FastifyReply) {
    await this.kit.exportCsv(SAMPLE, q, csvDownload(reply, 'samples.csv'));
  }

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
    return this.samples.issue(p.id, expectedVersion());
  }

  @Route(R.pdf)
  pdf(@Param() p: RouteParams<typeof R.pdf>) {
    return this.kit.pdf(SAMPLE, p.id, (doc) => this.samples.print(doc));
  }

  @Route(R.send)
  send(@Param() p: RouteParams<typeof R.send>, @Body() body: RouteBody<typeof R.send>) {
    return this.kit.send(SAMPLE, p.id, body, (doc) => this.samples.print(doc));
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
  imports: [DocumentsModule, CatalogModule, CrmModule],
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
  const statements = await sampleTablesSql();
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

/**
 * The sample's CREATE statements, by drizzle-kit as a migration would have them. drizzle-kit's
 * API module adds methods to `Array.prototype` and `String.prototype` when loaded (enumerable
 * ones, which break `for…in` in other libraries, pdf.js among them): they are removed again
 * once the statements are made.
 */
async function sampleTablesSql(): Promise<string[]> {
  const before = {
    array: new Set(Object.keys(Array.prototype)),
    string: new Set(Object.keys(String.prototype)),
  };
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  try {
    return await generateMigration(
      generateDrizzleJson({}),
      generateDrizzleJson({ sampleSchema, ...sampleTables }),
    );
  } finally {
    for (const key of Object.keys(Array.prototype))
      if (!before.array.has(key))
        delete (Array.prototype as unknown as Record<string, unknown>)[key];
    for (const key of Object.keys(String.prototype))
      if (!before.string.has(key))
        delete (String.prototype as unknown as Record<string, unknown>)[key];
  }
}

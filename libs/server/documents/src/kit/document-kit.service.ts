import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { Database, Numbering, VersionedRecords, type ListPage } from '@nexo/db';
import type { Writable } from 'node:stream';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import type { BinaryFile } from '@nexo/contracts';
import { DomainError, Mailer, currentPrincipal, stale } from '@nexo/platform';
import { ExchangeRates } from '@nexo/tenancy';
import { dueDates, PaymentTermsSchema } from '@nexo/commerce';
import {
  RecordWrites,
  auditSnapshot,
  exportListCsv,
  listRecords,
  type Masked,
} from '@nexo/records';
import { decimal, Money, newId } from '@nexo/utils';
import { renderDocumentPdf } from '../pdf/document-pdf.renderer.js';
import { DocumentSent, documentPayload } from './document-events.js';
import { documentMail, documentPdfView, type DocumentPrint } from './document-print.js';
import { documentFigures } from './document-figures.js';
import { DOCUMENT_CSV_COLUMNS, documentColumns, documentList } from './document-list.js';
import { translateDocumentError } from './document-errors.js';
import { DocumentStore } from './document-store.js';
import type {
  DerivePick,
  DocumentHeaderInput,
  DocumentLineInput,
  DocumentLineRow,
  DocumentRow,
  DocumentType,
  LineProgress,
} from './document-type.js';

/** A document as the kit returns it: the header the caller may read, and its lines. */
export type DocumentView = Masked<DocumentRow> & { lines: DocumentLineRow[] };

const HEADER_AMOUNTS = ['net', 'taxes', 'withheld', 'rounding', 'total'] as const;
const LINE_AMOUNTS = ['net', 'taxAmount', 'total'] as const;

/**
 * Amounts with their currency's decimals ("97.50", "1501" in CLP), as the tax breakdown has
 * them: columns keep the value, the view says it as money.
 */
function presented(header: Masked<DocumentRow>, lines: DocumentLineRow[], currency: string) {
  const money = (v: string) => Money.of(v, currency).toString();
  const out: Record<string, unknown> = { ...header };
  for (const k of HEADER_AMOUNTS) if (typeof header[k] === 'string') out[k] = money(header[k]);
  return {
    ...(out as Masked<DocumentRow>),
    lines: lines.map((l) => {
      const line: DocumentLineRow = { ...l };
      for (const k of LINE_AMOUNTS) line[k] = money(l[k]);
      return line;
    }),
  };
}

const lineRows = (
  tenantId: string,
  documentId: string,
  lines: readonly DocumentLineInput[],
  figures: ReturnType<typeof documentFigures>['lines'],
) =>
  lines.map((l, i) => ({
    tenantId,
    id: newId(),
    documentId,
    position: i + 1,
    itemId: l.itemId ?? null,
    variantId: l.variantId ?? null,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent ?? '0',
    taxes: l.taxes,
    sourceLineId: l.sourceLineId ?? null,
    ...figures[i],
  }));

/** The line input a stored line was made from: for recomputing a draft's figures. */
const inputOf = (row: DocumentLineRow): DocumentLineInput => ({
  itemId: row.itemId,
  variantId: row.variantId,
  description: row.description,
  quantity: row.quantity,
  unit: row.unit,
  unitPrice: row.unitPrice,
  discountPercent: row.discountPercent,
  taxes: row.taxes as DocumentLineInput['taxes'],
  sourceLineId: row.sourceLineId,
});

/**
 * The commercial-document kit's service (erp.md §3), used by every document type's own
 * service: drafts whose totals the kit keeps from the lines, transitions by the type's state
 * machine with their permission, the gapless number taken when a document is issued, lines
 * derived from another document's lines without ever taking more than remains, and the
 * audit and outbox of each. All on the request's transaction; the database guards what
 * matters (issued documents never change, derived quantities never exceed their source)
 * whoever writes.
 */
@Injectable()
export class DocumentKit {
  constructor(
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(Numbering) private readonly numbering: Numbering,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(Database) private readonly database: Database,
    @Inject(ExchangeRates) private readonly rates: ExchangeRates,
  ) {}

  /**
   * The document's rate to the company's currency: the one given, else the company's rate on
   * the document's date (1 for its own currency); none entered is a 422 on `exchangeRate`.
   */
  private async exchangeRate(header: {
    currency: string;
    documentDate: string;
    exchangeRate?: string | undefined;
  }): Promise<string> {
    if (header.exchangeRate) return header.exchangeRate;
    const found = await this.rates.rateOn(header.currency, header.documentDate);
    if (found) return found.rate;
    throw DomainError.validation([
      {
        path: 'exchangeRate',
        code: 'required',
        message: `No ${header.currency} rate on or before ${header.documentDate}: enter one, or give the rate`,
      },
    ]);
  }

  /** A page of documents of `type` the caller may read: headers with their totals. */
  async list(type: DocumentType, query: Record<string, unknown>): Promise<ListPage<unknown>> {
    const page = await listRecords<DocumentRow>(
      { permissions: this.permissions },
      {
        subject: type.subject,
        table: type.tables.header,
        definition: documentList(type.tables),
        columns: documentColumns(type.tables),
        records: new VersionedRecords(this.database, type.tables.header),
      },
      query,
    );
    return {
      ...page,
      items: page.items.map((row) => {
        const { lines: _none, ...header } = presented(row, [], row.currency ?? 'XXX');
        return header;
      }),
    };
  }

  /** The list's rows as CSV (all pages), audited as an export. */
  async exportCsv(
    type: DocumentType,
    query: Record<string, unknown>,
    open: () => Writable,
  ): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      {
        subject: type.subject,
        columns: DOCUMENT_CSV_COLUMNS,
        page: (q) => this.list(type, q) as Promise<ListPage<object>>,
      },
      query,
      open,
    );
  }

  async get(type: DocumentType, id: string): Promise<DocumentView> {
    const { tenantId } = currentPrincipal();
    const row = await this.store.header(type.tables, tenantId, id);
    if (!row) throw DomainError.notFound(type.label);
    await this.permissions.assertCan('read', type.subject, row);
    const lines = await this.store.lines(type.tables, tenantId, id);
    return presented(await this.writes.view(type.subject, row), lines, row.currency);
  }

  /** A new draft with its lines; its figures computed from them. */
  async create(
    type: DocumentType,
    header: DocumentHeaderInput,
    lines: readonly DocumentLineInput[],
  ): Promise<DocumentView> {
    const { tenantId } = currentPrincipal();
    const id = newId();
    const figures = documentFigures(header, lines);
    const exchangeRate = await this.exchangeRate(header);
    let inserted: DocumentLineRow[] = [];
    const view = await this.writes.create({
      subject: type.subject,
      input: { ...header, lines },
      insert: async () => {
        try {
          const row = await this.store.insertHeader(type.tables, {
            ...header,
            exchangeRate,
            tenantId,
            id,
            state: type.states.initial,
            ...figures.totals,
          });
          inserted = await this.store.insertLines(
            type.tables,
            lineRows(tenantId, id, lines, figures.lines),
          );
          return row;
        } catch (error) {
          return translateDocumentError(error);
        }
      },
      event: (after) => type.events.created.of(after.id, documentPayload(after)),
    });
    return presented(view, inserted, header.currency);
  }

  /**
   * Changes a draft: its header fields and, when given, all its lines (replaced); the figures
   * follow. An issued document answers `document_issued` — and were this check skipped, the
   * database's guard would refuse the same.
   */
  async update(
    type: DocumentType,
    id: string,
    version: number,
    header: Partial<DocumentHeaderInput>,
    lines?: readonly DocumentLineInput[],
  ): Promise<DocumentView> {
    const { tenantId } = currentPrincipal();
    let stored: DocumentLineRow[] = [];
    let currency = '';
    const view = await this.writes.update({
      subject: type.subject,
      name: type.label,
      input: lines ? { ...header, lines } : header,
      load: () => this.store.header(type.tables, tenantId, id, true),
      write: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The document is issued');
        try {
          const current = lines ? [] : await this.store.lines(type.tables, tenantId, id);
          const next = lines ?? current.map(inputOf);
          const merged = { ...before, ...header } as DocumentHeaderInput;
          currency = merged.currency;
          const moved = header.currency !== undefined || header.documentDate !== undefined;
          const exchangeRate =
            header.exchangeRate ??
            (moved ? await this.exchangeRate({ ...merged, exchangeRate: undefined }) : undefined);
          const figures = documentFigures(merged, next);
          if (lines) {
            await this.store.deleteLines(type.tables, tenantId, id);
            stored = await this.store.insertLines(
              type.tables,
              lineRows(tenantId, id, lines, figures.lines),
            );
          } else {
            // A header change (a discount, the rounding) moves the lines' figures too.
            stored = current.map((l, i) => ({ ...l, ...figures.lines[i] }));
            await this.store.setLineFigures(type.tables, tenantId, stored);
          }
          return await this.store.updateHeader(type.tables, tenantId, id, version, {
            ...header,
            ...(exchangeRate ? { exchangeRate } : {}),
            ...figures.totals,
          });
        } catch (error) {
          return translateDocumentError(error);
        }
      },
      event: (_before, after) => type.events.updated.of(after.id, documentPayload(after)),
    });
    return presented(view, stored, currency);
  }

  /** Deletes a draft (its lines go with it, giving back what they took from source lines). */
  remove(type: DocumentType, id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: type.subject,
      name: type.label,
      load: () => this.store.header(type.tables, tenantId, id, true),
      remove: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The document is issued');
        return this.store
          .deleteHeader(type.tables, tenantId, id, version)
          .catch((error: unknown) => translateDocumentError(error));
      },
      event: (before) => type.events.deleted.of(before.id, { id: before.id }),
    });
  }

  /**
   * Takes a transition of the type's state machine: the state must allow it (409
   * `transition_not_allowed`), the caller needs its permission action on the document (403),
   * and an issuing transition takes the next number of the type's gapless series — in this
   * transaction, so a rollback gives it back — and sets `issued_at`, after which the database
   * refuses any change but the state's. `snapshot` (the party as issued, say) is written with it.
   */
  async transition(
    type: DocumentType,
    id: string,
    version: number,
    transition: string,
    snapshot: Record<string, unknown> = {},
  ): Promise<DocumentView> {
    const { tenantId, userId } = currentPrincipal();
    const before = await this.store.header(type.tables, tenantId, id, true);
    if (!before) throw DomainError.notFound(type.label);
    if (before.version !== version) throw stale();
    const machine = type.states;
    if (!machine.names.includes(transition)) throw DomainError.notFound(`${type.label} action`);
    await this.permissions.assertCan(machine.actionOf(transition), type.subject, before);
    if (!machine.can(before.state, transition))
      throw new DomainError(
        'transition_not_allowed',
        `A ${type.label.toLowerCase()} in state ${before.state} cannot ${transition}`,
      );
    const spec = machine.transitions[transition] as { to: string; issues?: boolean };
    const lines = await this.store.lines(type.tables, tenantId, id);
    let changes: Partial<DocumentRow> = { state: spec.to };
    if (spec.issues) {
      if (lines.length === 0) throw new DomainError('document_empty', 'The document has no lines');
      const number = await this.numbering.next(type.name, 'A', type.numbering);
      const terms = PaymentTermsSchema.safeParse(before.paymentTerms);
      if (terms.success && !before.dueDate) {
        const schedule = dueDates(
          terms.data,
          before.documentDate,
          Money.of(before.total, before.currency),
        );
        changes.dueDate = schedule.installments.at(-1)?.dueDate ?? null;
      }
      changes = {
        ...changes,
        ...snapshot,
        number: number.formatted,
        issuedAt: new Date(),
        issuedBy: userId,
      };
    }
    const after = await this.store
      .updateHeader(type.tables, tenantId, id, version, changes)
      .catch((error: unknown) => translateDocumentError(error));
    if (!after) throw stale();
    await this.audit.record({
      action: transition,
      resource: type.subject,
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    const event = type.events.transitions[transition];
    if (event) await this.outbox.publish(event.of(id, documentPayload(after)));
    return presented(await this.writes.view(type.subject, after), lines, after.currency);
  }

  /**
   * Adds to draft `id` lines taken from source lines (of `type.sourceLines`): the source's
   * item, description, unit, price, discount and taxes, with the quantity picked. The
   * database keeps each source line's `done_quantity` and refuses (409 `quantity_exceeded`)
   * a pick beyond what remains, however many run at once: the source row's lock orders them.
   */
  async derive(
    type: DocumentType,
    id: string,
    version: number,
    picks: readonly DerivePick[],
  ): Promise<DocumentView> {
    if (!type.sourceLines) throw new Error(`${type.name} derives from no other type`);
    const { tenantId } = currentPrincipal();
    const sources = await this.store.linesByIds(
      type.sourceLines,
      tenantId,
      picks.map((p) => p.sourceLineId),
    );
    const byId = new Map(sources.map((s) => [s.id, s]));
    const issues = picks.flatMap((p, i) => {
      if (!byId.has(p.sourceLineId))
        return [{ path: `lines.${i}.sourceLineId`, code: 'not_found', message: 'No such line' }];
      if (!decimal(p.quantity).isPositive())
        return [{ path: `lines.${i}.quantity`, code: 'too_small', message: 'More than zero' }];
      return [];
    });
    if (issues.length > 0) throw DomainError.validation(issues);
    const current = await this.store.lines(type.tables, tenantId, id);
    const added: DocumentLineInput[] = picks.map((p) => {
      const source = byId.get(p.sourceLineId) as DocumentLineRow;
      return { ...inputOf(source), quantity: p.quantity, sourceLineId: source.id };
    });
    return this.update(type, id, version, {}, [...current.map(inputOf), ...added]);
  }

  /** Each line of document `id` of `type`: quantity, done by later documents, remaining. */
  async progress(type: DocumentType, id: string): Promise<LineProgress[]> {
    const { tenantId } = currentPrincipal();
    const row = await this.store.header(type.tables, tenantId, id);
    if (!row) throw DomainError.notFound(type.label);
    await this.permissions.assertCan('read', type.subject, row);
    const lines = await this.store.lines(type.tables, tenantId, id);
    return lines.map((l) => ({
      lineId: l.id,
      quantity: l.quantity,
      done: l.doneQuantity,
      remaining: decimal(l.quantity).abs().minus(decimal(l.doneQuantity)).toFixed(),
    }));
  }

  /** The document as PDF, in its language, with what its type prints (`print`). */
  async pdf(
    type: DocumentType,
    id: string,
    print: (doc: DocumentView) => Promise<DocumentPrint>,
  ): Promise<BinaryFile> {
    const doc = await this.get(type, id);
    const data = await renderDocumentPdf(documentPdfView(doc as Printable, await print(doc)));
    return { contentType: 'application/pdf', data };
  }

  /**
   * Emails an issued document's PDF to `to` (its contact's address unless the caller gave
   * another), in the document's language, through the platform's mail path; audited, and
   * announced (`documents.document.sent`) so the party's timeline shows it.
   */
  async send(
    type: DocumentType,
    id: string,
    input: { to?: string | undefined; message?: string | undefined },
    print: (doc: DocumentView) => Promise<DocumentPrint & { contactEmail?: string | null }>,
  ): Promise<void> {
    const { tenantId } = currentPrincipal();
    const row = await this.store.header(type.tables, tenantId, id);
    if (!row) throw DomainError.notFound(type.label);
    await this.permissions.assertCan('send', type.subject, row);
    if (!row.issuedAt)
      throw new DomainError('transition_not_allowed', 'Only an issued document is sent');
    const doc = await this.get(type, id);
    const details = await print(doc);
    const to = input.to ?? details.contactEmail;
    if (!to)
      throw DomainError.validation([
        { path: 'to', code: 'required', message: 'The party has no email: give an address' },
      ]);
    const data = await renderDocumentPdf(documentPdfView(doc as Printable, details));
    const mail = documentMail(row, details.title, details.company.name, input.message);
    await this.mailer.send({
      to,
      ...mail,
      attachments: [
        {
          filename: `${details.title}-${row.number ?? row.id}.pdf`.replace(/[^\w.-]+/g, '_'),
          content: data,
          contentType: 'application/pdf',
        },
      ],
    });
    await this.audit.record({
      action: 'send',
      resource: type.subject,
      resourceId: id,
      after: { to, number: row.number },
    });
    await this.outbox.publish(
      DocumentSent.of(id, {
        documentType: type.name,
        documentId: id,
        number: row.number,
        partyId: row.partyId,
        to,
        total: row.total,
        currency: row.currency,
      }),
    );
  }
}

type Printable = Parameters<typeof documentPdfView>[0];

import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { StockItemFacts } from '@nexo/catalog';
import type {
  CreateOperationInput,
  OperationLineInput,
  UpdateOperationInput,
} from '@nexo/contracts/inventory';
import { Numbering, parseListQuery, unknownReference, type ListPage } from '@nexo/db';
import { translateDocumentError } from '@nexo/documents';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import {
  RecordWrites,
  auditSnapshot,
  type Constraints,
  type Masked,
  exportListCsv,
} from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { operations } from '../db/inventory.tables.js';
import { StockPosting } from '../ledger/stock-posting.service.js';
import { Lots } from '../lots/lots.service.js';
import { OPERATION_COLUMNS, OPERATION_CSV_COLUMNS, OPERATION_LIST } from './operation.list.js';
import {
  OPERATION_SERIES,
  OPERATION_STATE_MACHINE,
  operationMoves,
  operationProblems,
  transitionFits,
  type OperationTransition,
} from './operation.policy.js';
import {
  OperationRepository,
  type OperationLineRow,
  type OperationRow,
} from './operation.repository.js';
import { StockPlaces } from './stock-places.js';

const SUBJECT = 'inventory.operation';
const NAME = 'Operation';
const CONSTRAINTS: Constraints = {
  operations_warehouse_fk: unknownReference('warehouseId', 'No such warehouse'),
};

type OperationKind = CreateOperationInput['kind'];
/** An operation's header as it leaves the API: what the caller may read, and its location. */
type OperationHeaderView = Masked<OperationRow> & { locationId?: string | null };
export type OperationLineView = Omit<
  OperationLineRow,
  'tenantId' | 'documentId' | 'createdAt' | 'updatedAt' | 'version'
>;
export type OperationView = OperationHeaderView & { lines: OperationLineView[] };

const today = () => new Date().toISOString().slice(0, 10);

/** Adjustments and scrap keep their one location in `from_location_id`. */
function headerView(row: Masked<OperationRow>): OperationHeaderView {
  const single = row.kind !== 'transfer';
  return {
    ...row,
    locationId: single ? (row.fromLocationId ?? null) : null,
    ...(single ? { toLocationId: null } : {}),
  };
}

const lineView = (l: OperationLineRow): OperationLineView => ({
  id: l.id,
  position: l.position,
  itemId: l.itemId,
  variantId: l.variantId,
  lotId: l.lotId,
  lotCode: l.lotCode,
  quantity: l.quantity,
  unitCost: l.unitCost,
});

/**
 * Stock operations with documents of their own (issue 26): adjustments, transfers (direct or
 * through in-transit) and scrap. A draft is edited freely; posting (or shipping) takes the
 * kind's gapless number and posts its moves through `StockPosting` in the same transaction,
 * after which the database guards refuse any change but the state's and `received_at`.
 */
@Injectable()
export class OperationService {
  constructor(
    @Inject(OperationRepository) private readonly records: OperationRepository,
    @Inject(StockPlaces) private readonly places: StockPlaces,
    @Inject(StockItemFacts) private readonly items: StockItemFacts,
    @Inject(StockPosting) private readonly posting: StockPosting,
    @Inject(Lots) private readonly lots: Lots,
    @Inject(Numbering) private readonly numbering: Numbering,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<OperationHeaderView>> {
    const list = parseListQuery(
      OPERATION_LIST,
      query,
      and(
        eq(operations.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, OPERATION_COLUMNS),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<OperationRow>(SUBJECT);
    return { ...page, items: page.items.map((row) => headerView(view(row))) };
  }

  /** The list's rows as CSV (all pages), audited as an export. */
  exportCsv(query: Record<string, unknown>, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      { subject: SUBJECT, columns: OPERATION_CSV_COLUMNS, page: (q) => this.list(q) },
      query,
      open,
    );
  }

  async get(id: string): Promise<OperationView> {
    const { tenantId } = currentPrincipal();
    const row = await this.records.byId(tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.view(row);
  }

  private async view(row: OperationRow): Promise<OperationView> {
    const lines = await this.records.lines(row.tenantId, row.id);
    return {
      ...headerView(await this.writes.view(SUBJECT, row)),
      lines: lines.map(lineView),
    };
  }

  async create(input: CreateOperationInput): Promise<OperationView> {
    const { tenantId } = currentPrincipal();
    const id = newId();
    const { lines, locationId, ...header } = input;
    const values = {
      kind: header.kind,
      warehouseId: header.warehouseId,
      fromLocationId: (header.kind === 'transfer' ? header.fromLocationId : locationId) ?? null,
      toLocationId: header.kind === 'transfer' ? (header.toLocationId ?? null) : null,
      viaTransit: header.viaTransit ?? false,
      reason: header.reason ?? null,
      effectiveDate: header.effectiveDate ?? today(),
      notes: header.notes ?? null,
    };
    const view = await this.writes.create({
      subject: SUBJECT,
      input: { ...header, locationId, lines },
      constraints: CONSTRAINTS,
      insert: async () => {
        await this.check(tenantId, values, lines);
        const row = await this.records.insert({ tenantId, id, ...values });
        await this.records.replaceLines(
          tenantId,
          id,
          this.lineRows(tenantId, id, await this.withLots(lines)),
        );
        return row;
      },
    });
    const stored = await this.records.lines(tenantId, id);
    return { ...headerView(view), lines: stored.map(lineView) };
  }

  /**
   * Changes a draft: header fields and, when given, all its lines. An issued operation answers
   * 409 `document_issued` (the database's guard would refuse it too); a cancelled one
   * `transition_not_allowed`.
   */
  async update(id: string, version: number, input: UpdateOperationInput): Promise<OperationView> {
    const { tenantId } = currentPrincipal();
    const { lines, locationId, ...header } = input;
    const view = await this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input: input,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The operation is posted');
        if (before.state !== 'draft')
          throw new DomainError(
            'transition_not_allowed',
            `A ${before.state} operation is not edited`,
          );
        const transfer = before.kind === 'transfer';
        const changes = {
          ...(header.warehouseId !== undefined ? { warehouseId: header.warehouseId } : {}),
          ...(transfer && header.fromLocationId !== undefined
            ? { fromLocationId: header.fromLocationId }
            : {}),
          ...(transfer && header.toLocationId !== undefined
            ? { toLocationId: header.toLocationId }
            : {}),
          ...(!transfer && locationId !== undefined ? { fromLocationId: locationId } : {}),
          ...(header.viaTransit !== undefined ? { viaTransit: header.viaTransit } : {}),
          ...(header.reason !== undefined ? { reason: header.reason } : {}),
          ...(header.effectiveDate !== undefined ? { effectiveDate: header.effectiveDate } : {}),
          ...(header.notes !== undefined ? { notes: header.notes } : {}),
        };
        const merged = { ...before, ...changes };
        const next = lines ?? (await this.records.lines(tenantId, id)).map(inputOf);
        await this.check(tenantId, merged, next);
        try {
          if (lines)
            await this.records.replaceLines(
              tenantId,
              id,
              this.lineRows(tenantId, id, await this.withLots(lines)),
            );
          return await this.records.update(tenantId, id, version, changes);
        } catch (error) {
          return translateDocumentError(error);
        }
      },
    });
    const stored = await this.records.lines(tenantId, id);
    return { ...headerView(view), lines: stored.map(lineView) };
  }

  /** Deletes a draft (or a cancelled one) with its lines; a posted one answers 409. */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The operation is posted');
        return this.records
          .remove(tenantId, id, version)
          .catch((error: unknown) => translateDocumentError(error));
      },
    });
  }

  /**
   * Takes a step of the operation's state machine. `post` and `ship` issue it: the kind's next
   * gapless number (given back if anything here fails: it is this transaction's), `issued_at`
   * and `issued_by`, and its moves posted, all in one COMMIT. `receive` moves a shipped
   * transfer from in-transit to its destination on the day it is received.
   */
  async transition(id: string, version: number, transition: OperationTransition) {
    const { tenantId, userId } = currentPrincipal();
    const before = await this.records.byId(tenantId, id);
    if (!before) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, before);
    if (before.version !== version) throw stale();
    const machine = OPERATION_STATE_MACHINE;
    await this.permissions.assertCan(machine.actionOf(transition), SUBJECT, before);
    if (!machine.can(before.state as never, transition) || !transitionFits(before, transition))
      throw new DomainError(
        'transition_not_allowed',
        before.kind === 'transfer' && before.state === 'draft'
          ? `This transfer ${before.viaTransit ? 'ships and is received' : 'posts'}: it cannot ${transition}`
          : `A ${before.state} ${before.kind} cannot ${transition}`,
      );
    const spec = machine.transitions[transition];
    const lines = await this.records.lines(tenantId, id);
    const series = OPERATION_SERIES[before.kind as OperationKind];
    let changes: Partial<OperationRow> = { state: spec.to };
    if ('issues' in spec && spec.issues) {
      if (lines.length === 0) throw new DomainError('document_empty', 'The operation has no lines');
      // What a draft may lack until it posts: its locations, its reason, lines that fit.
      await this.check(tenantId, before, lines.map(inputOf), true);
      const number = await this.numbering.next(series.sourceType, 'A', { prefix: series.prefix });
      changes = { ...changes, number: number.formatted, issuedAt: new Date(), issuedBy: userId };
    }
    if (transition === 'receive') changes.receivedAt = new Date();
    const after = await this.records
      .update(tenantId, id, version, changes)
      .catch((error: unknown) => translateDocumentError(error));
    if (!after) throw stale();
    if (transition !== 'cancel') {
      const step = transition === 'ship' || transition === 'receive' ? transition : 'post';
      const places = {
        adjustment: before.kind === 'adjustment' ? await this.places.virtual('adjustment') : '',
        scrap: before.kind === 'scrap' ? await this.places.virtual('scrap') : '',
        transit: before.viaTransit ? await this.places.virtual('transit') : '',
      };
      await this.posting.post({
        sourceType: series.sourceType,
        sourceId: id,
        effectiveDate: step === 'receive' ? today() : before.effectiveDate,
        moves: operationMoves(before, lines, places, step),
      });
    }
    await this.audit.record({
      action: transition,
      resource: SUBJECT,
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return this.view(after);
  }

  /**
   * What a draft's fields must be: its locations internal ones of its warehouse (a transfer's
   * destination of any warehouse of the company), its items stocked ones of the company, its
   * lots theirs. `complete` (on posting) also asks for what a draft may still lack.
   */
  private async check(
    tenantId: string,
    op: {
      kind: string;
      warehouseId: string;
      fromLocationId: string | null;
      toLocationId: string | null;
      viaTransit: boolean;
      reason: string | null;
    },
    lines: readonly OperationLineInput[],
    complete = false,
  ) {
    const shape = operationProblems(op, lines);
    const problems = complete
      ? shape
      : shape.filter((p) => p.code !== 'required' || p.path === 'reason');
    if (problems.length > 0) throw DomainError.validation(problems);
    const locationChecks = [
      ...(op.fromLocationId
        ? [
            {
              path: op.kind === 'transfer' ? 'fromLocationId' : 'locationId',
              locationId: op.fromLocationId,
              warehouseId: op.warehouseId,
            },
          ]
        : []),
      ...(op.toLocationId && op.kind === 'transfer'
        ? [{ path: 'toLocationId', locationId: op.toLocationId }]
        : []),
    ];
    await this.places.internal(tenantId, locationChecks);
    const facts = await this.items.forIds(lines.map((l) => l.itemId));
    const lots = await this.places.lots(
      tenantId,
      lines.flatMap((l) => (l.lotId ? [l.lotId] : [])),
    );
    const issues = lines.flatMap((l, i) => {
      const fact = facts.get(l.itemId);
      if (!fact) return [{ path: `lines.${i}.itemId`, code: 'not_found', message: 'No such item' }];
      if (fact.kind !== 'stockable')
        throw new DomainError('item_not_stocked', `${fact.sku} keeps no stock`);
      if (l.variantId && !fact.variants.has(l.variantId))
        return [{ path: `lines.${i}.variantId`, code: 'not_found', message: 'No such variant' }];
      if (l.lotId && lots.get(l.lotId)?.itemId !== l.itemId)
        return [
          { path: `lines.${i}.lotId`, code: 'not_found', message: 'No such lot of the item' },
        ];
      return [];
    });
    if (issues.length > 0) throw DomainError.validation(issues);
  }

  /** Lines naming a lot by its code get the item's lot of that code, made when missing. */
  private async withLots(lines: readonly OperationLineInput[]): Promise<OperationLineInput[]> {
    const resolved: OperationLineInput[] = [];
    for (const { lotCode, ...line } of lines)
      resolved.push(
        lotCode && !line.lotId
          ? {
              ...line,
              lotId: await this.lots.ensure({
                itemId: line.itemId,
                variantId: line.variantId ?? null,
                code: lotCode,
              }),
            }
          : line,
      );
    return resolved;
  }

  private lineRows(tenantId: string, documentId: string, lines: readonly OperationLineInput[]) {
    return lines.map((l, i) => ({
      tenantId,
      id: newId(),
      documentId,
      position: i + 1,
      itemId: l.itemId,
      variantId: l.variantId ?? null,
      lotId: l.lotId ?? null,
      quantity: l.quantity,
      unitCost: l.unitCost ?? null,
    }));
  }
}

const inputOf = (l: OperationLineRow): OperationLineInput & { id: string } => ({
  id: l.id,
  itemId: l.itemId,
  variantId: l.variantId,
  lotId: l.lotId,
  quantity: l.quantity,
  unitCost: l.unitCost,
});

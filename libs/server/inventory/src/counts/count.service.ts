import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { StockItemFacts } from '@nexo/catalog';
import type {
  CountLinesInput,
  CountScanInput,
  CreateCountInput,
  UpdateCountInput,
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
import { counts } from '../db/inventory.tables.js';
import { StockPosting } from '../ledger/stock-posting.service.js';
import { Lots } from '../lots/lots.service.js';
import { StockPlaces } from '../operations/stock-places.js';
import { COUNT_COLUMNS, COUNT_CSV_COLUMNS, COUNT_LIST } from './count.list.js';
import {
  COUNT_PREFIX,
  COUNT_SOURCE_TYPE,
  COUNT_STATE_MACHINE,
  countDifference,
  countMoves,
  underPath,
  type CountTransition,
} from './count.policy.js';
import { CountRepository, type CountLineRow, type CountRow } from './count.repository.js';

const SUBJECT = 'inventory.count';
const NAME = 'Count';
const CONSTRAINTS: Constraints = {
  counts_warehouse_fk: unknownReference('warehouseId', 'No such warehouse'),
  counts_location_fk: unknownReference('locationId', 'No such location'),
};

export interface CountLineView {
  id: string;
  locationId: string;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  lotCode: string | null;
  expected: string;
  counted: string | null;
  difference: string | null;
}
export type CountView = Masked<CountRow> & { lines: CountLineView[] };

const today = () => new Date().toISOString().slice(0, 10);

const lineView = (l: CountLineRow): CountLineView => ({
  id: l.id,
  locationId: l.locationId,
  itemId: l.itemId,
  variantId: l.variantId,
  lotId: l.lotId,
  lotCode: l.lotCode,
  expected: l.expected,
  counted: l.counted,
  difference: countDifference(l),
});

/**
 * Physical counts (issue 26): a draft names a location of a warehouse; `start` freezes what
 * is on hand there and under it as the expected quantities; people count (line by line or
 * with a scanner); `post` takes the next `RC-` number and moves, for each counted line, the
 * difference through `StockPosting` in the same transaction. Lines nobody counted move
 * nothing: they are left as they were.
 */
@Injectable()
export class CountService {
  constructor(
    @Inject(CountRepository) private readonly records: CountRepository,
    @Inject(StockPlaces) private readonly places: StockPlaces,
    @Inject(StockItemFacts) private readonly items: StockItemFacts,
    @Inject(StockPosting) private readonly posting: StockPosting,
    @Inject(Lots) private readonly lots: Lots,
    @Inject(Numbering) private readonly numbering: Numbering,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<Masked<CountRow>>> {
    const list = parseListQuery(
      COUNT_LIST,
      query,
      and(
        eq(counts.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, COUNT_COLUMNS),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<CountRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  exportCsv(query: Record<string, unknown>, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      { subject: SUBJECT, columns: COUNT_CSV_COLUMNS, page: (q) => this.list(q) },
      query,
      open,
    );
  }

  async get(id: string): Promise<CountView> {
    const row = await this.load(id);
    return this.view(row);
  }

  private async load(id: string, shared = false): Promise<CountRow> {
    const { tenantId } = currentPrincipal();
    const row = shared
      ? await this.records.sharedById(tenantId, id)
      : await this.records.byId(tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return row;
  }

  private async view(row: CountRow): Promise<CountView> {
    const lines = await this.records.lines(row.tenantId, row.id);
    return { ...(await this.writes.view(SUBJECT, row)), lines: lines.map(lineView) };
  }

  /** The count's location: the one given (of the warehouse), else the warehouse's root. */
  private async location(tenantId: string, warehouseId: string, locationId?: string) {
    const id = locationId ?? (await this.places.rootOf(warehouseId));
    await this.places.internal(tenantId, [{ path: 'locationId', locationId: id, warehouseId }]);
    return id;
  }

  async create(input: CreateCountInput): Promise<CountView> {
    const { tenantId } = currentPrincipal();
    const id = newId();
    const view = await this.writes.create({
      subject: SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: async () =>
        this.records.insert({
          tenantId,
          id,
          warehouseId: input.warehouseId,
          locationId: await this.location(tenantId, input.warehouseId, input.locationId),
          effectiveDate: input.effectiveDate ?? today(),
          notes: input.notes ?? null,
        }),
    });
    return { ...view, lines: [] };
  }

  async update(id: string, version: number, input: UpdateCountInput): Promise<CountView> {
    const { tenantId } = currentPrincipal();
    const view = await this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The count is posted');
        if (before.state !== 'draft' && input.locationId !== undefined)
          throw new DomainError(
            'transition_not_allowed',
            'The location of a count is changed only before it starts',
          );
        if (before.state === 'cancelled')
          throw new DomainError('transition_not_allowed', 'A cancelled count is not edited');
        const changes = {
          ...(input.locationId !== undefined
            ? { locationId: await this.location(tenantId, before.warehouseId, input.locationId) }
            : {}),
          ...(input.effectiveDate !== undefined ? { effectiveDate: input.effectiveDate } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        };
        return this.records
          .update(tenantId, id, version, changes)
          .catch((error: unknown) => translateDocumentError(error));
      },
    });
    const lines = await this.records.lines(tenantId, id);
    return { ...view, lines: lines.map(lineView) };
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: async (before) => {
        if (before.issuedAt) throw new DomainError('document_issued', 'The count is posted');
        return this.records
          .remove(tenantId, id, version)
          .catch((error: unknown) => translateDocumentError(error));
      },
    });
  }

  /**
   * `start` freezes the expected quantities (on hand now, in the location and under it);
   * `post` takes the next number and moves every counted line's difference, in one COMMIT;
   * `cancel` leaves the stock as it is.
   */
  async transition(id: string, version: number, transition: CountTransition): Promise<CountView> {
    const { tenantId, userId } = currentPrincipal();
    const before = await this.load(id);
    if (before.version !== version) throw stale();
    const machine = COUNT_STATE_MACHINE;
    await this.permissions.assertCan(machine.actionOf(transition), SUBJECT, before);
    if (!machine.can(before.state as never, transition))
      throw new DomainError(
        'transition_not_allowed',
        `A count in state ${before.state} cannot ${transition}`,
      );
    let changes: Partial<CountRow> = { state: machine.transitions[transition].to };
    if (transition === 'start') changes.frozenAt = new Date();
    if (transition === 'post') {
      const number = await this.numbering.next(COUNT_SOURCE_TYPE, 'A', { prefix: COUNT_PREFIX });
      changes = { ...changes, number: number.formatted, issuedAt: new Date(), issuedBy: userId };
    }
    // The header first: its row lock waits for scans under way, so the lines read next are
    // all there are.
    const after = await this.records
      .update(tenantId, id, version, changes)
      .catch((error: unknown) => translateDocumentError(error));
    if (!after) throw stale();
    if (transition === 'start') {
      const [location] = [...(await this.places.byIds(tenantId, [before.locationId])).values()];
      if (!location) throw DomainError.notFound('Location');
      await this.records.freeze(tenantId, id, location.path);
    }
    if (transition === 'post') {
      const lines = await this.records.lines(tenantId, id);
      if (!lines.some((l) => l.counted != null))
        throw new DomainError('document_empty', 'No line of the count was counted');
      const moves = countMoves(lines, await this.places.virtual('adjustment'));
      await this.posting.post({
        sourceType: COUNT_SOURCE_TYPE,
        sourceId: id,
        effectiveDate: before.effectiveDate,
        moves,
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

  private async counting(id: string): Promise<CountRow> {
    const row = await this.load(id, true);
    await this.permissions.assertWritable('update', SUBJECT, row, {});
    if (row.issuedAt) throw new DomainError('document_issued', 'The count is posted');
    if (row.state !== 'counting')
      throw new DomainError(
        'transition_not_allowed',
        `A count in state ${row.state} is not being counted: start it first`,
      );
    return row;
  }

  /** What was counted on lines of a count being counted (null clears a line's count). */
  async setCounted(id: string, input: CountLinesInput): Promise<CountLineView[]> {
    const { tenantId } = currentPrincipal();
    await this.counting(id);
    const done = await this.records
      .setCounted(tenantId, id, input.lines)
      .catch((error: unknown) => translateDocumentError(error));
    const missing = input.lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => !done.has(l.id))
      .map(({ i }) => ({
        path: `lines.${i}.id`,
        code: 'not_found',
        message: 'No such line on the count',
      }));
    if (missing.length > 0) throw DomainError.validation(missing);
    const lines = await this.records.lines(tenantId, id);
    return lines.filter((l) => done.has(l.id)).map(lineView);
  }

  /**
   * A scanner's read: the item by barcode or SKU, one more (or `quantity`) counted of it at
   * the location (the count's when none is given) and lot read; a line expecting 0 when the
   * snapshot had none there.
   */
  async scan(id: string, input: CountScanInput): Promise<CountLineView> {
    const { tenantId } = currentPrincipal();
    const count = await this.counting(id);
    const item = await this.items.byCode(input.code);
    if (!item) throw new DomainError('unknown_code', `No item has the code ${input.code}`);
    if (item.kind !== 'stockable')
      throw new DomainError('item_not_stocked', `${item.sku} keeps no stock`);
    const locationId = input.locationId ?? count.locationId;
    const found = await this.places.byIds(tenantId, [locationId, count.locationId]);
    const place = found.get(locationId);
    const root = found.get(count.locationId);
    if (!place)
      throw DomainError.validation([
        { path: 'locationId', code: 'not_found', message: 'No such location' },
      ]);
    if (place.kind !== 'internal' || !root || !underPath(place.path, root.path))
      throw new DomainError(
        'location_not_in_warehouse',
        "The location is not the count's location nor under it",
      );
    let lotId: string | null = null;
    if (input.lotCode && item.tracking !== 'none') {
      // A lot found on the shelf that the books do not know yet is made: it was counted.
      lotId = await this.lots.ensure({ itemId: item.id, code: input.lotCode });
    } else if (item.tracking !== 'none') {
      throw new DomainError('lot_required', `${item.sku} is counted by lot or serial`);
    }
    const lineId = await this.records
      .addCounted(
        tenantId,
        id,
        { locationId, itemId: item.id, variantId: null, lotId },
        input.quantity ?? '1',
      )
      .catch((error: unknown) => translateDocumentError(error));
    const line = await this.records.line(tenantId, id, lineId);
    if (!line) throw new Error('scanned line is gone');
    return lineView(line);
  }
}

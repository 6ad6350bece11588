import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { parseListQuery, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { exportListCsv, type Masked } from '@nexo/records';
import { and, eq } from 'drizzle-orm';
import { moves, reservations } from '../db/inventory.tables.js';
import { StockPosting } from '../ledger/stock-posting.service.js';
import {
  MOVE_COLUMNS,
  MOVE_CSV_COLUMNS,
  MOVE_LIST,
  RESERVATION_COLUMNS,
  RESERVATION_LIST,
} from './move.list.js';
import {
  StockMoveRepository,
  type ReservationRow,
  type StockMoveRow,
} from './stock-move.repository.js';

const SUBJECT = 'inventory.stock';

export type StockMoveView = Masked<StockMoveRow>;

/** The ledger as the API shows it: pages of moves, one move, its reversal, the reservations. */
@Injectable()
export class StockMoveService {
  constructor(
    @Inject(StockMoveRepository) private readonly records: StockMoveRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(StockPosting) private readonly posting: StockPosting,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<StockMoveView>> {
    const list = parseListQuery(
      MOVE_LIST,
      query,
      and(
        eq(moves.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, MOVE_COLUMNS),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<StockMoveRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  exportCsv(query: Record<string, unknown>, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      { subject: SUBJECT, columns: MOVE_CSV_COLUMNS, page: (q) => this.list(q) },
      query,
      open,
    );
  }

  async get(id: string): Promise<StockMoveView> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Move');
    await this.permissions.assertCan('read', SUBJECT, row);
    return (await this.permissions.viewer<StockMoveRow>(SUBJECT))(row);
  }

  /** Reverses one move (audited): the move the other way, at the value it had. */
  async reverse(id: string): Promise<{ moves: StockMoveView[] }> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Move');
    await this.permissions.assertCan('update', SUBJECT, row);
    const posted = await this.posting.reverse([id]);
    await this.audit.record({
      action: 'reverse',
      resource: SUBJECT,
      resourceId: id,
      after: { moves: posted.map((m) => m.id) },
    });
    const view = await this.permissions.viewer<StockMoveRow>(SUBJECT);
    const { tenantId } = currentPrincipal();
    const stored: StockMoveRow[] = [];
    for (const m of posted) {
      const row = await this.records.byId(tenantId, m.id);
      if (row) stored.push(row);
    }
    return { moves: stored.map(view) };
  }

  async reservations(query: Record<string, unknown>): Promise<ListPage<Masked<ReservationRow>>> {
    const list = parseListQuery(
      RESERVATION_LIST,
      query,
      and(
        eq(reservations.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, RESERVATION_COLUMNS),
      ),
    );
    const page = await this.records.reservations(list);
    const view = await this.permissions.viewer<ReservationRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }
}

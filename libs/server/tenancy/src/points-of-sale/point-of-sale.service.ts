import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreatePointOfSaleInput, UpdatePointOfSaleInput } from '@nexo/contracts';
import { parseListQuery, translateWriteError, type ListPage } from '@nexo/db';
import {
  DomainError,
  RECORD_ACCESS,
  currentPrincipal,
  stale,
  type RecordAccess,
} from '@nexo/platform';
import { newId } from '@nexo/utils';
import { eq } from 'drizzle-orm';
import { pointsOfSale } from '../db/tenancy.tables.js';
import { POINT_OF_SALE_LIST } from './point-of-sale.list.js';
import { PointOfSaleRepository, type PointOfSaleRow } from './point-of-sale.repository.js';

const SUBJECT = 'tenancy.point-of-sale';
const NAME = 'Point of sale';
const TAKEN = {
  points_of_sale_tenant_number_key: {
    kind: 'taken' as const,
    field: 'number',
    message: 'The company has a point of sale with this number',
  },
};

/** A point of sale as it leaves the API: what the caller's role may read of it. */
export type PointOfSaleView = Partial<PointOfSaleRow> & { id: string };

/** What the audit log keeps of a point of sale. */
const snapshot = (row: PointOfSaleRow) => ({
  number: row.number,
  name: row.name,
  active: row.active,
  version: row.version,
});

/**
 * The company's points of sale (Argentina's puntos de venta): list, add (a number once per
 * company), rename, (de)activate, delete. The route says who may; the record access checks a
 * custom role's field rules on what each write sets, and masks what it may not read.
 */
@Injectable()
export class PointOfSaleService {
  constructor(
    @Inject(PointOfSaleRepository) private readonly points: PointOfSaleRepository,
    @Inject(RECORD_ACCESS) private readonly access: RecordAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  private async view(row: PointOfSaleRow): Promise<PointOfSaleView> {
    return { id: row.id, ...(await this.access.mask(SUBJECT, row)) };
  }

  private async load(id: string): Promise<PointOfSaleRow> {
    const row = await this.points.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    return row;
  }

  async list(query: Record<string, unknown>): Promise<ListPage<PointOfSaleView>> {
    const { tenantId } = currentPrincipal();
    const request = parseListQuery(POINT_OF_SALE_LIST, query, eq(pointsOfSale.tenantId, tenantId));
    const page = await this.points.page(request);
    return { ...page, items: await Promise.all(page.items.map((row) => this.view(row))) };
  }

  async get(id: string): Promise<PointOfSaleView> {
    return this.view(await this.load(id));
  }

  async create(input: CreatePointOfSaleInput): Promise<PointOfSaleView> {
    const { tenantId } = currentPrincipal();
    await this.access.assertWritable('create', SUBJECT, undefined, { ...input });
    const row = await this.points
      .insert({ tenantId, id: newId(), ...input })
      .catch((error: unknown) => translateWriteError(error, TAKEN));
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: snapshot(row),
    });
    return this.view(row);
  }

  async update(
    id: string,
    version: number,
    input: UpdatePointOfSaleInput,
  ): Promise<PointOfSaleView> {
    const before = await this.load(id);
    await this.access.assertWritable('update', SUBJECT, before, { ...input });
    const row = await this.points.update(before.tenantId, id, version, input);
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: snapshot(before),
      after: snapshot(row),
    });
    return this.view(row);
  }

  async remove(id: string, version: number): Promise<void> {
    const before = await this.load(id);
    await this.access.assertWritable('delete', SUBJECT, before, {});
    if (!(await this.points.remove(before.tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: SUBJECT,
      resourceId: id,
      before: snapshot(before),
    });
  }
}

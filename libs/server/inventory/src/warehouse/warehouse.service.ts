import { Inject, Injectable } from '@nestjs/common';
import type { CreateWarehouseInput, UpdateWarehouseInput } from '@nexo/contracts/inventory';
import { parseListQuery, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { warehouses } from '../db/inventory.tables.js';
import { WAREHOUSE_COLUMNS, WAREHOUSE_LIST } from './warehouse.list.js';
import { normalizeName } from './warehouse.policy.js';
import { WarehouseRepository, type WarehouseRow } from './warehouse.repository.js';

const SUBJECT = 'inventory.warehouse';
const NAME = 'Warehouse';
const CONSTRAINTS: Constraints = {
  warehouses_tenant_name_key: {
    kind: 'taken',
    field: 'name',
    message: 'The name is already in use',
  },
};

/** A warehouse as it leaves the API: what the caller may read of it. */
export type WarehouseView = Masked<WarehouseRow>;

/** Warehouses of the company: the rules; queries are the repository's. */
@Injectable()
export class WarehouseService {
  constructor(
    @Inject(WarehouseRepository) private readonly records: WarehouseRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<WarehouseView>> {
    const list = parseListQuery(
      WAREHOUSE_LIST,
      query,
      and(
        eq(warehouses.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, WAREHOUSE_COLUMNS),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<WarehouseRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  async get(id: string): Promise<WarehouseView> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateWarehouseInput): Promise<WarehouseView> {
    const { tenantId } = currentPrincipal();
    const values = { ...input, name: normalizeName(input.name) };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      constraints: CONSTRAINTS,
      insert: () => this.records.insert({ tenantId, id: newId(), ...values }),
    });
  }

  update(id: string, version: number, input: UpdateWarehouseInput): Promise<WarehouseView> {
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

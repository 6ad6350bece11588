import { Inject, Injectable } from '@nestjs/common';
import type { CreateWarehouseInput, UpdateWarehouseInput } from '@nexo/contracts/inventory';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, pgConstraint } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { warehouses } from '../db/inventory.tables.js';
import { StockLocations } from '../locations/stock-locations.service.js';
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
  warehouses_tenant_code_key: {
    kind: 'taken',
    field: 'code',
    message: 'The code is already in use',
  },
  // A root's path is its warehouse's code: another location may hold it.
  locations_tenant_path_key: {
    kind: 'taken',
    field: 'code',
    message: 'The code is already in use by a location',
  },
};
/** The CHECKs of the stock rows that refuse negative stock once the warehouse forbids it. */
const NEGATIVE_CHECKS = new Set(['balances_not_negative', 'stock_levels_not_negative']);

const negativeStock = () =>
  new DomainError(
    'negative_stock_exists',
    'The warehouse has stock below zero: adjust it before forbidding negative stock',
  );

/** A warehouse as it leaves the API: what the caller may read of it. */
export type WarehouseView = Masked<WarehouseRow>;

/**
 * Warehouses of the company. Each has a root location (its code is the warehouse's) with the
 * tree of internal locations under it; creating the first one also makes the company's
 * virtual locations. Whether stock may go negative is copied onto the warehouse's stock
 * rows, whose CHECKs enforce it.
 */
@Injectable()
export class WarehouseService {
  constructor(
    @Inject(WarehouseRepository) private readonly records: WarehouseRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(StockLocations) private readonly locations: StockLocations,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<WarehouseView>> {
    return listRecords<WarehouseRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: warehouses,
        definition: WAREHOUSE_LIST,
        columns: WAREHOUSE_COLUMNS,
        records: this.records,
      },
      query,
    );
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
      insert: async () => {
        const row = await this.records.insert({ tenantId, id: newId(), ...values });
        await this.records.insertRoot(tenantId, row, newId());
        await this.locations.ensureVirtual(tenantId);
        return row;
      },
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
      write: async (before) => {
        const forbidsNegative = values.allowNegative === false && before.allowNegative;
        if (forbidsNegative && (await this.records.hasNegativeStock(tenantId, id)))
          throw negativeStock();
        const after = await this.records.update(tenantId, id, version, values);
        if (!after) return undefined;
        if (after.code !== before.code)
          await this.records.recode(tenantId, id, before.code, after.code);
        if (after.name !== before.name) await this.records.renameRoot(tenantId, id, after.name);
        if (after.allowNegative !== before.allowNegative)
          await this.records
            .copyAllowNegative(tenantId, id, after.allowNegative)
            .catch((error: unknown) => {
              // A posting that went below zero since the check above: the CHECK refuses it.
              throw NEGATIVE_CHECKS.has(pgConstraint(error) ?? '') ? negativeStock() : error;
            });
        return after;
      },
    });
  }

  /** Only a warehouse stock never moved through (409 `warehouse_in_use`), with its locations. */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: async (before) => {
        if (before.version !== version) return false;
        if (await this.records.hasStockHistory(tenantId, id))
          throw new DomainError(
            'warehouse_in_use',
            'The warehouse has stock moves: deactivate it instead',
          );
        await this.records.removeLocations(tenantId, id);
        return this.records.remove(tenantId, id, version);
      },
    });
  }
}

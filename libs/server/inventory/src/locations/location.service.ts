import { Inject, Injectable } from '@nestjs/common';
import type { CreateLocationInput, UpdateLocationInput } from '@nexo/contracts/inventory';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { locations } from '../db/inventory.tables.js';
import { LOCATION_COLUMNS, LOCATION_LIST } from './location.list.js';
import { childPath, isSelfOrBelow } from './location.policy.js';
import { LocationRepository, type LocationRow } from './location.repository.js';

/** Locations share the warehouses' subject: who manages one manages the other. */
const SUBJECT = 'inventory.warehouse';
const NAME = 'Location';
const CONSTRAINTS: Constraints = {
  locations_tenant_path_key: {
    kind: 'taken',
    field: 'code',
    message: 'A location with this code already exists there',
  },
  locations_parent_fk: {
    kind: 'unknown-reference',
    field: 'parentId',
    message: 'No such location',
  },
  locations_warehouse_fk: {
    kind: 'unknown-reference',
    field: 'warehouseId',
    message: 'No such warehouse',
  },
};

/** A location as it leaves the API. */
export type LocationView = Masked<LocationRow>;

const notEditable = () =>
  new DomainError(
    'location_not_editable',
    'Virtual locations and a warehouse’s root location are not edited here',
  );
const unknownParent = () =>
  DomainError.unknownReference([
    { path: 'parentId', code: 'not_found', message: 'No such location' },
  ]);

/**
 * Internal locations: a tree under each warehouse's root, each with the path of codes from
 * the warehouse down, kept when one is renamed or moved (its subtree's paths follow). A
 * location never leaves its warehouse. The company's virtual locations are listed, not edited.
 */
@Injectable()
export class LocationService {
  constructor(
    @Inject(LocationRepository) private readonly records: LocationRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<LocationView>> {
    return listRecords<LocationRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: locations,
        definition: LOCATION_LIST,
        columns: LOCATION_COLUMNS,
        records: this.records,
      },
      query,
    );
  }

  async get(id: string): Promise<LocationView> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateLocationInput): Promise<LocationView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: async () => {
        const parent = await this.parentFor(tenantId, input);
        const warehouseId = parent.warehouseId as string;
        await this.records.lockTree(tenantId, warehouseId);
        return this.records.insert({
          tenantId,
          id: newId(),
          warehouseId,
          parentId: parent.id,
          kind: 'internal',
          code: input.code,
          name: input.name,
          path: childPath(parent.path, input.code),
          ...(input.active === undefined ? {} : { active: input.active }),
        });
      },
    });
  }

  update(id: string, version: number, input: UpdateLocationInput): Promise<LocationView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: async (before) => {
        if (!before.warehouseId || !before.parentId) throw notEditable();
        await this.records.lockTree(tenantId, before.warehouseId);
        const parentId = input.parentId ?? before.parentId;
        const parent = await this.records.byId(tenantId, parentId);
        if (!parent) throw unknownParent();
        if (parent.warehouseId !== before.warehouseId)
          throw DomainError.validation([
            {
              path: 'parentId',
              code: 'other_warehouse',
              message: 'A location cannot move to another warehouse',
            },
          ]);
        if (isSelfOrBelow(before.path, parent.path))
          throw DomainError.validation([
            {
              path: 'parentId',
              code: 'cycle',
              message: 'A location cannot move under itself or one of its own locations',
            },
          ]);
        const path = childPath(parent.path, input.code ?? before.code);
        const after = await this.records.update(tenantId, id, version, {
          ...input,
          parentId,
          path,
        });
        if (after && path !== before.path)
          await this.records.repathBelow(tenantId, before.warehouseId, before.path, path);
        return after;
      },
    });
  }

  /** Only a leaf no stock, count or operation ever named (409 otherwise). */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: async (before) => {
        if (!before.warehouseId || !before.parentId) throw notEditable();
        if (await this.records.hasChildren(tenantId, id))
          throw DomainError.conflict('The location has locations under it');
        return this.records.remove(tenantId, id, version);
      },
    });
  }

  /** The parent of a new location: the one named, or the root of the warehouse named. */
  private async parentFor(tenantId: string, input: CreateLocationInput): Promise<LocationRow> {
    if (input.parentId) {
      const parent = await this.records.byId(tenantId, input.parentId);
      if (!parent || parent.kind !== 'internal' || !parent.warehouseId) throw unknownParent();
      if (input.warehouseId && input.warehouseId !== parent.warehouseId)
        throw DomainError.validation([
          {
            path: 'parentId',
            code: 'other_warehouse',
            message: 'The parent location is in another warehouse',
          },
        ]);
      return parent;
    }
    const root = await this.records.rootOf(tenantId, input.warehouseId as string);
    if (!root)
      throw DomainError.unknownReference([
        { path: 'warehouseId', code: 'not_found', message: 'No such warehouse' },
      ]);
    return root;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateUnitInput, UpdateUnitInput } from '@nexo/contracts';
import { parseListQuery, type ListDefinition } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { units } from '../db/catalog.tables.js';
import {
  translateDeleteError,
  translateWriteError,
  type ConstraintMeaning,
} from '../shared/db-errors.js';
import { UnitRepository, type UnitRow } from './unit.repository.js';

const SUBJECT = 'catalog.unit';
const COLUMNS = { id: units.id, code: units.code, name: units.name };
const LIST: ListDefinition = {
  fields: {
    code: { column: units.code, type: 'text', sortable: true, searchable: true },
    name: { column: units.name, type: 'text', searchable: true },
  },
  defaultSort: 'code',
  id: units.id,
};
const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  units_tenant_code_key: { kind: 'taken', field: 'code', message: 'A unit has this code' },
};

export type UnitView = Omit<UnitRow, 'tenantId'>;
const view = ({ tenantId: _, ...unit }: UnitRow): UnitView => unit;

/** Units of measure of the company (`u`, `caja12`, `kg`). */
@Injectable()
export class UnitService {
  constructor(
    @Inject(UnitRepository) private readonly units: UnitRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal, query: Record<string, unknown>) {
    const list = parseListQuery(
      LIST,
      query,
      and(
        eq(units.tenantId, principal.tenantId),
        await this.permissions.where('read', SUBJECT, COLUMNS),
      ),
    );
    const page = await this.units.page(list);
    return { ...page, items: page.items.map(view) };
  }

  async get(principal: Principal, id: string): Promise<UnitView> {
    const row = await this.units.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Unit');
    await this.permissions.assertCan('read', SUBJECT, row);
    return view(row);
  }

  async create(principal: Principal, input: CreateUnitInput): Promise<UnitView> {
    await this.permissions.assertWritable('create', SUBJECT, undefined, input);
    const row = await this.units
      .insert({ tenantId: principal.tenantId, id: newId(), ...input })
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: view(row),
    });
    return view(row);
  }

  async update(
    principal: Principal,
    id: string,
    version: number,
    input: UpdateUnitInput,
  ): Promise<UnitView> {
    const before = await this.units.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Unit');
    await this.permissions.assertWritable('update', SUBJECT, before, input);
    const row = await this.units
      .update(principal.tenantId, id, version, input)
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
      after: view(row),
    });
    return view(row);
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const before = await this.units.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Unit');
    await this.permissions.assertWritable('delete', SUBJECT, before, {});
    const removed = await this.units
      .remove(principal.tenantId, id, version)
      .catch((error: unknown) => translateDeleteError(error, 'The unit'));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
    });
  }
}

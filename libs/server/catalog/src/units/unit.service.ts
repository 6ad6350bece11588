import { Inject, Injectable } from '@nestjs/common';
import type { CreateUnitInput, UpdateUnitInput } from '@nexo/contracts';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { units } from '../db/catalog.tables.js';
import { UNIT_COLUMNS, UNIT_LIST } from './unit.list.js';
import { UnitRepository, type UnitRow } from './unit.repository.js';

const SUBJECT = 'catalog.unit';
const NAME = 'Unit';
const CONSTRAINTS: Constraints = {
  units_tenant_code_key: { kind: 'taken', field: 'code', message: 'A unit has this code' },
};

/** A unit as it leaves the API: what the caller may read of it. */
export type UnitView = Masked<UnitRow>;

/** Units of measure of the company (`u`, `caja12`, `kg`). */
@Injectable()
export class UnitService {
  constructor(
    @Inject(UnitRepository) private readonly units: UnitRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<UnitView>> {
    return listRecords<UnitRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: units,
        definition: UNIT_LIST,
        columns: UNIT_COLUMNS,
        records: this.units,
      },
      query,
    );
  }

  async get(id: string): Promise<UnitView> {
    const row = await this.units.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateUnitInput): Promise<UnitView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: () => this.units.insert({ tenantId, id: newId(), ...input }),
    });
  }

  update(id: string, version: number, input: UpdateUnitInput): Promise<UnitView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: CONSTRAINTS,
      load: () => this.units.byId(tenantId, id),
      write: () => this.units.update(tenantId, id, version, input),
    });
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.units.byId(tenantId, id),
      remove: () => this.units.remove(tenantId, id, version),
    });
  }
}

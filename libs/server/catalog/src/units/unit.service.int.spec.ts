import { AuditLog } from '@nexo/audit';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { RecordWrites } from '@nexo/records';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { catalogFactories } from '../testing/catalog.factories.js';
import { UnitRepository } from './unit.repository.js';
import { UnitService } from './unit.service.js';

/**
 * The write recipe (`RecordWrites`) through UnitService on a real database: 404, 409 naming
 * the field, 412 at another version, audit before and after.
 */
describe('unit writes (RecordWrites on PostgreSQL)', () => {
  const db = useTestDatabase();

  /** Runs `fn` as one request of an owner of a new company. */
  async function company() {
    const { database } = db.current;
    const tenant = await createTenant(database);
    const principal: Principal = {
      userId: newId(),
      tenantId: tenant.id,
      actor: 'employee',
      membershipId: newId(),
      roles: ['owner'],
      issuedAt: 0,
    };
    const request = <T>(fn: () => Promise<T>): Promise<T> =>
      requestContext.run({ requestId: newId(), principal }, () =>
        database.withContext({ tenantId: tenant.id, userId: principal.userId }, fn),
      );
    const permissions = new PermissionService(new RoleRepository(database));
    const writes = new RecordWrites(permissions, new AuditLog(database), new EventOutbox(database));
    return {
      tenantId: tenant.id,
      request,
      make: catalogFactories(database, tenant.id),
      units: new UnitService(new UnitRepository(database), permissions, writes),
    };
  }

  async function adminRows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const admin = await adminClient(db.current);
    try {
      return (await admin.query(sql, params)).rows as T[];
    } finally {
      await admin.end();
    }
  }

  it('creates, changes at the version read and deletes, auditing each write', async () => {
    const c = await company();
    const created = await c.request(() => c.units.create({ code: 'caja12', name: 'Caja x12' }));
    expect(created).toMatchObject({ code: 'caja12', name: 'Caja x12', version: 1 });
    expect(created).not.toHaveProperty('tenantId');

    const changed = await c.request(() => c.units.update(created.id, 1, { name: 'Caja de 12' }));
    expect(changed).toMatchObject({ name: 'Caja de 12', version: 2 });
    await expect(
      c.request(() => c.units.update(created.id, 1, { name: 'otra' })),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    await expect(c.request(() => c.units.remove(created.id, 1))).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await c.request(() => c.units.remove(created.id, 2));
    await expect(c.request(() => c.units.get(created.id))).rejects.toMatchObject({
      code: 'not_found',
      message: 'Unit not found',
    });

    const audit = await adminRows<{ action: string; before: unknown; after: unknown }>(
      `select action, before, after from audit.audit_log
        where tenant_id = $1 and resource = 'catalog.unit' order by occurred_at, id`,
      [c.tenantId],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({
      before: { name: 'Caja x12' },
      after: { name: 'Caja de 12' },
    });
    expect(audit[1]?.before).not.toHaveProperty('tenantId');
  });

  it('answers a taken code with 409 naming the field, and a unit in use with 409', async () => {
    const c = await company();
    const unit = await c.make.unit({ code: 'kg' });
    await expect(
      c.request(() => c.units.create({ code: 'kg', name: 'Kilo otra vez' })),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'A unit has this code',
      details: { issues: [{ path: 'code', code: 'taken' }] },
    });
    await c.make.item({ unitId: unit.id });
    await expect(c.request(() => c.units.remove(unit.id, unit.version))).rejects.toMatchObject({
      code: 'conflict',
      message: 'The unit is still in use',
    });
    await expect(c.request(() => c.units.update(newId(), 1, { name: 'x' }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'Unit not found',
    });
  });
});

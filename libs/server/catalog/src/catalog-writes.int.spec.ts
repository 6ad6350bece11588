import { AuditLog } from '@nexo/audit';
import type { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { roles } from '@nexo/permissions/tables';
import { requestContext, type Principal } from '@nexo/platform';
import { RecordWrites } from '@nexo/records';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { ItemRepository } from './items/item.repository.js';
import { ItemService } from './items/item.service.js';
import { catalogFactories } from './testing/catalog.factories.js';
import { UnitRepository } from './units/unit.repository.js';
import { UnitService } from './units/unit.service.js';

/**
 * The write recipe (`RecordWrites`) through catalog's services on a real database: 404, 409
 * naming the field, 412 at another version, audit before and after, outbox event, and the
 * answer masked by the caller's field rules.
 */
describe('catalog writes (RecordWrites on PostgreSQL)', () => {
  const db = useTestDatabase();

  function services(database: Database) {
    const permissions = new PermissionService(new RoleRepository(database));
    const audit = new AuditLog(database);
    const writes = new RecordWrites(permissions, audit, new EventOutbox(database));
    return {
      units: new UnitService(new UnitRepository(database), permissions, writes),
      items: new ItemService(new ItemRepository(database), permissions, audit, writes),
    };
  }

  /** Runs `fn` as one request of a member of a new company with `roleKeys`. */
  async function company(roleKeys: string[] = ['owner']) {
    const { database } = db.current;
    const tenant = await createTenant(database);
    const principal: Principal = {
      userId: newId(),
      tenantId: tenant.id,
      actor: 'employee',
      membershipId: newId(),
      roles: roleKeys,
      issuedAt: 0,
    };
    const request = <T>(fn: () => Promise<T>): Promise<T> =>
      requestContext.run({ requestId: newId(), principal }, () =>
        database.withContext({ tenantId: tenant.id, userId: principal.userId }, fn),
      );
    return {
      tenantId: tenant.id,
      principal,
      database,
      request,
      make: catalogFactories(database, tenant.id),
      ...services(database),
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

  it('announces an item in the outbox and answers with what the reader may read', async () => {
    const c = await company();
    const unit = await c.make.unit();
    const item = await c.request(() =>
      c.items.create({
        kind: 'stockable',
        name: 'Tuerca',
        sku: 'TU-1',
        unitId: unit.id,
        cost: '10',
      }),
    );
    expect(item).toMatchObject({ sku: 'TU-1', cost: '10', conversions: [] });
    const events = await adminRows<{ type: string; aggregate_id: string }>(
      'select type, aggregate_id from events.outbox where tenant_id = $1',
      [c.tenantId],
    );
    expect(events).toEqual([{ type: 'catalog.item.created', aggregate_id: item.id }]);

    // A role of the company's own that may read items but not their cost.
    await c.database.withContext({ tenantId: c.tenantId }, (tx) =>
      tx.insert(roles).values({
        tenantId: c.tenantId,
        id: newId(),
        key: 'mostrador',
        name: 'Mostrador',
        rules: [
          { action: 'read', subject: 'catalog.item' },
          { action: 'read', subject: 'catalog.item', fields: ['cost', 'margin'], inverted: true },
        ],
      }),
    );
    const clerk: Principal = { ...c.principal, userId: newId(), roles: ['mostrador'] };
    const seen = await requestContext.run({ requestId: newId(), principal: clerk }, () =>
      c.database.withContext({ tenantId: c.tenantId }, () => c.items.get(item.id)),
    );
    expect(seen).toMatchObject({ id: item.id, sku: 'TU-1' });
    expect(seen).not.toHaveProperty('cost');
    expect(seen).not.toHaveProperty('margin');
  });
});

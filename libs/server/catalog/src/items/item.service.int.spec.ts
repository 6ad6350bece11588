import { AuditLog } from '@nexo/audit';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { roles } from '@nexo/permissions/tables';
import { requestContext, type Principal } from '@nexo/platform';
import { RecordWrites } from '@nexo/records';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { catalogFactories } from '../testing/catalog.factories.js';
import { ItemRepository } from './item.repository.js';
import { ItemService } from './item.service.js';

/**
 * The write recipe (`RecordWrites`) through ItemService on a real database: the outbox
 * event, and the answer masked by the caller's field rules.
 */
describe('item writes (RecordWrites on PostgreSQL)', () => {
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
    const audit = new AuditLog(database);
    const writes = new RecordWrites(permissions, audit, new EventOutbox(database));
    return {
      tenantId: tenant.id,
      principal,
      database,
      request,
      make: catalogFactories(database, tenant.id),
      items: new ItemService(new ItemRepository(database), permissions, audit, writes),
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
    expect(item).toMatchObject({ sku: 'TU-1', cost: '10', currency: 'ARS', conversions: [] });
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

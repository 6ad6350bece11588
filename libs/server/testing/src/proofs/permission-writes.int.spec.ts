import { roles } from '@nexo/permissions/tables';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';

/**
 * The engine's record-level rules for a salesperson who owns deals, with the role stored
 * as a tenant would store it. (The HTTP proofs on real parties and items come with CRM.)
 */
describe('record and field rules on writes and reads', () => {
  const db = useTestDatabase();

  async function asSalesperson<T>(
    fn: (permissions: PermissionService, me: Principal) => Promise<T>,
  ): Promise<T> {
    const { database } = db.current;
    const tenant = await createTenant(database);
    await database.withContext({ tenantId: tenant.id }, (tx) =>
      tx.insert(roles).values({
        tenantId: tenant.id,
        id: newId(),
        key: 'vendedor',
        name: 'Vendedor',
        rules: [
          { action: ['read', 'update'], subject: 'deal', conditions: { owner_id: '$user' } },
          { action: 'update', subject: 'deal', fields: ['cost'], inverted: true },
          { action: 'read', subject: 'deal', fields: ['cost'], inverted: true },
        ],
      }),
    );
    const me: Principal = {
      userId: newId(),
      tenantId: tenant.id,
      actor: 'employee',
      membershipId: newId(),
      roles: ['vendedor'],
      issuedAt: 0,
    };
    const permissions = new PermissionService(new RoleRepository(database));
    return requestContext.run({ requestId: 'test', principal: me }, () =>
      database.withContext({ tenantId: tenant.id, userId: me.userId }, () => fn(permissions, me)),
    );
  }

  it('reads own records, and another’s read as not found', async () => {
    await asSalesperson(async (permissions, me) => {
      await expect(
        permissions.assertCan('read', 'deal', { ownerId: me.userId }),
      ).resolves.toBeUndefined();
      await expect(
        permissions.assertCan('read', 'deal', { ownerId: newId() }),
      ).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  it('cannot hand a record to someone else, nor touch a forbidden field, and names the field', async () => {
    await asSalesperson(async (permissions, me) => {
      const mine = { id: newId(), ownerId: me.userId, stage: 'open', cost: '10.00' };
      await expect(
        permissions.assertWritable('update', 'deal', mine, { stage: 'won' }),
      ).resolves.toBeUndefined();
      await expect(
        permissions.assertWritable('update', 'deal', mine, { ownerId: newId() }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        permissions.assertWritable('update', 'deal', mine, { cost: '1.00' }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        message: 'You may not set the field "cost"',
      });
      await expect(
        permissions.assertWritable(
          'update',
          'deal',
          { ...mine, ownerId: newId() },
          { stage: 'won' },
        ),
      ).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  it('never returns the fields a role may not read', async () => {
    await asSalesperson(async (permissions, me) => {
      const masked = await permissions.mask('deal', {
        id: 'd1',
        ownerId: me.userId,
        stage: 'open',
        cost: '10.00',
      });
      expect(masked).toEqual({ id: 'd1', ownerId: me.userId, stage: 'open' });
    });
  });
});

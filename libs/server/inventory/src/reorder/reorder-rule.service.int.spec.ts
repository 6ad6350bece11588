import { AuditLog } from '@nexo/audit';
import { StockItemFacts } from '@nexo/catalog';
import { adminClient, useTestDatabase } from '@nexo/testing';
import type { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import type { Jobs } from '@nexo/jobs';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { RecordWrites } from '@nexo/records';
import { newId } from '@nexo/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockCompany, type StockCompany } from '../testing/stock-ledger.fixture.js';
import { ReorderRuleRepository } from './reorder-rule.repository.js';
import { ReorderRuleService } from './reorder-rule.service.js';
import { nextRunAfter } from './reorder-schedule.js';
import { ReorderSuggestionsJob } from './reorder-suggestions.job.js';

/**
 * Reorder rules and their suggestions on a real PostgreSQL, with stock posted by the posting
 * service. The queue (pg-boss) is not started here: what the rules ask it is recorded (the
 * API's sweep enqueues for real); the daily run itself is called as the worker would.
 */
describe('reorder rules', () => {
  const db = useTestDatabase();
  let database: Database;
  let service: ReorderRuleService;
  let job: ReorderSuggestionsJob;
  const queued: { name: string; options: unknown }[] = [];
  const jobs = {
    enqueue: (definition: { name: string }, _payload: unknown, options: unknown) => {
      queued.push({ name: definition.name, options });
      return Promise.resolve(newId());
    },
  } as unknown as Jobs;
  const logged: unknown[] = [];
  beforeAll(() => {
    database = db.current.database;
    const permissions = new PermissionService(new RoleRepository(database));
    const outbox = new EventOutbox(database);
    const writes = new RecordWrites(permissions, new AuditLog(database), outbox);
    const records = new ReorderRuleRepository(database);
    service = new ReorderRuleService(
      records,
      permissions,
      writes,
      new StockItemFacts(database),
      jobs,
    );
    job = new ReorderSuggestionsJob(
      jobs,
      { handle: () => undefined } as never,
      database,
      service,
      records,
      outbox,
      { info: (o: unknown) => logged.push(o) } as never,
    );
  });

  const rule = (
    c: StockCompany,
    itemId: string,
    minimum: string,
    maximum: string,
    multiple?: string,
  ) =>
    c.request(() =>
      service.create({
        itemId,
        warehouseId: c.warehouseId,
        minimum,
        maximum,
        ...(multiple ? { multiple } : {}),
      }),
    );

  it('checks the item, the warehouse and the range', async () => {
    const c = await stockCompany(database);
    const item = await c.item();
    const service_ = await c.item({ kind: 'service' });
    await expect(rule(c, item.id, '10', '5')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(rule(c, newId(), '1', '5')).rejects.toMatchObject({ code: 'unknown_reference' });
    await expect(rule(c, service_.id, '1', '5')).rejects.toMatchObject({
      code: 'item_not_stocked',
    });
    await expect(
      c.request(() =>
        service.create({ itemId: item.id, warehouseId: newId(), minimum: '1', maximum: '2' }),
      ),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
    const made = await rule(c, item.id, '1', '5');
    expect(made).toMatchObject({ minimum: '1', maximum: '5', multiple: null, version: 1 });
    await expect(rule(c, item.id, '2', '6')).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      c.request(() => service.update(made.id, 1, { minimum: '6' })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await c.request(() => service.update(made.id, 1, { multiple: '6' }))).toMatchObject({
      multiple: '6',
      version: 2,
    });
    // Writing a rule queues the company's daily run (one queued run per company).
    expect(queued.at(-1)).toMatchObject({
      name: 'inventory.reorder.suggest',
      options: { singletonKey: 'daily' },
    });
  });

  it('suggests up to the maximum, in multiples, from on hand less reserved', async () => {
    const c = await stockCompany(database);
    const low = await c.item({ cost: '2' });
    const boxes = await c.item({ cost: '2' });
    const enough = await c.item({ cost: '2' });
    const none = await c.item();
    const receive = (itemId: string, quantity: string) =>
      c.post([{ itemId, fromLocationId: c.place.supplier, toLocationId: c.stock.a, quantity }]);
    await receive(low.id, '4');
    await receive(boxes.id, '8');
    await receive(enough.id, '30');
    const r1 = await rule(c, low.id, '5', '20');
    const r2 = await rule(c, boxes.id, '10', '50', '12');
    await rule(c, enough.id, '10', '40');
    const r4 = await rule(c, none.id, '0', '3');
    const { items } = await c.request(() => service.suggestions({}));
    const byRule = new Map(items.map((s) => [s.ruleId, s]));
    expect(items).toHaveLength(3);
    expect(byRule.get(r1.id)).toMatchObject({
      itemId: low.id,
      warehouseId: c.warehouseId,
      onHand: '4',
      reserved: '0',
      projected: '4',
      quantity: '16',
    });
    // 50 - 8 = 42, in boxes of 12: 48.
    expect(byRule.get(r2.id)).toMatchObject({ projected: '8', quantity: '48', multiple: '12' });
    // No stock at all: projected 0 ≤ 0.
    expect(byRule.get(r4.id)).toMatchObject({ onHand: '0', projected: '0', quantity: '3' });
    const oneWarehouse = await c.request(() => service.suggestions({ itemId: low.id }));
    expect(oneWarehouse.items.map((s) => s.ruleId)).toEqual([r1.id]);
    // Another company sees none of them.
    const other = await stockCompany(database);
    expect((await other.request(() => service.suggestions({}))).items).toEqual([]);
  });

  it('runs daily: publishes one event per warehouse and queues the next run', async () => {
    const c = await stockCompany(database);
    const item = await c.item();
    await rule(c, item.id, '1', '10');
    queued.length = 0;
    const now = new Date('2026-12-07T10:00:00Z');
    const result = await database.withContext({ tenantId: c.tenantId }, () => job.run(now));
    expect(result).toEqual({ suggestions: 1, warehouses: 1 });
    expect(queued).toEqual([
      {
        name: 'inventory.reorder.suggest',
        options: { startAfter: new Date('2026-12-08T06:00:00Z'), singletonKey: 'daily' },
      },
    ]);
    const admin = await adminClient(db.current);
    try {
      const { rows } = await admin.query<{ payload: { on: string; suggestions: unknown[] } }>(
        "select payload from events.outbox where tenant_id = $1 and type = 'inventory.reorder.suggested'",
        [c.tenantId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.payload).toMatchObject({
        warehouseId: c.warehouseId,
        on: '2026-12-07',
        suggestions: [{ itemId: item.id, quantity: '10', projected: '0' }],
      });
    } finally {
      await admin.end();
    }
  });

  it('runs at six UTC: today if still ahead, else tomorrow', () => {
    expect(nextRunAfter(new Date('2026-12-07T05:59:00Z')).toISOString()).toBe(
      '2026-12-07T06:00:00.000Z',
    );
    expect(nextRunAfter(new Date('2026-12-07T06:00:00Z')).toISOString()).toBe(
      '2026-12-08T06:00:00.000Z',
    );
    expect(nextRunAfter(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe(
      '2027-01-01T06:00:00.000Z',
    );
  });
});

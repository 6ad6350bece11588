import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login } from './helpers/accounts.js';
import { caller, createItem, seedMasters, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const INV = '/api/v1/inventory';
const ACC = '/api/v1/accounts';

/**
 * Inventory's valuation seam bound to the books (issue 26 left it open for issue 27): a
 * posted stock operation writes its journal entry in the same transaction — stock against
 * the adjustment account, by the company's posting rules — and its reversal the opposite.
 */
describe('stock valuation in the books', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let api: Caller;
  let warehouse: string;
  let root: string;
  let bolt: string;
  let rule: (purpose: string) => string;

  beforeAll(async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    expect((await api('POST', `${ACC}/chart/install`, { country: 'AR' })).status).toBe(200);
    const rules = (await api('GET', `${ACC}/posting-rules`)).body as {
      items: { purpose: string; matchKind: string; accountId: string }[];
    };
    rule = (purpose) =>
      rules.items.find((r) => r.purpose === purpose && r.matchKind === 'default')!.accountId;
    const m = await seedMasters(api);
    bolt = (await createItem(api, { kind: 'stockable', name: 'Bulón', sku: 'BUL-1', unitId: m.u }))
      .id as string;
    warehouse = (
      (await api('POST', `${INV}/warehouses`, { code: 'CEN', name: 'Central' })).body as {
        id: string;
      }
    ).id;
    const client = await adminClient(db.current);
    try {
      const { rows } = await client.query<{ id: string }>(
        'select id from inventory.locations where tenant_id = $1 and warehouse_id = $2 and parent_id is null',
        [admin.tenantId, warehouse],
      );
      root = rows[0]!.id;
    } finally {
      await client.end();
    }
  });

  it('books an adjustment at its value, and a move reversal the other way', async () => {
    const draft = (
      await api('POST', `${INV}/operations`, {
        kind: 'adjustment',
        warehouseId: warehouse,
        locationId: root,
        reason: 'initial_stock',
        lines: [{ itemId: bolt, quantity: '12', unitCost: '3.25' }],
      })
    ).body as { id: string; version: number };
    const posted = await api('POST', `${INV}/operations/${draft.id}/post`, undefined, {
      'if-match': `"${draft.version}"`,
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    const entries = (await api('GET', `${ACC}/entries?sourceId=${draft.id}`)).body as {
      items: { id: string; sourceType: string }[];
    };
    expect(entries.items).toHaveLength(1);
    const entry = (await api('GET', `${ACC}/entries/${entries.items[0]!.id}`)).body as {
      total: string;
      lines: { accountId: string; debit: string; credit: string }[];
    };
    expect(entry.total).toBe('39');
    expect(entry.lines.map((l) => [l.accountId, l.debit, l.credit])).toEqual([
      [rule('stock'), '39', '0'],
      [rule('stock_adjustment'), '0', '39'],
    ]);
    const moves = (await api('GET', `${INV}/moves?sourceId=${draft.id}`)).body as {
      items: { id: string }[];
    };
    expect((await api('POST', `${INV}/moves/${moves.items[0]!.id}/reverse`)).status).toBe(201);
    const tb = (await api('GET', `${ACC}/reports/trial-balance?from=2000-01-01&to=2100-12-31`))
      .body as { rows: { accountId: string; closing: string }[] };
    expect(tb.rows.find((r) => r.accountId === rule('stock'))?.closing).toBe('0');
  });
});

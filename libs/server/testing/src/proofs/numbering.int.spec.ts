import { Numbering, formatNumber } from '@nexo/db';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';

describe('document numbering', () => {
  const db = useTestDatabase();
  const numbering = () => new Numbering(db.current.database);

  it('gives 50 concurrent invoices 1..50: no gap, no repeat', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const values = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.current.database.withContext(
          { tenantId },
          async () => (await numbering().next('invoice', 'A')).value,
        ),
      ),
    );
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('stays gapless when some creations roll back', async () => {
    const { id: tenantId } = await createTenant(db.current.database);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        db.current.database.withContext({ tenantId }, async () => {
          const { value } = await numbering().next('invoice', 'B');
          if (i % 3 === 0) throw new Error('the document failed after taking its number');
          return value;
        }),
      ),
    );
    const committed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(committed).toHaveLength(20);
    expect([...committed].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('keeps series and tenants apart, and formats with prefix, padding and year', async () => {
    const a = await createTenant(db.current.database);
    const b = await createTenant(db.current.database);
    const take = (tenantId: string, type: string, series: string) =>
      db.current.database.withContext({ tenantId }, () =>
        numbering().next(type, series, { prefix: 'FA-', padding: 6, yearlyReset: true }),
      );
    expect((await take(a.id, 'invoice', 'A')).value).toBe(1);
    expect((await take(a.id, 'invoice', 'A')).value).toBe(2);
    expect((await take(a.id, 'invoice', 'B')).value).toBe(1);
    expect((await take(a.id, 'credit-note', 'A')).value).toBe(1);
    const other = await take(b.id, 'invoice', 'A');
    expect(other.value).toBe(1);
    expect(other.formatted).toBe(`FA-${new Date().getUTCFullYear()}-000001`);
    expect(formatNumber('', 8, 42, null)).toBe('00000042');
  });
});

import { createTenant } from '../tenants.factory.js';
import { useTestDatabase } from '../test-database.js';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

/**
 * A request's queries share one connection and its prepared statements. node-postgres sends
 * them one after another even when the code awaits them together (`Promise.all`), so a text
 * prepared by the first message is there for the next: two messages must not both PREPARE it.
 */
describe('a request connection under queries sent together', () => {
  const db = useTestDatabase();

  for (const readOnly of [true, false])
    it(`runs the same statement sent twice at once (${readOnly ? 'read' : 'write'})`, async () => {
      const { database } = db.current;
      const tenant = await createTenant(database);
      const query = (n: number) =>
        database
          .tx()
          .execute<{ n: number }>(sql`select ${n}::int + 0 as n from tenancy.tenants limit 1`);
      const answers = await database.withContext(
        { tenantId: tenant.id },
        async () => {
          // Seen once: the next message prepares it, the ones sent with it execute it.
          await query(2);
          const together = await Promise.all([query(3), query(4), query(5)]);
          return together.map((r) => r.rows[0]?.n);
        },
        { readOnly },
      );
      expect(answers).toEqual([3, 4, 5]);
    });
});

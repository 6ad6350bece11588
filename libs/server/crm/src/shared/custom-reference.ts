import type { Database } from '@nexo/db';
import { and, eq, sql } from 'drizzle-orm';
import type { leads, opportunities, parties } from '../db/crm.tables.js';

/**
 * In a table with custom fields, the `reference` field `key` that names `fromId` names `toId`
 * instead (a merge moved what it points at). Each repository of such a table calls it.
 */
export async function repointCustomReference(
  database: Database,
  table: typeof parties | typeof leads | typeof opportunities,
  tenantId: string,
  key: string,
  fromId: string,
  toId: string,
): Promise<void> {
  // The three tables share the columns used here; Drizzle's `update` does not take the union.
  const t = table as typeof parties;
  await database
    .tx()
    .update(t)
    .set({ custom: sql`jsonb_set(${t.custom}, ${`{${key}}`}::text[], to_jsonb(${toId}::text))` })
    .where(and(eq(t.tenantId, tenantId), sql`${t.custom}->>${key} = ${fromId}`));
}

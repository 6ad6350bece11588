import type { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { categories, items, taxRates, units } from '../db/catalog.tables.js';

type Insert<T extends { $inferInsert: object }> = Partial<T['$inferInsert']>;

/**
 * Catalog rows for integration tests, written as the app role under the tenant's RLS like
 * any other write, in a transaction of their own (committed before the code under test
 * reads them). Each takes the few fields a test cares about; the rest are plausible.
 */
export function catalogFactories(database: Database, tenantId: string) {
  const insert = <T>(write: (tx: ReturnType<Database['tx']>) => Promise<T[]>): Promise<T> =>
    database.withContext({ tenantId }, async (tx) => {
      const [row] = await write(tx);
      if (!row) throw new Error('insert returned no row');
      return row;
    });

  const unit = (values: Insert<typeof units> = {}) =>
    insert((tx) =>
      tx
        .insert(units)
        .values({
          tenantId,
          id: newId(),
          code: `u-${newId().slice(0, 8)}`,
          name: 'Unidad',
          ...values,
        })
        .returning(),
    );

  const taxRate = (values: Insert<typeof taxRates> = {}) =>
    insert((tx) =>
      tx
        .insert(taxRates)
        .values({
          tenantId,
          id: newId(),
          code: `iva-${newId().slice(0, 8)}`,
          name: 'IVA 21%',
          kind: 'vat',
          rate: '21',
          ...values,
        })
        .returning(),
    );

  const category = (values: Insert<typeof categories> = {}) =>
    insert((tx) =>
      tx
        .insert(categories)
        .values({ tenantId, id: newId(), name: `Rubro ${newId().slice(0, 8)}`, ...values })
        .returning(),
    );

  /** An item of a unit of its own unless `unitId` is given. */
  const item = async (values: Insert<typeof items> = {}) => {
    const unitId = values.unitId ?? (await unit()).id;
    return insert((tx) =>
      tx
        .insert(items)
        .values({
          tenantId,
          id: newId(),
          kind: 'stockable',
          name: 'Tornillo 6 mm',
          sku: `SKU-${newId().slice(0, 8)}`,
          unitId,
          ...values,
        })
        .returning(),
    );
  };

  return { unit, taxRate, category, item };
}

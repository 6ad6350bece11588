import { defineTestKit, type KitCall } from '@nexo/contracts';

/** Items and what they are made of: units, taxes, categories (prices are field rules). */
const READ = [
  ...['item', 'unit', 'tax', 'category'].map((s) => `read catalog.${s}`),
  'export catalog.item',
];
const PRICE_LISTS = 'read catalog.price-list';

/** The catalog's grants for the route matrix and its records for the tenant-isolation sweep. */
export const catalogTestKit = defineTestKit({
  context: 'catalog',
  grants: {
    sales: [...READ, PRICE_LISTS],
    purchasing: READ,
    warehouse: READ,
    production: READ,
    accountant: [...READ, PRICE_LISTS],
    'professional-accountant': [...READ, PRICE_LISTS],
  },
  recordsOfB: async (call: KitCall, { png }) => {
    const made = async (url: string, body: object, headers?: Record<string, string>) => {
      const res = await call('POST', url, body, headers);
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { id: string }).id;
    };
    const V1 = '/api/v1/catalog';
    const unit = await made(`${V1}/units`, { code: 'u', name: 'Unidad de B' });
    const tax = await made(`${V1}/tax-rates`, {
      code: 'iva21',
      name: 'IVA de B',
      kind: 'vat',
      rate: '21',
    });
    const category = await made(`${V1}/categories`, { name: 'Categoría de B' });
    const item = await made(`${V1}/items`, {
      kind: 'stockable',
      name: 'Artículo de B',
      sku: 'B-1',
      unitId: unit,
      categoryId: category,
      cost: '10',
      listPrice: '20',
      variantAttributes: ['color'],
    });
    const variant = await made(`${V1}/items/${item}/variants`, {
      sku: 'B-1-R',
      attributes: { color: 'rojo' },
    });
    const image = await made(`${V1}/items/${item}/images`, Buffer.from(png), {
      'content-type': 'image/png',
    });
    const priceList = await made(`${V1}/price-lists`, { name: 'Lista de B', currency: 'ARS' });
    const rule = await made(`${V1}/price-lists/${priceList}/rules`, {
      itemId: item,
      kind: 'fixed',
      price: '15',
    });
    return {
      ids: {
        [`GET ${V1}/units/:id`]: unit,
        [`PATCH ${V1}/units/:id`]: unit,
        [`DELETE ${V1}/units/:id`]: unit,
        [`GET ${V1}/tax-rates/:id`]: tax,
        [`PATCH ${V1}/tax-rates/:id`]: tax,
        [`DELETE ${V1}/tax-rates/:id`]: tax,
        [`GET ${V1}/categories/:id`]: category,
        [`PATCH ${V1}/categories/:id`]: category,
        [`DELETE ${V1}/categories/:id`]: category,
        [`GET ${V1}/items/:id`]: item,
        [`PATCH ${V1}/items/:id`]: item,
        [`DELETE ${V1}/items/:id`]: item,
        [`GET ${V1}/items/:id/variants`]: item,
        [`POST ${V1}/items/:id/variants`]: item,
        [`GET ${V1}/item-variants/:id`]: variant,
        [`PATCH ${V1}/item-variants/:id`]: variant,
        [`DELETE ${V1}/item-variants/:id`]: variant,
        [`GET ${V1}/items/:id/images`]: item,
        [`POST ${V1}/items/:id/images`]: item,
        [`GET ${V1}/item-images/:id`]: image,
        [`DELETE ${V1}/item-images/:id`]: image,
        [`GET ${V1}/price-lists/:id`]: priceList,
        [`PATCH ${V1}/price-lists/:id`]: priceList,
        [`DELETE ${V1}/price-lists/:id`]: priceList,
        [`GET ${V1}/price-lists/:id/rules`]: priceList,
        [`POST ${V1}/price-lists/:id/rules`]: priceList,
        [`PATCH ${V1}/price-list-rules/:id`]: rule,
        [`DELETE ${V1}/price-list-rules/:id`]: rule,
      },
      bodies: {
        [`POST ${V1}/items/:id/variants`]: { sku: 'A-1', attributes: { color: 'rojo' } },
        [`PATCH ${V1}/item-variants/:id`]: { sku: 'A-2' },
        [`POST ${V1}/price-lists/:id/rules`]: { itemId: item, kind: 'fixed', price: '1' },
        [`PATCH ${V1}/price-list-rules/:id`]: { price: '1' },
      },
      lists: [
        `${V1}/units`,
        `${V1}/tax-rates`,
        `${V1}/categories`,
        `${V1}/items?q=B-1`,
        `${V1}/price-lists`,
      ],
      notFound: [`${V1}/prices/resolve?itemId=${item}&currency=ARS`],
      unchanged: { url: `${V1}/items/${item}`, matches: { name: 'Artículo de B', version: 1 } },
    };
  },
});

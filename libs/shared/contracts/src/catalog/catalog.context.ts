import type { Rule } from '../permissions/permission.contracts.js';
import { defineContext } from '../context/context-contract.js';
import { read } from '../context/employee-roles.js';
import { CATALOG_MESSAGES } from './catalog.messages.js';
import { CatalogRoutes } from './catalog.routes.js';

/**
 * Units, taxes and categories are read by everyone who reads items (ADR 0011). Field rules
 * hide prices: `cost` and `margin` (list price less cost) from sales, every price from the
 * warehouse. Variants follow their item's rules; price resolution reads price lists. Whoever
 * reads items may export them too: the CSV has the same columns and masks.
 */
const READER: Rule[] = [
  read(['catalog.unit', 'catalog.tax', 'catalog.category']),
  { action: ['read', 'export'], subject: 'catalog.item' },
];
const hide = (fields: string[]): Rule => read('catalog.item', { fields, inverted: true });

/** Items, their variants, units, taxes, categories and price lists. */
export const CatalogContext = defineContext({
  name: 'catalog',
  module: true,
  subjects: {
    'catalog.item': { es: 'Artículos', en: 'Items' },
    'catalog.unit': { es: 'Unidades', en: 'Units' },
    'catalog.tax': { es: 'Impuestos', en: 'Taxes' },
    'catalog.category': { es: 'Categorías', en: 'Categories' },
    'catalog.price-list': { es: 'Listas de precios', en: 'Price lists' },
  },
  routes: Object.values(CatalogRoutes),
  roleRules: {
    /** Sells at list and price-list prices; never sees what an item costs. */
    sales: [...READER, hide(['cost', 'margin']), read('catalog.price-list')],
    /** Buys: costs are its business; sale price lists are not. */
    purchasing: READER,
    /** Moves goods: items, units and codes, no prices at all. */
    warehouse: [...READER, hide(['cost', 'list_price', 'margin'])],
    /** Builds: needs costs for the roll-up, not sale price lists. */
    production: READER,
    /** Values stock and checks invoices: everything, read only. */
    accountant: [...READER, read('catalog.price-list')],
    'professional-accountant': [...READER, read('catalog.price-list')],
  },
  errors: {
    no_price: {
      status: 422,
      title: 'No price',
      message: {
        es: 'No hay precio para este artículo en esa moneda: ni en la lista de precios ni de lista.',
        en: 'There is no price for this item in that currency: neither in the price list nor a list price.',
      },
    },
  },
  messages: CATALOG_MESSAGES,
  nav: {
    group: 'nav.catalog',
    entries: [
      { href: '/catalog/items', label: 'nav.items', can: ['read', 'catalog.item'], icon: 'items' },
      {
        href: '/catalog/price-lists',
        label: 'nav.priceLists',
        can: ['read', 'catalog.price-list'],
        icon: 'prices',
      },
    ],
  },
});

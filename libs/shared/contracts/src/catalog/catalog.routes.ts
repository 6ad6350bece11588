import { z } from 'zod';
import { ListQuerySchema, pageOf } from '../http/list.contracts.js';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import {
  CategorySchema,
  CreateCategoryInputSchema,
  CreateItemInputSchema,
  CreateItemVariantInputSchema,
  CreatePriceListInputSchema,
  CreatePriceListRuleInputSchema,
  CreateTaxRateInputSchema,
  CreateUnitInputSchema,
  ITEM_IMAGE_MAX_BYTES,
  ITEM_IMAGE_TYPES,
  ItemDetailSchema,
  ItemImageSchema,
  ItemSchema,
  ItemVariantSchema,
  PriceListRuleSchema,
  PriceListSchema,
  PriceResolutionSchema,
  ResolvePriceQuerySchema,
  TaxRateSchema,
  UnitSchema,
  UpdateCategoryInputSchema,
  UpdateItemInputSchema,
  UpdateItemVariantInputSchema,
  UpdatePriceListInputSchema,
  UpdatePriceListRuleInputSchema,
  UpdateTaxRateInputSchema,
  UpdateUnitInputSchema,
} from './catalog.contracts.js';

const tag = 'catalog';
const IdParams = z.object({ id: z.uuid() });
const base = '/api/v1/catalog';

/** The usual five routes of a catalog resource; `filters` ends the list's summary. */
function crud<S extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(options: {
  name: string;
  plural: string;
  path: string;
  subject: string;
  schema: S;
  create: C;
  update: U;
  filters: string;
}) {
  const { name, plural, schema } = options;
  return routeGroup({
    tag,
    path: `${base}/${options.path}`,
    name,
    plural,
    subject: options.subject,
    schema,
    list: { summary: `${plural} of the company. ${options.filters}` },
    create: { body: options.create },
    get: {},
    update: { body: options.update },
    remove: { summary: `Delete a ${name.toLowerCase()} nothing refers to` },
  });
}

const units = crud({
  name: 'Unit',
  plural: 'Units',
  path: 'units',
  subject: 'catalog.unit',
  schema: UnitSchema,
  create: CreateUnitInputSchema,
  update: UpdateUnitInputSchema,
  filters: 'Filters: code, name. q searches code and name. Sort: code',
});
const taxRates = crud({
  name: 'TaxRate',
  plural: 'TaxRates',
  path: 'tax-rates',
  subject: 'catalog.tax',
  schema: TaxRateSchema,
  create: CreateTaxRateInputSchema,
  update: UpdateTaxRateInputSchema,
  filters: 'Filters: code, kind, active. q searches code and name. Sort: code',
});
const categories = crud({
  name: 'Category',
  plural: 'Categories',
  path: 'categories',
  subject: 'catalog.category',
  schema: CategorySchema,
  create: CreateCategoryInputSchema,
  update: UpdateCategoryInputSchema,
  filters: 'Filters: parentId. q searches the name. Sort: name',
});
const priceLists = crud({
  name: 'PriceList',
  plural: 'PriceLists',
  path: 'price-lists',
  subject: 'catalog.price-list',
  schema: PriceListSchema,
  create: CreatePriceListInputSchema,
  update: UpdatePriceListInputSchema,
  filters: 'Filters: currency, partyId, customerGroup, active. q searches the name. Sort: name',
});

const items = routeGroup({
  tag,
  path: `${base}/items`,
  name: 'Item',
  plural: 'Items',
  subject: 'catalog.item',
  schema: ItemDetailSchema,
  export: {
    summary:
      'The filtered items as CSV (same query as the list, all pages; prices the reader may not see are not in the file)',
  },
  list: {
    item: ItemSchema,
    summary:
      'Items of the company. Filters: id (id.in=a,b for several), kind, status, categoryId, sku, barcode, unitId, salesTaxId, purchaseTaxId, listPrice and cost (for roles that may read them). q searches name, SKU and barcode. Sort: name, sku',
  },
  create: {
    body: CreateItemInputSchema,
    summary: 'Create an item (good or service), with its unit conversions',
  },
  get: { summary: 'One item with its unit conversions' },
  update: {
    body: UpdateItemInputSchema,
    summary: 'Change an item; `conversions` replaces them all; `status` archives it',
  },
  remove: {
    summary:
      'Delete an item no price list names (archive it otherwise), with its variants and images',
  },
});

export const CatalogRoutes = {
  listUnits: units.list,
  createUnit: units.create,
  getUnit: units.get,
  updateUnit: units.update,
  deleteUnit: units.remove,

  listTaxRates: taxRates.list,
  createTaxRate: taxRates.create,
  getTaxRate: taxRates.get,
  updateTaxRate: taxRates.update,
  deleteTaxRate: taxRates.remove,

  listCategories: categories.list,
  createCategory: categories.create,
  getCategory: categories.get,
  updateCategory: categories.update,
  deleteCategory: categories.remove,

  exportItems: items.export,
  listItems: items.list,
  createItem: items.create,
  getItem: items.get,
  updateItem: items.update,
  deleteItem: items.remove,

  listItemVariants: defineRoute({
    method: 'GET',
    path: `${base}/items/:id/variants`,
    operationId: 'listItemVariants',
    summary: "An item's variants. Filters: sku, barcode, status. q searches SKU. Sort: sku",
    tag,
    access: permission('read', 'catalog.item'),
    params: IdParams,
    query: ListQuerySchema,
    status: 200,
    response: pageOf(ItemVariantSchema),
  }),
  createItemVariant: defineRoute({
    method: 'POST',
    path: `${base}/items/:id/variants`,
    operationId: 'createItemVariant',
    summary: 'Add a variant: one value for each of the item’s variant attributes, its own SKU',
    tag,
    access: permission('update', 'catalog.item'),
    params: IdParams,
    body: CreateItemVariantInputSchema,
    status: 201,
    response: ItemVariantSchema,
    etag: true,
  }),
  getItemVariant: defineRoute({
    method: 'GET',
    path: `${base}/item-variants/:id`,
    operationId: 'getItemVariant',
    summary: 'One variant',
    tag,
    access: permission('read', 'catalog.item'),
    params: IdParams,
    status: 200,
    response: ItemVariantSchema,
    etag: true,
  }),
  updateItemVariant: defineRoute({
    method: 'PATCH',
    path: `${base}/item-variants/:id`,
    operationId: 'updateItemVariant',
    summary: 'Change a variant',
    tag,
    access: permission('update', 'catalog.item'),
    params: IdParams,
    body: UpdateItemVariantInputSchema,
    status: 200,
    response: ItemVariantSchema,
    etag: true,
    ifMatch: true,
  }),
  deleteItemVariant: defineRoute({
    method: 'DELETE',
    path: `${base}/item-variants/:id`,
    operationId: 'deleteItemVariant',
    summary: 'Delete a variant no price list names',
    tag,
    access: permission('update', 'catalog.item'),
    params: IdParams,
    status: 204,
    ifMatch: true,
  }),

  listItemImages: defineRoute({
    method: 'GET',
    path: `${base}/items/:id/images`,
    operationId: 'listItemImages',
    summary: "An item's images, oldest first",
    tag,
    access: permission('read', 'catalog.item'),
    params: IdParams,
    status: 200,
    response: z.array(ItemImageSchema),
  }),
  uploadItemImage: defineRoute({
    method: 'POST',
    path: `${base}/items/:id/images`,
    operationId: 'uploadItemImage',
    summary: `Add an image: the file's bytes as PNG, JPEG or WebP, at most 5 MB; up to 10 per item`,
    tag,
    access: permission('update', 'catalog.item'),
    params: IdParams,
    binaryBody: { mediaTypes: ITEM_IMAGE_TYPES, maxBytes: ITEM_IMAGE_MAX_BYTES },
    status: 201,
    response: ItemImageSchema,
  }),
  getItemImage: defineRoute({
    method: 'GET',
    path: `${base}/item-images/:id`,
    operationId: 'getItemImage',
    summary: 'The image file',
    tag,
    access: permission('read', 'catalog.item'),
    params: IdParams,
    status: 200,
    binaryResponse: { mediaTypes: ITEM_IMAGE_TYPES },
  }),
  deleteItemImage: defineRoute({
    method: 'DELETE',
    path: `${base}/item-images/:id`,
    operationId: 'deleteItemImage',
    summary: 'Delete an image (images never change, so no If-Match)',
    tag,
    access: permission('update', 'catalog.item'),
    params: IdParams,
    status: 204,
  }),

  listPriceLists: priceLists.list,
  createPriceList: priceLists.create,
  getPriceList: priceLists.get,
  updatePriceList: priceLists.update,
  deletePriceList: { ...priceLists.remove, summary: 'Delete a price list and its rules' },

  listPriceListRules: defineRoute({
    method: 'GET',
    path: `${base}/price-lists/:id/rules`,
    operationId: 'listPriceListRules',
    summary: "A price list's rules. Filters: itemId, variantId, kind. Sort: id",
    tag,
    access: permission('read', 'catalog.price-list'),
    params: IdParams,
    query: ListQuerySchema,
    status: 200,
    response: pageOf(PriceListRuleSchema),
  }),
  createPriceListRule: defineRoute({
    method: 'POST',
    path: `${base}/price-lists/:id/rules`,
    operationId: 'createPriceListRule',
    summary:
      'Add a rule: from minQuantity up, a fixed price or a discount off the list price (lists in the company currency only)',
    tag,
    access: permission('update', 'catalog.price-list'),
    params: IdParams,
    body: CreatePriceListRuleInputSchema,
    status: 201,
    response: PriceListRuleSchema,
    etag: true,
  }),
  updatePriceListRule: defineRoute({
    method: 'PATCH',
    path: `${base}/price-list-rules/:id`,
    operationId: 'updatePriceListRule',
    summary: 'Change a rule',
    tag,
    access: permission('update', 'catalog.price-list'),
    params: IdParams,
    body: UpdatePriceListRuleInputSchema,
    status: 200,
    response: PriceListRuleSchema,
    etag: true,
    ifMatch: true,
  }),
  deletePriceListRule: defineRoute({
    method: 'DELETE',
    path: `${base}/price-list-rules/:id`,
    operationId: 'deletePriceListRule',
    summary: 'Delete a rule',
    tag,
    access: permission('update', 'catalog.price-list'),
    params: IdParams,
    status: 204,
    ifMatch: true,
  }),

  resolvePrice: defineRoute({
    method: 'GET',
    path: `${base}/prices/resolve`,
    operationId: 'resolvePrice',
    summary:
      'The unit price of an item for a party or group, quantity, date and currency, and the rule that gave it. ' +
      'Precedence: a list for the party, then for its group, then general; then the list with the narrower validity; ' +
      'then a rule for the variant over one for the item; then the highest quantity break not above the quantity. ' +
      "No rule: the item's list price (company currency only)",
    tag,
    access: permission('read', 'catalog.price-list'),
    query: ResolvePriceQuerySchema,
    status: 200,
    response: PriceResolutionSchema,
  }),
} as const;

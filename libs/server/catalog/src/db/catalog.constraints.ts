import type { ConstraintMeaning } from '@nexo/db';

/** The SKU and barcode constraints of items and variants, in one space (`item_codes`). */
export const CODE_CONSTRAINTS: Record<string, ConstraintMeaning> = {
  items_tenant_sku_key: { kind: 'taken', field: 'sku', message: 'The SKU is already in use' },
  item_variants_tenant_sku_key: {
    kind: 'taken',
    field: 'sku',
    message: 'The SKU is already in use',
  },
  item_codes_sku_key: { kind: 'taken', field: 'sku', message: 'The SKU is already in use' },
  items_tenant_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
  item_variants_tenant_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
  item_codes_barcode_key: {
    kind: 'taken',
    field: 'barcode',
    message: 'The barcode is already in use',
  },
};

/** The tax id checks live with the country packs (`@nexo/commerce`); re-exported for old imports. */
export { checkTaxId, type TaxIdCheck } from '@nexo/commerce';

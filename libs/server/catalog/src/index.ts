export * from './catalog.events.js';
export * from './catalog.module.js';
export { ItemService } from './items/item.service.js';
export { PriceResolver } from './prices/price-resolver.service.js';
export { CountryPackInstaller } from './taxes/country-pack-installer.js';
export { TaxDefinitions } from './taxes/tax-definitions.js';
export { StockItemFacts, type StockItemFact } from './items/stock-item-facts.js';

import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ReferenceTargets } from '@nexo/custom-fields';
import { RecordWrites } from '@nexo/records';
import { CategoryController } from './categories/category.controller.js';
import { CategoryRepository } from './categories/category.repository.js';
import { CategoryService } from './categories/category.service.js';
import { ItemImageController } from './items/item-image.controller.js';
import { ItemImageService } from './items/item-image.service.js';
import { ItemVariantController } from './items/item-variant.controller.js';
import { ItemVariantService } from './items/item-variant.service.js';
import { ItemController } from './items/item.controller.js';
import { ItemRepository } from './items/item.repository.js';
import { ItemService } from './items/item.service.js';
import { StockItemFacts } from './items/stock-item-facts.js';
import { PriceListController } from './prices/price-list.controller.js';
import { PriceListRepository } from './prices/price-list.repository.js';
import { PriceListService } from './prices/price-list.service.js';
import { PriceResolver } from './prices/price-resolver.service.js';
import { CatalogSearchProvider } from './search/catalog-search.provider.js';
import { TaxRateController } from './taxes/tax-rate.controller.js';
import { TaxRateRepository } from './taxes/tax-rate.repository.js';
import { CountryPackInstaller } from './taxes/country-pack-installer.js';
import { TaxDefinitions } from './taxes/tax-definitions.js';
import { TaxRateService } from './taxes/tax-rate.service.js';
import { UnitController } from './units/unit.controller.js';
import { UnitRepository } from './units/unit.repository.js';
import { UnitService } from './units/unit.service.js';

/**
 * Artículos: items (goods and services) with variants, units and conversions, taxes,
 * categories, images, and price lists with price resolution (`catalog` schema).
 */
@Module({
  controllers: [
    UnitController,
    TaxRateController,
    CategoryController,
    ItemController,
    ItemVariantController,
    ItemImageController,
    PriceListController,
  ],
  providers: [
    StockItemFacts,
    RecordWrites,
    UnitRepository,
    UnitService,
    TaxRateRepository,
    TaxRateService,
    TaxDefinitions,
    CountryPackInstaller,
    CategoryRepository,
    CategoryService,
    ItemRepository,
    ItemService,
    ItemVariantService,
    ItemImageService,
    PriceListRepository,
    PriceListService,
    PriceResolver,
    CatalogSearchProvider,
  ],
  exports: [ItemService, PriceResolver, TaxDefinitions, CountryPackInstaller, StockItemFacts],
})
export class CatalogModule implements OnModuleInit {
  constructor(
    @Inject(ReferenceTargets) private readonly references: ReferenceTargets,
    @Inject(ItemRepository) private readonly records: ItemRepository,
  ) {}

  /** A custom field may name a item: this context says whether one exists. */
  onModuleInit(): void {
    this.references.register('catalog.item', (id) => this.records.exists(id));
  }
}

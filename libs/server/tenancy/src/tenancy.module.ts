import { Module } from '@nestjs/common';
import { ExchangeRateController } from './exchange-rates/exchange-rate.controller.js';
import { ExchangeRateRepository } from './exchange-rates/exchange-rate.repository.js';
import { ExchangeRateService } from './exchange-rates/exchange-rate.service.js';
import { NumberSeriesController } from './numbering/number-series.controller.js';
import { NumberSeriesRepository } from './numbering/number-series.repository.js';
import { NumberSeriesService } from './numbering/number-series.service.js';
import { PointOfSaleController } from './points-of-sale/point-of-sale.controller.js';
import { PointOfSaleRepository } from './points-of-sale/point-of-sale.repository.js';
import { PointOfSaleService } from './points-of-sale/point-of-sale.service.js';
import { TenantController } from './tenants/tenant.controller.js';
import { TenantLogoService } from './tenants/tenant-logo.service.js';
import { TenantRepository } from './tenants/tenant.repository.js';
import { TenantSettingsService } from './tenants/tenant-settings.service.js';
import { TenantService } from './tenants/tenant.service.js';

@Module({
  controllers: [
    TenantController,
    NumberSeriesController,
    ExchangeRateController,
    PointOfSaleController,
  ],
  providers: [
    TenantRepository,
    TenantService,
    TenantSettingsService,
    TenantLogoService,
    NumberSeriesRepository,
    NumberSeriesService,
    ExchangeRateRepository,
    ExchangeRateService,
    PointOfSaleRepository,
    PointOfSaleService,
  ],
  exports: [TenantService],
})
export class TenancyModule {}

import { Module } from '@nestjs/common';
import { NumberSeriesController } from './numbering/number-series.controller.js';
import { NumberSeriesRepository } from './numbering/number-series.repository.js';
import { NumberSeriesService } from './numbering/number-series.service.js';
import { TenantController } from './tenants/tenant.controller.js';
import { TenantRepository } from './tenants/tenant.repository.js';
import { TenantSettingsService } from './tenants/tenant-settings.service.js';
import { TenantService } from './tenants/tenant.service.js';

@Module({
  controllers: [TenantController, NumberSeriesController],
  providers: [
    TenantRepository,
    TenantService,
    TenantSettingsService,
    NumberSeriesRepository,
    NumberSeriesService,
  ],
  exports: [TenantService],
})
export class TenancyModule {}

import { Module } from '@nestjs/common';
import { TenantController } from './tenants/tenant.controller.js';
import { TenantRepository } from './tenants/tenant.repository.js';
import { TenantService } from './tenants/tenant.service.js';

@Module({
  controllers: [TenantController],
  providers: [TenantRepository, TenantService],
  exports: [TenantService],
})
export class TenancyModule {}

import { Module } from '@nestjs/common';
import { TenantRepository } from './tenants/tenant.repository.js';
import { TenantService } from './tenants/tenant.service.js';

@Module({
  providers: [TenantRepository, TenantService],
  exports: [TenantService],
})
export class TenancyModule {}

import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.service.js';
import { SecurityEventLog } from './security-events.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [SecurityEventLog, AuditLog],
  exports: [SecurityEventLog, AuditLog],
})
export class AuditModule {}

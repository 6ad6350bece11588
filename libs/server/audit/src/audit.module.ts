import { Global, Module } from '@nestjs/common';
import { SecurityEventLog } from './security-events.js';

@Global()
@Module({ providers: [SecurityEventLog], exports: [SecurityEventLog] })
export class AuditModule {}

import { Global, Module } from '@nestjs/common';
import { CustomFieldController } from './fields/custom-field.controller.js';
import { CustomFields } from './fields/custom-field.service.js';
import { ReferenceTargets } from './fields/reference-targets.js';

/** Tenant-defined fields; global because every extensible context validates through it. */
@Global()
@Module({
  controllers: [CustomFieldController],
  providers: [CustomFields, ReferenceTargets],
  exports: [CustomFields, ReferenceTargets],
})
export class CustomFieldsModule {}

import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { DocumentKit } from './kit/document-kit.service.js';
import { DocumentStore } from './kit/document-store.js';

/**
 * The kit's services, imported by each module that has document types (sales, purchasing,
 * production). It serves no routes of its own: each type's controller does, through the kit.
 */
@Module({
  providers: [RecordWrites, DocumentStore, DocumentKit],
  exports: [DocumentKit],
})
export class DocumentsModule {}

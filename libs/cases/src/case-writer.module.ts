import { Module } from '@nestjs/common';
import { SearchModule } from '@tiaojie/search';
import { CaseBulkRepository } from './case-bulk.repository';
import { CaseWriter } from './case.writer';

/** The bulk case writer alone: the import and the worker use it without the rest of the case flow. */
@Module({
  imports: [SearchModule],
  providers: [CaseBulkRepository, CaseWriter],
  exports: [CaseWriter],
})
export class CaseWriterModule {}

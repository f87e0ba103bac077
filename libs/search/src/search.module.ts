import { Module } from '@nestjs/common';
import { CaseSearchIndexRepository } from './case-search-index.repository';
import { CaseSearchIndexService } from './case-search-index.service';
import { CaseSearchRepository } from './case-search.repository';

@Module({
  providers: [CaseSearchIndexRepository, CaseSearchIndexService, CaseSearchRepository],
  exports: [CaseSearchIndexService, CaseSearchRepository],
})
export class SearchModule {}

/** @tiaojie/search: the case search index (Chinese words, single characters, exact identifiers) and its reads. */
export { SearchModule } from './search.module';
export { CaseSearchIndexService } from './case-search-index.service';
export { CaseSearchRepository, COUNT_CAP } from './case-search.repository';
export type {
  Alternative,
  Condition,
  SearchCursor,
  SearchHit,
  SearchRead,
  SearchResult,
} from './case-search.repository';
export {
  FIELD_BITS,
  MAX_QUERY_TERMS,
  RANK,
  parseQuery,
  postingsOf,
  textTerms,
  nameTerms,
  courtNumberTerm,
  caseNumberTerms,
  normaliseId,
} from './search-tokens';
export type { PersonalHash, Posting, QueryTerm, SearchDocument, SearchField } from './search-tokens';

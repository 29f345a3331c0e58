// The public API of the search stage: Vietnamese analysis, the sharded index, its store, and queries.
export { foldText } from "../../grammars/text/fold.js";
export { toneKey, hasDiacritics } from "./tone-key.js";
export { analyzeText, type Token, type TokenKind } from "./analyze-text.js";
export { normalizeIdentifier } from "./identifier.js";
export { SearchIndex, DEFAULT_SHARD_SIZE, type SearchIndexOptions } from "./search-index.js";
export type { IndexedSummary } from "./index-document.js";
export { parseQuery, type ParsedQuery, type QueryWord, type QueryPhrase, type QueryUnit } from "./parse-query.js";
export { search, FIELD_BOOSTS, type SearchOptions, type SearchResult } from "./search.js";
export type { SearchFilters } from "./search-filter.js";
export type { Snippet, Highlight } from "./highlight.js";
export {
  saveIndex,
  loadIndex,
  checkIndex,
  IndexLockedError,
  IndexManifest,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
  type LoadIndexResult,
  type IndexCheck,
  type LoadIndexOptions,
  type SaveReport,
  type IndexedDocumentRef,
} from "./index-store.js";

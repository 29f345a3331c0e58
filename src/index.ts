// The library's public API: re-exports only (a test pins this list).

// Documents → records (input, parse, citations).
export { parseDocument, parseDocumentAsync, parseDocumentBytes, parseDocumentText } from "./document/parse-document.js";
export type { ParsedText, ParseOptions, TextSource } from "./parse/parse-document.js";
export * from "./model/index.js";
export { decodeDocument, type DecodedDocument } from "./input/decode-document.js";
export { OffsetMap } from "./input/offset-map.js";

// References: canonical keys, queries in any spelling, the known documents.
export * from "./citations/index.js";

// The knowledge base: a collection's store on disk, its citation graph, who cites what.
export * from "./kb/index.js";

// The same collection on PostgreSQL, and the one function that opens either by its store string.
export { openCollectionAt, isPostgresUrl, type OpenCollectionAtOptions } from "./pg/open-collection-at.js";
export { openPostgresCollection, type OpenPostgresOptions, type PostgresCollectionStats } from "./pg/postgres-collection.js";

// Full-text search over a collection. `IndexedSummary` is the document summary as the index keeps
// it (`IndexedDocumentSummary` is its earlier name, kept for callers).
export {
  foldText,
  toneKey,
  hasDiacritics,
  analyzeText,
  normalizeIdentifier,
  SearchIndex,
  DEFAULT_SHARD_SIZE,
  parseQuery,
  search,
  FIELD_BOOSTS,
  saveIndex,
  loadIndex,
  checkIndex,
  IndexLockedError,
  IndexManifest,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
} from "./search/index.js";
export type {
  Token,
  TokenKind,
  SearchIndexOptions,
  IndexedSummary,
  IndexedSummary as IndexedDocumentSummary,
  ParsedQuery,
  SearchOptions,
  SearchResult,
  SearchFilters,
  Snippet,
  Highlight,
  LoadIndexResult,
  SaveReport,
} from "./search/index.js";

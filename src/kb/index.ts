// The knowledge base stage: a store on disk of a collection's records and citation graph, how it
// is built and kept up to date, and the questions asked of it.
export { openCollection, type OpenCollectionOptions } from "./embedded-collection.js";
export {
  DocumentNotFoundError,
  type Collection,
  type CollectionIndexOptions,
  type CollectionSearchOptions,
  type CollectionStats,
  type CitesAnswer,
  type CitesOptions,
  type CitingGroup,
  type ListFilters,
  type TimelineOptions,
  type RefsAnswer,
} from "./collection.js";
export { openStore } from "./open-store.js";
export { loadStoreSearchIndex } from "./open-search-index.js";
export { indexFolder, type IndexFolderOptions, type IndexProgress, type IndexReport } from "./index-folder.js";
export { KnowledgeBase, ReferenceQueryError, documentLabel, type CitingOptions, type GraphOptions, type CitationGraph } from "./knowledge-base.js";
export { CitedCount, DocumentAnswer, FacetCount, Facets, ListedDocument, Timeline, TimelineBin } from "./collection-results.js";
export { LEVELS, type Level } from "./document-place.js";
export { ListFilterError } from "./list-documents.js";
export { PROVINCES, placeKey, provinceOf, type Province, type ProvinceMatch } from "../text/provinces.js";
export { CitingDocument, CitingSpan, ChainLink, DocumentReference, DocumentSummary, GraphNode } from "./query-results.js";
export { SourceFolderError, StoreError, type StoreProblem } from "../store/store-errors.js";
export type { DuplicateFile } from "./document-identity.js";
export type { SearchIndexUpdate } from "./update-search-index.js";
export { listSourceFiles, SOURCE_EXTENSIONS, type SkippedFile, type SourceListing } from "./list-source-files.js";
export { shippedCorpusDir } from "./package-info.js";
export { formatGraph, GRAPH_FORMATS, type GraphFormat } from "./format-graph.js";
export { CitationStatus, Relation, GraphEdge, ConflictDiagnostic, CatalogEntry, DEFAULT_STORE_DIR, SEARCH_DIR, STORE_FORMAT_VERSION } from "./store-format.js";
export type { ReadStoreOptions } from "./read-store.js";

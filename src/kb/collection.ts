// A collection of documents as the library, the CLI and (later) a web server or a PostgreSQL
// store see it: an interface of asynchronous questions with plain-data answers, so that another
// store can implement it and anything can sit on it. The embedded store (a directory on disk:
// embedded-collection.ts) is its first implementation.
import type { CitationGraph, CitingOptions, GraphOptions } from "./knowledge-base.js";
import type { IndexFolderOptions, IndexReport } from "./index-folder.js";
import type { CitingDocument, DocumentReference } from "./query-results.js";
import type { CitedCount, DocumentAnswer, FacetCount, Facets, ListedDocument, Timeline } from "./collection-results.js";
import type { SearchOptions, SearchResult } from "../search/search.js";

/** Options of `Collection.index`. */
export type CollectionIndexOptions = Pick<IndexFolderOptions, "jobs" | "onProgress" | "onMessage" | "lockWaitMs">;

/** Options of `Collection.search`: the search filters, and `cites` (a reference in any spelling) to keep documents that cite it. */
export interface CollectionSearchOptions extends Omit<SearchOptions, "citesMatch"> {
  cites?: string;
  /** the issuer's level (see `ListFilters.level`); with `province`, and `place` in any spelling, applied to the first 1,000 results */
  level?: string;
  /** a province in any spelling, today's or a former one (see `ListFilters.province`) */
  province?: string;
}

/**
 * Which documents `Collection.list` gives (every filter given must hold). Text is compared folded
 * (without case or diacritics); a document without the field a filter asks about is left out.
 */
export interface ListFilters {
  /** type code (`KH`) or name (`Kế hoạch`) */
  type?: string;
  /** words of the issuer's name, each a whole word, in any order */
  issuer?: string;
  /**
   * a place in any spelling (`TP. Cần Thơ`, `Cần Thơ`): the document's place line is that place
   * (level words and punctuation aside), or the place is its province — today's, or the former
   * one it was issued in (`Sóc Trăng` finds the documents of Sóc Trăng, `Cần Thơ` those too)
   */
  place?: string;
  /** a province in any spelling, today's or a former one (see `place`, without the place line) */
  province?: string;
  /** the issuer's level: trung ương, tỉnh, huyện or xã (also written without diacritics) */
  level?: string;
  /** state or Party documents */
  system?: "state" | "party";
  /** first year of the date (inclusive) */
  yearFrom?: number;
  /** last year of the date (inclusive) */
  yearTo?: number;
  /** a document in any spelling (as `cites` reads it): keep the documents that cite it directly */
  cites?: string;
}

/** Options of `Collection.cites`: how far to follow, and the list filters the citing documents must pass. */
export interface CitesOptions extends CitingOptions, Omit<ListFilters, "cites"> {}

/** Options of `Collection.timeline`. */
export interface TimelineOptions {
  /** periods of a year (default) or of a month */
  by?: "year" | "month";
  /** one series per province or per level; none by default */
  split?: "province" | "level" | null;
  /** also the documents that cite it through others */
  transitive?: boolean;
}

/** The documents that cite one document a reference stands for. */
export interface CitingGroup {
  /** a canonical key that asks for this document alone (null when the reference was a record id) */
  key: string | null;
  /** how the document is named: `Luật 77/2015/QH13` */
  label: string;
  documents: CitingDocument[];
}

/** Who cites a reference: one group per document it may stand for (several for a name three laws bear). */
export interface CitesAnswer {
  /** what the reference was read as, for a heading */
  target: string;
  groups: CitingGroup[];
}

/** What `Collection.refs` answers: the document, and each of its citations with its status. */
export interface RefsAnswer {
  document: { id: string; path: string | null; title: string | null };
  /** false for a file the collection does not hold, parsed now and resolved against it */
  inCollection: boolean;
  references: DocumentReference[];
}

/** The size and state of a collection. */
export interface CollectionStats {
  documents: number;
  /** files, counting each path of a content held at several */
  files: number;
  generation: number;
  createdAt: string;
  /** the folders it was indexed from */
  roots: string[];
  /** documents per type name, most first */
  byType: FacetCount[];
  /** documents per issuer name, most first (the first 50) */
  byIssuer: FacetCount[];
  /** documents per year of their date, most first */
  byYear: FacetCount[];
  /** the documents cited by the most collection documents (the first 20) */
  mostCited: CitedCount[];
}

/**
 * A collection of documents: index files into it, search it, list it, ask who cites what.
 * Implemented by the embedded store (`openCollection`); every method is asynchronous and answers
 * plain data, so that a server can send it as JSON.
 */
export interface Collection {
  /** where the collection lives (a directory for the embedded store) */
  readonly location: string;
  /** Reads files and folders into the collection: records, citation graph and search index, together. */
  index(paths: string | readonly string[], options?: CollectionIndexOptions): Promise<IndexReport>;
  /** Ranked full-text results. */
  search(query: string, options?: CollectionSearchOptions): Promise<SearchResult[]>;
  /** The documents, sorted by path, narrowed by `filters` (all of them with none). */
  list(filters?: ListFilters): Promise<ListedDocument[]>;
  /**
   * Facet counts over `list(filters)`, or, with a query, over the documents `search(query)` finds
   * that pass the filters (its first 1,000 results).
   */
  facets(filters?: ListFilters, query?: string): Promise<Facets>;
  /** One collection document whole (by id or path); throws `DocumentNotFoundError` when it holds none. */
  document(idOrPath: string): Promise<DocumentAnswer>;
  /** The documents that cite a reference given in any spelling, grouped by the document it stands for, narrowed by the list filters. */
  cites(ref: string, options?: CitesOptions): Promise<CitesAnswer>;
  /** When the documents citing a reference were issued: counts by year or month, split by province or level. */
  timeline(ref: string, options?: TimelineOptions): Promise<Timeline>;
  /** What a document (id or path; or a file outside the collection) cites, each with its status. */
  refs(idOrPath: string): Promise<RefsAnswer>;
  /** The citation graph, or the part around one document. */
  graph(options?: GraphOptions): Promise<CitationGraph>;
  /** Its size and state, counts by type, issuer and year, and the most cited documents. */
  stats(): Promise<CollectionStats>;
  /** Lets go of what the collection holds open (a loaded search index). */
  close(): Promise<void>;
}

/** A document asked for by id or path that the collection does not hold (and no readable file of that path either). */
export class DocumentNotFoundError extends Error {
  constructor(
    readonly wanted: string,
    /** why it could not be read as a file outside the collection */
    readonly reason: string,
  ) {
    super(`${wanted}: ${reason}`);
    this.name = "DocumentNotFoundError";
  }
}

// A collection of documents as the library, the CLI and (later) a web server or a PostgreSQL
// store see it: an interface of asynchronous questions with plain-data answers, so that another
// store can implement it and anything can sit on it. The embedded store (a directory on disk:
// embedded-collection.ts) is its first implementation.
import type { CitationGraph, CitingOptions, GraphOptions } from "./knowledge-base.js";
import type { IndexFolderOptions, IndexReport } from "./index-folder.js";
import type { CitingDocument, DocumentReference, DocumentSummary } from "./query-results.js";
import type { SearchOptions, SearchResult } from "../search/search.js";

/** Options of `Collection.index`. */
export type CollectionIndexOptions = Pick<IndexFolderOptions, "jobs" | "onProgress" | "onMessage" | "lockWaitMs">;

/** Options of `Collection.search`: the search filters, and `cites` (a reference in any spelling) to keep documents that cite it. */
export interface CollectionSearchOptions extends Omit<SearchOptions, "citesMatch"> {
  cites?: string;
}

/** Which documents `Collection.list` gives (every filter given must hold). */
export interface ListFilters {
  /** type code (`KH`) or name (`Kế hoạch`) */
  type?: string;
  /** words of the issuer's name */
  issuer?: string;
  yearFrom?: number;
  yearTo?: number;
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
  /** The documents, sorted by path, narrowed by `filters`. */
  list(filters?: ListFilters): Promise<DocumentSummary[]>;
  /** The documents that cite a reference given in any spelling, grouped by the document it stands for. */
  cites(ref: string, options?: CitingOptions): Promise<CitesAnswer>;
  /** What a document (id or path; or a file outside the collection) cites, each with its status. */
  refs(idOrPath: string): Promise<RefsAnswer>;
  /** The citation graph, or the part around one document. */
  graph(options?: GraphOptions): Promise<CitationGraph>;
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

// The on-disk format of a store (`.vanban/`), version 3 (1 keyed documents by their record id,
// so two documents sharing number and date were one; 2 had no cites index):
//
//   manifest.json               the commit point: format version, generation, what was indexed,
//                               and the size and SHA-256 of every other file it refers to
//   catalog-<gen>.ndjson        one line per document: its source file (path, size, mtime,
//                               SHA-256), its header fields and where its record lies
//   graph-<gen>.ndjson          the citation graph: per document the facts of each citation and
//                               its resolution, then the edges between documents, then conflicts
//   cites-<gen>.ndjson          the cites index: who cites what, sorted by lookup key in checksummed
//   cites-<gen>.blocks.json     blocks, and the table of those blocks (write-cites-index.ts)
//   records/chunk-<n>.ndjson    the records, one JSON line each, in chunks of a few MB; a chunk is
//                               never rewritten, only dropped once no document lives in it
//   search/                     the full-text index (src/search), with its own manifest
//   lock                        present while a writer works (see store-lock.ts)
//
// A writer writes new files under new names and replaces the manifest last, so a reader (or a
// writer killed at any moment) always finds the old complete state or the new one.
import { z } from "zod";
import { Citation, DocDate, DocType, Issuer } from "../model/record.js";

/** Names this store format in the manifest, so a foreign JSON file is not taken for a store. */
export const STORE_FORMAT = "vanban-store";
/** The version of the on-disk format; bumped whenever a file changes meaning. */
export const STORE_FORMAT_VERSION = 3;
/** The manifest's name inside the store directory. */
export const MANIFEST_FILE = "manifest.json";
/** The folder of record chunks inside the store directory. */
export const RECORDS_DIR = "records";
/** The folder the search index is saved in, inside the store directory. */
export const SEARCH_DIR = "search";
/** The store directory used when none is given, relative to the working directory. */
export const DEFAULT_STORE_DIR = ".vanban";

/** Names of the files a store writes, so that only those are ever deleted from its directory. */
export const STORE_FILE_NAMES = {
  catalog: /^catalog-\d+\.ndjson$/,
  graph: /^graph-\d+\.ndjson$/,
  cites: /^cites-\d+\.(?:ndjson|blocks\.json)$/,
  chunk: /^chunk-\d+\.ndjson$/,
};

/** A file of the store with what it must contain. */
export const StoredFile = z.object({
  file: z.string().describe("path relative to the store directory"),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
/** A file of the store with what it must contain. */
export type StoredFile = z.infer<typeof StoredFile>;

/** The manifest's content (checksummed as a whole). */
export const StoreManifestBody = z.object({
  generation: z.number().int().positive(),
  /** the parser that made the records (vanban version and record schema): another one re-reads every file */
  parser: z.string(),
  createdAt: z.string(),
  /** the absolute paths given to `vanban index`, for the rebuild command */
  roots: z.array(z.string()),
  documentCount: z.number().int().nonnegative(),
  /** the number the next new chunk gets, so a chunk name is never reused */
  nextChunk: z.number().int().nonnegative(),
  catalog: StoredFile,
  graph: StoredFile,
  /** the cites index: its data file (read a block at a time, each block checked against the table) and its block table */
  cites: z.object({ data: StoredFile, blocks: StoredFile }),
  chunks: z.array(StoredFile),
});
/** The manifest's content (checksummed as a whole). */
export type StoreManifestBody = z.infer<typeof StoreManifestBody>;

// The manifest file is the body in the envelope of src/store/checksummed-manifest.ts: format,
// version, the body and its SHA-256.

/** One document of the store: its source file, the header fields lists need, and where its record is. */
export const CatalogEntry = z.object({
  /** absolute path of the source file */
  path: z.string(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  /** SHA-256 of the file's bytes */
  sha256: z.string(),
  /** the document's id in the collection: its record id, with a short suffix of its content hash when another content has that record id (see document-identity.ts) */
  id: z.string(),
  /** the id the parser gave the record (the same bytes always give the same one) */
  recordId: z.string(),
  /** the document's own canonical key (as citations of it are keyed), when its number is known */
  key: z.string().nullable(),
  docType: DocType.nullable(),
  number: z.string().nullable().describe("the number as printed"),
  date: DocDate.nullable(),
  issuer: Issuer.nullable(),
  title: z.string().nullable(),
  system: z.enum(["state", "party"]).nullable(),
  /** the place line of the header (`Bình Sơn`, `TP. Cần Thơ`); absent in stores written before it was kept */
  place: z.string().nullable().optional(),
  /** the chunk file (relative to the store) and the byte range of the record's line in it */
  chunk: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().positive(),
  /** SHA-256 of the record's line, checked on every read */
  lineSha256: z.string(),
});
/** One document of the store. */
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** How a document (or the document a citation stands for) relates to one it cites. */
export const Relation = z.enum(["cites", "implements", "continues", "amends", "replaces", "refers"]);
/** How a document relates to one it cites. */
export type Relation = z.infer<typeof Relation>;

/** What the graph keeps of one citation, enough to resolve it again without the record. */
export const CitationFact = z.object({
  key: z.string().nullable(),
  /** the date the citation states (ISO) */
  date: z.string().nullable(),
  /** the issuing body the citation names */
  issuer: z.string().nullable(),
  context: Citation.shape.context,
  /** index of the citation whose `về` subject holds this one (a nested citation), or null */
  parent: z.number().int().nonnegative().nullable(),
  /** how the holder (the parent citation, or the document for one in its title) relates to it; null when it is only mentioned */
  relation: Relation.nullable(),
  /** a short name for lists and graphs: `Kết luận 91-KL/TW` */
  label: z.string(),
});
/** What the graph keeps of one citation. */
export type CitationFact = z.infer<typeof CitationFact>;

/** The status of a citation against the collection. */
export const CitationStatus = z.enum(["resolved", "ambiguous", "not-in-collection", "conflict", "self"]);
/** The status of a citation against the collection. */
export type CitationStatus = z.infer<typeof CitationStatus>;

/** Where a citation leads in the collection. */
export const Resolution = z.object({
  status: CitationStatus,
  /** the record id it resolves to (`resolved`, `self`) */
  target: z.string().nullable(),
  /** the record ids it may be (`ambiguous`), or that it disagrees with (`conflict`) */
  candidates: z.array(z.string()),
  /** why it is ambiguous or in conflict */
  note: z.string().nullable(),
});
/** Where a citation leads in the collection. */
export type Resolution = z.infer<typeof Resolution>;

/** The first line of a graph file. */
export const GraphHeader = z.object({ t: z.literal("graph"), format: z.literal(STORE_FORMAT), formatVersion: z.literal(STORE_FORMAT_VERSION), documents: z.number().int().nonnegative() });

/**
 * A graph line per document, in catalog order: per citation (in the order of `record.citations`)
 * its facts, its resolution, and the graph node it points at (a record id or a key; null for none).
 */
export const GraphDocument = z.object({
  t: z.literal("doc"),
  id: z.string(),
  facts: z.array(CitationFact),
  resolutions: z.array(Resolution),
  nodes: z.array(z.string().nullable()),
});
/** A graph line per document. */
export type GraphDocument = z.infer<typeof GraphDocument>;

/** Where an edge was learned. */
export const EdgeSource = z.enum(["citation", "subject", "title", "known-documents"]);
/** Where an edge was learned. */
export type EdgeSource = z.infer<typeof EdgeSource>;

/** An edge between two nodes: a record id for a collection document, a canonical key for another. */
export const GraphEdge = z.object({
  from: z.string(),
  to: z.string(),
  relation: Relation,
  source: EdgeSource,
  /** the collection document whose text states it (none for the known-documents table) */
  statedIn: z.string().nullable(),
});
/** An edge of the citation graph. */
export type GraphEdge = z.infer<typeof GraphEdge>;

/** A graph line per edge. */
export const GraphEdgeLine = GraphEdge.extend({ t: z.literal("edge") });

/** A node that is not a collection document: a cited document known by its key, with a label. */
export const GraphReferenceLine = z.object({ t: z.literal("ref"), key: z.string(), label: z.string() });

/** One document cited with different dates: each occurrence gets status `conflict` and this explains it. */
export const ConflictDiagnostic = z.object({
  key: z.string(),
  message: z.string(),
  occurrences: z.array(z.object({ id: z.string(), citation: z.number().int().nonnegative(), date: z.string() })),
});
/** One document cited with different dates. */
export type ConflictDiagnostic = z.infer<typeof ConflictDiagnostic>;

/** A graph line per conflict. */
export const GraphConflictLine = ConflictDiagnostic.extend({ t: z.literal("conflict") });

/** The envelope of a record in a chunk: the record and, per citation, the sentence it stands in. */
export const StoredDocument = z.object({
  record: z.unknown(),
  sentences: z.array(z.string()),
});

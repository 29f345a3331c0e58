// What the knowledge base's queries return, as zod schemas: `vanban cites --json` prints these
// objects, so their shape is a contract like the record's.
import { z } from "zod";
import { Citation, Span } from "../model/record.js";
import { DocumentSummary } from "../model/document-summary.js";

export { DocumentSummary };
import { CitationStatus, Relation, type CatalogEntry } from "./store-format.js";

/** A citation in a citing document, with the sentence it stands in and where it leads. */
export const CitingSpan = z.object({
  /** its index in the document's `citations` */
  index: z.number().int().nonnegative(),
  raw: z.string(),
  span: Span,
  context: Citation.shape.context,
  sentence: z.string(),
  key: z.string().nullable(),
  status: CitationStatus,
  target: z.string().nullable(),
});
/** A citation in a citing document. */
export type CitingSpan = z.infer<typeof CitingSpan>;

/** One step of a chain from a citing document to the document asked for. */
export const ChainLink = z.object({
  /** the graph node: a record id for a collection document, a canonical key for another */
  node: z.string(),
  /** the record id when the collection holds this document */
  id: z.string().nullable(),
  key: z.string().nullable(),
  label: z.string(),
  /** how the previous link relates to this one (null for the first) */
  relation: Relation.nullable(),
});
/** One step of a chain. */
export type ChainLink = z.infer<typeof ChainLink>;


/** The list fields of a catalog entry: the one place a document's summary is made. */
export function summarizeEntry(entry: CatalogEntry): DocumentSummary {
  return { id: entry.id, path: entry.path, title: entry.title, docType: entry.docType, number: entry.number, date: entry.date?.iso ?? null, issuer: entry.issuer?.name ?? null };
}

/** A document that cites the one asked for, directly or through others. */
export const CitingDocument = DocumentSummary.extend({
  /** true when the document itself cites it; false when it does through others (see `chain`) */
  direct: z.boolean(),
  /** the citations that cite it (direct), or that cite the chain's second link */
  citations: z.array(CitingSpan),
  /** for a document that cites it through others: this document, the documents between, and the one asked for */
  chain: z.array(ChainLink).nullable(),
});
/** A document that cites the one asked for. */
export type CitingDocument = z.infer<typeof CitingDocument>;

/** One citation of a document with its status in the collection. */
export const DocumentReference = z.object({
  citation: Citation,
  /** its index in the document's `citations` */
  index: z.number().int().nonnegative(),
  status: CitationStatus,
  /** the collection documents it may be (ambiguous) or disagrees with (conflict) */
  candidates: z.array(z.string()),
  /** why it is ambiguous, in conflict or not found */
  note: z.string().nullable(),
  sentence: z.string(),
  label: z.string(),
  /** the collection document it resolves to */
  resolvedTo: DocumentSummary.nullable(),
});
/** One citation of a document with its status. */
export type DocumentReference = z.infer<typeof DocumentReference>;

/** A node of the citation graph: a collection document or a document it cites. */
export const GraphNode = z.object({
  id: z.string(),
  kind: z.enum(["document", "reference"]),
  label: z.string(),
  key: z.string().nullable(),
  /** collection documents only */
  path: z.string().nullable(),
  title: z.string().nullable(),
});
/** A node of the citation graph. */
export type GraphNode = z.infer<typeof GraphNode>;

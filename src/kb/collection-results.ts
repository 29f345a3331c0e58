// What the collection's list, facet, statistics, timeline and document questions answer, as zod
// schemas (as query-results.ts does for cites and refs): `vanban list --json` and `vanban serve`'s
// JSON API send these objects, and a PostgreSQL store must answer the same shapes.
import { z } from "zod";
import { DocumentRecord } from "../model/record.js";
import { DocumentSummary } from "./query-results.js";
import { LEVELS } from "./document-place.js";

/** A level of the administration: trung ương, tỉnh, huyện, xã. */
export const LevelSchema = z.enum(LEVELS);

/** A document as lists show it: its summary, and where it stands (see document-place.ts). */
export const ListedDocument = DocumentSummary.extend({
  system: z.enum(["state", "party"]).nullable(),
  /** the header's place line as written */
  place: z.string().nullable(),
  /** today's province (one of the 34 of Nghị quyết 202/2025/QH15) */
  province: z.string().nullable(),
  /** the former province the header names, when it was merged into `province` in 2025 */
  formerProvince: z.string().nullable(),
  level: LevelSchema.nullable(),
});
/** A document as lists show it. */
export type ListedDocument = z.infer<typeof ListedDocument>;

/** One value of a facet and how many documents have it. */
export const FacetCount = z.object({ value: z.string(), count: z.number().int().positive() });
/** One value of a facet and its count. */
export type FacetCount = z.infer<typeof FacetCount>;

/**
 * The counts of each value of each facet over a set of documents, most frequent first (ties by
 * value); documents without a value are not counted in that facet. `type` counts type names,
 * `year` the year of the date, `system` `state` and `party`.
 */
export const Facets = z.object({
  /** how many documents were counted */
  total: z.number().int().nonnegative(),
  type: z.array(FacetCount),
  issuer: z.array(FacetCount),
  level: z.array(FacetCount),
  province: z.array(FacetCount),
  year: z.array(FacetCount),
  system: z.array(FacetCount),
});
/** Facet counts over a set of documents. */
export type Facets = z.infer<typeof Facets>;

/** A document cited by others, with how many collection documents cite it. */
export const CitedCount = z.object({
  /** the graph node: a record id for a collection document, a canonical key for another */
  node: z.string(),
  /** the record id when the collection holds it */
  id: z.string().nullable(),
  label: z.string(),
  /** collection documents (other than itself) with at least one edge to it */
  citedBy: z.number().int().positive(),
});
/** A cited document and its count. */
export type CitedCount = z.infer<typeof CitedCount>;

/** One period of a timeline: how many citing documents are dated in it, in all and per series. */
export const TimelineBin = z.object({
  /** `2024` or `2024-06` */
  period: z.string(),
  total: z.number().int().nonnegative(),
  /** per series value (a province, a level; `—` for documents without one) */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
/** One period of a timeline. */
export type TimelineBin = z.infer<typeof TimelineBin>;

/** When the documents that cite a document were issued, by month or year, optionally split. */
export const Timeline = z.object({
  /** what the reference was read as */
  target: z.string(),
  by: z.enum(["year", "month"]),
  split: z.enum(["province", "level"]).nullable(),
  /** the series values: levels from trung ương down to xã, provinces most documents first (one series, `all`, when not split) */
  series: z.array(z.string()),
  /** every period from the first to the last dated citing document, empty ones included */
  bins: z.array(TimelineBin),
  /** citing documents without a date, which no period holds */
  undated: z.number().int().nonnegative(),
});
/** A timeline of the documents citing one document. */
export type Timeline = z.infer<typeof Timeline>;

/** A collection document whole: its list fields and its record (with its citations resolved). */
export const DocumentAnswer = z.object({
  document: ListedDocument,
  record: DocumentRecord,
});
/** A collection document whole. */
export type DocumentAnswer = z.infer<typeof DocumentAnswer>;

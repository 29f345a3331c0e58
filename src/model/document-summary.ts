// The one summary of a document that lists show (a collection's list, cites, search results): its
// identity and header fields. The knowledge base makes it from a catalog entry, the search index
// keeps it (with what its filters need) for every document, lists extend it with where the
// document stands; all of them start from this shape.
import { z } from "zod";
import { DocType } from "./record.js";

/** The fields of a collection document that lists show. */
export const DocumentSummary = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  docType: DocType.nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});
/** The fields of a collection document that lists show. */
export type DocumentSummary = z.infer<typeof DocumentSummary>;

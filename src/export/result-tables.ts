// The answers of the collection as tables, one column per field, for CSV and spreadsheet export:
// the same columns from `vanban … --format csv` and from the web page's export.
import type { CitesAnswer } from "../kb/collection.js";
import type { ListedDocument } from "../kb/collection-results.js";
import type { DocumentReference, DocumentSummary } from "../kb/query-results.js";
import type { SearchResult } from "../search/search.js";
import type { Cell, Table } from "./write-csv.js";

const SUMMARY_COLUMNS = ["id", "type", "number", "date", "issuer", "title", "path"] as const;

function summaryCells(d: DocumentSummary): Cell[] {
  return [d.id, d.docType?.name ?? null, d.number, d.date, d.issuer, d.title, d.path];
}

/** A list of documents: their summaries and where they stand. */
export function listTable(documents: readonly ListedDocument[]): Table {
  return {
    columns: [...SUMMARY_COLUMNS, "place", "province", "former_province", "level", "system"],
    rows: documents.map((d) => [...summaryCells(d), d.place, d.province, d.formerProvince, d.level, d.system]),
  };
}

/** Search results in rank order, with the passage that matched. */
export function searchTable(results: readonly SearchResult[]): Table {
  return {
    columns: ["rank", "score", ...SUMMARY_COLUMNS, "passage"],
    rows: results.map((r, i) => [i + 1, Math.round(r.score * 1000) / 1000, r.id, r.docType?.name ?? null, r.number, r.date, r.issuer, r.title, r.path, r.snippet.text.replace(/\s+/g, " ").trim()]),
  };
}

/** The documents citing a reference: one row per citing document and document cited, with the first citing sentence and the chain. */
export function citesTable(answer: CitesAnswer): Table {
  return {
    columns: ["cited", ...SUMMARY_COLUMNS, "direct", "via", "context", "sentence"],
    rows: answer.groups.flatMap((g) =>
      g.documents.map((d) => [
        g.label,
        ...summaryCells(d),
        d.direct,
        d.chain ? d.chain.slice(1).map((l) => `${l.relation === "cites" || l.relation === null ? "" : `${l.relation} `}${l.label}`).join(" → ") : null,
        d.citations[0]?.context ?? null,
        d.citations[0]?.sentence.replace(/\s+/g, " ").trim() ?? null,
      ]),
    ),
  };
}

/** What a document cites: one row per citation with its status and where it leads. */
export function refsTable(references: readonly DocumentReference[]): Table {
  return {
    columns: ["index", "status", "context", "cited", "raw", "resolved_id", "resolved_path", "candidates", "note", "sentence"],
    rows: references.map((r) => [r.index, r.status, r.citation.context, r.label, r.citation.raw.replace(/\s+/g, " "), r.resolvedTo?.id ?? null, r.resolvedTo?.path ?? null, r.candidates.join(" ") || null, r.note, r.sentence.replace(/\s+/g, " ").trim()]),
  };
}

// The list-filter columns of a PostgreSQL document row: where the document stands (province,
// former province, level: document-place.ts, the embedded store's function) and the folded forms
// the list filters compare (type code and name, issuer words, place key). Computed in JavaScript
// once per document — when it is indexed, or by migration 2 for the rows of a database indexed
// before — so that `list`, `facets` and `stats` filter and group in SQL with the embedded
// store's exact rules, which no SQL function could reproduce (provinces merged in 2025, levels
// read from a body's name).
import type pg from "pg";
import { documentPlace } from "../kb/document-place.js";
import { foldedWords } from "../kb/list-documents.js";
import type { CatalogEntry } from "../kb/store-format.js";
import { foldText } from "../../grammars/text/fold.js";
import { placeKey } from "../text/provinces.js";

/** What the list columns are computed from: the header fields a catalog entry has. */
export interface ListSource {
  issuer: CatalogEntry["issuer"];
  place: string | null;
  system: "state" | "party" | null;
  docTypeCode: string | null;
  docTypeName: string | null;
}

/** The list columns of one document, in the order `LIST_COLUMN_NAMES` names them. */
export interface ListColumns {
  province: string | null;
  formerProvince: string | null;
  level: string | null;
  placeKey: string | null;
  /** the issuer's folded words (empty without an issuer) */
  issuerWords: string[];
  typeCode: string | null;
  typeName: string | null;
}

/** The columns of vanban_documents `listColumnsOf` fills. */
export const LIST_COLUMN_NAMES = ["province", "former_province", "level", "place_key", "issuer_words", "type_code_folded", "type_name_folded"] as const;

/** The list columns of a document. */
export function listColumnsOf(source: ListSource): ListColumns {
  const place = documentPlace({ issuer: source.issuer, place: source.place, system: source.system });
  const hasType = source.docTypeCode !== null && source.docTypeName !== null;
  return {
    province: place.province,
    formerProvince: place.formerProvince,
    level: place.level,
    placeKey: source.place !== null ? placeKey(source.place) : null,
    issuerWords: foldedWords(source.issuer?.name ?? ""),
    typeCode: hasType ? foldText(source.docTypeCode!) : null,
    typeName: hasType ? foldText(source.docTypeName!) : null,
  };
}

/** A text[] literal of plain words (folded letters and digits: nothing to escape but in quotes). */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => JSON.stringify(v)).join(",")}}`;
}

const ROWS_PER_UPDATE = 2_000;

/**
 * Fills the list columns of every row that lacks them (`listed` false: rows written before
 * migration 2), a batch of rows per statement, on the caller's transaction.
 */
export async function fillListColumns(client: pg.ClientBase): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await client.query<{ sha256: string; issuer: CatalogEntry["issuer"]; place: string | null; system: "state" | "party" | null; doc_type_code: string | null; doc_type_name: string | null }>(
      "SELECT sha256, issuer, place, system, doc_type_code, doc_type_name FROM vanban_documents WHERE NOT listed LIMIT $1",
      [ROWS_PER_UPDATE],
    );
    if (rows.rows.length === 0) return filled;
    const columns: unknown[][] = Array.from({ length: 8 }, () => []);
    for (const r of rows.rows) {
      const c = listColumnsOf({ issuer: r.issuer, place: r.place, system: r.system, docTypeCode: r.doc_type_code, docTypeName: r.doc_type_name });
      [r.sha256, c.province, c.formerProvince, c.level, c.placeKey, textArrayLiteral(c.issuerWords), c.typeCode, c.typeName].forEach((v, i) => columns[i]!.push(v));
    }
    await client.query(
      `UPDATE vanban_documents d SET province = u.province, former_province = u.former_province, level = u.level, place_key = u.place_key,
         issuer_words = u.issuer_words::text[], type_code_folded = u.type_code_folded, type_name_folded = u.type_name_folded, listed = true
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(sha256, province, former_province, level, place_key, issuer_words, type_code_folded, type_name_folded)
       WHERE d.sha256 = u.sha256`,
      columns,
    );
    filled += rows.rows.length;
  }
}

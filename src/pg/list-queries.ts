// The workbench's questions in SQL: the list filters (ListFilters) as a WHERE clause on the list
// columns (list-columns.ts), the listed documents, facet and statistics counts by GROUP BY, and
// the most cited documents. The filters are read as compileListFilter (list-documents.ts) reads
// them — the same folded comparisons, the same errors for an unknown province or level — so the
// answers are the embedded store's. Counts are ordered as count-facets.ts orders them: count
// descending, then value by code point (COLLATE "C" compares UTF-8 bytes, which is that order).
// No recursive CTE and no join between tables distributed on different columns, so that Citus
// runs every statement.
import type pg from "pg";
import { ListFilterError, foldedWords, readLevel } from "../kb/list-documents.js";
import type { CitedCount, FacetCount, Facets, ListedDocument } from "../kb/collection-results.js";
import type { ListFilters } from "../kb/collection.js";
import type { Level } from "../kb/document-place.js";
import { foldText } from "../../grammars/text/fold.js";
import { placeKey, provinceOf } from "../text/provinces.js";
import { DOCUMENT_COLUMNS, nodeLabels, summaryOf, type DocumentRow } from "./citation-queries.js";

/** The columns a listed document is made of. */
export const LISTED_COLUMNS = `${DOCUMENT_COLUMNS}, d.system, d.place, d.province, d.former_province, d.level`;

/** A document row with the listed columns. */
export interface ListedRow extends DocumentRow {
  system: "state" | "party" | null;
  place: string | null;
  province: string | null;
  former_province: string | null;
  level: Level | null;
}

/** A listed document from its row. */
export function listedOf(row: ListedRow): ListedDocument {
  return { ...summaryOf(row), system: row.system, place: row.place, province: row.province, formerProvince: row.former_province, level: row.level };
}

/** A WHERE condition (always one, `true` for no filter) and its parameters, numbered from 1. */
export interface SqlFilter {
  where: string;
  params: unknown[];
}

/**
 * The list filters as SQL on `vanban_documents d`; `citing` is the ids of the documents that cite
 * `filters.cites` (the caller reads them from the citations), null to ask for no such filter.
 * Throws `ListFilterError` for a province or level that is none (as the embedded store does).
 */
export function sqlListFilter(filters: Omit<ListFilters, "cites">, citing: readonly string[] | null = null, params: unknown[] = []): SqlFilter {
  const where: string[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (filters.type !== undefined) {
    const type = p(foldText(filters.type.trim()));
    where.push(`(d.type_code_folded = ${type} OR d.type_name_folded = ${type})`);
  }
  if (filters.issuer !== undefined) where.push(`d.issuer_words @> ${p(foldedWords(filters.issuer))}::text[]`);
  const inProvince = (match: NonNullable<ReturnType<typeof provinceOf>>) => (match.former ? `d.former_province = ${p(match.former)}` : `d.province = ${p(match.province)}`);
  if (filters.place !== undefined) {
    const province = provinceOf(filters.place);
    where.push(`(d.place_key = ${p(placeKey(filters.place))}${province ? ` OR ${inProvince(province)}` : ""})`);
  }
  if (filters.province !== undefined) {
    const province = provinceOf(filters.province);
    if (!province) throw new ListFilterError(`'${filters.province}' is not one of the 63 former or 34 current provinces`);
    where.push(inProvince(province));
  }
  if (filters.level !== undefined) where.push(`d.level = ${p(readLevel(filters.level))}`);
  if (filters.system !== undefined) where.push(`d.system = ${p(filters.system)}`);
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    // The year of the date as the embedded store reads it (its first four characters).
    where.push("d.date_iso ~ '^[0-9]{4}'");
    if (filters.yearFrom !== undefined) where.push(`substr(d.date_iso, 1, 4)::int >= ${p(filters.yearFrom)}`);
    if (filters.yearTo !== undefined) where.push(`substr(d.date_iso, 1, 4)::int <= ${p(filters.yearTo)}`);
  }
  if (citing !== null) where.push(`d.id = ANY(${p(citing)}::text[])`);
  return { where: where.length > 0 ? where.join(" AND ") : "true", params };
}

/** The documents passing a filter, sorted by path. */
export async function listedDocuments(client: pg.ClientBase, filter: SqlFilter): Promise<ListedDocument[]> {
  const rows = await client.query<ListedRow>(`SELECT ${LISTED_COLUMNS} FROM vanban_documents d WHERE ${filter.where} ORDER BY d.first_path COLLATE "C"`, filter.params);
  return rows.rows.map(listedOf);
}

// The value each facet counts, as count-facets.ts reads it from a listed document.
const FACET_VALUES = {
  type: "CASE WHEN d.doc_type_code IS NOT NULL THEN d.doc_type_name END",
  issuer: "d.issuer_name",
  level: "d.level",
  province: "d.province",
  year: "substr(d.date_iso, 1, 4)",
  system: "d.system",
} as const;

type FacetName = keyof typeof FACET_VALUES;

/** Counts of each value of the facets named, over the documents passing `filter`, most first (ties by value). */
export async function countFacetsSql<F extends FacetName>(client: pg.ClientBase, filter: SqlFilter, facets: readonly F[]): Promise<Record<F, FacetCount[]> & { total: number }> {
  const parts = facets.map(
    (facet) => `SELECT '${facet}' AS facet, ${FACET_VALUES[facet]} AS value, count(*) AS n FROM vanban_documents d WHERE ${filter.where} AND ${FACET_VALUES[facet]} IS NOT NULL GROUP BY 2`,
  );
  const total = `SELECT 'total' AS facet, NULL AS value, count(*) AS n FROM vanban_documents d WHERE ${filter.where}`;
  const rows = await client.query<{ facet: F | "total"; value: string | null; n: string }>(
    `SELECT facet, value, n FROM (${[total, ...parts].join(" UNION ALL ")}) counts ORDER BY facet, n DESC, value COLLATE "C"`,
    filter.params,
  );
  const out = { total: 0 } as Record<F, FacetCount[]> & { total: number };
  for (const facet of facets) out[facet] = [] as FacetCount[] as (Record<F, FacetCount[]> & { total: number })[F];
  for (const r of rows.rows) {
    if (r.facet === "total") out.total = Number(r.n);
    else (out[r.facet] as FacetCount[]).push({ value: r.value!, count: Number(r.n) });
  }
  return out;
}

/** The facet counts over the documents passing `filter`. */
export async function facetsSql(client: pg.ClientBase, filter: SqlFilter): Promise<Facets> {
  const counts = await countFacetsSql(client, filter, ["type", "issuer", "level", "province", "year", "system"]);
  return { total: counts.total, type: counts.type, issuer: counts.issuer, level: counts.level, province: counts.province, year: counts.year, system: counts.system };
}

/**
 * The `limit` documents cited by the most collection documents (other than themselves), most first,
 * ties by label as most-cited.ts orders them. The counts are grouped in SQL (on the edges'
 * distribution column); the labels are read for the nodes that can make the cut, ties at the cut
 * included, and ordered here, since ties go by label with the embedded store's comparison.
 */
export async function mostCitedSql(client: pg.ClientBase, limit = 20): Promise<CitedCount[]> {
  const counts = await client.query<{ node: string; n: string }>(
    `SELECT e.to_node AS node, count(DISTINCT e.from_node) AS n FROM vanban_edges e
     WHERE e.from_node <> e.to_node AND e.from_node IN (SELECT id FROM vanban_documents WHERE id IS NOT NULL)
     GROUP BY e.to_node ORDER BY n DESC`,
  );
  if (counts.rows.length === 0) return [];
  const cut = Number(counts.rows[Math.min(limit, counts.rows.length) - 1]!.n);
  const kept = counts.rows.filter((r) => Number(r.n) >= cut);
  const labels = await nodeLabels(client, kept.map((r) => r.node));
  return kept
    .map((r) => {
      const l = labels.get(r.node)!;
      return { node: r.node, id: l.id, label: l.label, citedBy: Number(r.n) };
    })
    .sort((a, b) => b.citedBy - a.citedBy || a.label.localeCompare(b.label))
    .slice(0, limit);
}

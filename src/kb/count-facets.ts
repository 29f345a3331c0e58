// Facet counts over a set of listed documents: how many have each type, issuer, level, province,
// year and system. One pass; the counts sorted most first, ties by value, so that two runs (and a
// PostgreSQL store's GROUP BY … ORDER BY count DESC, value) give the same order.
import type { FacetCount, Facets, ListedDocument } from "./collection-results.js";

/** Counts of the values `valueOf` gives, most first; null values are not counted. */
export function countValues<T>(items: Iterable<T>, valueOf: (item: T) => string | null): FacetCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = valueOf(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The facet counts of `documents`. */
export function countFacets(documents: readonly ListedDocument[]): Facets {
  return {
    total: documents.length,
    type: countValues(documents, (d) => d.docType?.name ?? null),
    issuer: countValues(documents, (d) => d.issuer),
    level: countValues(documents, (d) => d.level),
    province: countValues(documents, (d) => d.province),
    year: countValues(documents, (d) => d.date?.slice(0, 4) ?? null),
    system: countValues(documents, (d) => d.system),
  };
}

// The embedded collection's lists: each catalog document with where it stands (province, level,
// system), and the list filters compiled into one test. A PostgreSQL store answers the same
// filters with the same semantics (see `ListFilters`), from columns computed at indexing.
import { foldText } from "../../grammars/text/fold.js";
import { placeKey, provinceOf } from "../text/provinces.js";
import { documentPlace, LEVELS, type Level } from "./document-place.js";
import { distinctDocuments } from "./document-identity.js";
import { summarizeEntry } from "./query-results.js";
import type { ListedDocument } from "./collection-results.js";
import type { ListFilters } from "./collection.js";
import type { CatalogEntry } from "./store-format.js";

/** A catalog entry as lists show it. */
export function listedDocument(entry: CatalogEntry): ListedDocument {
  const place = documentPlace({ issuer: entry.issuer, place: entry.place ?? null, system: entry.system });
  return { ...summarizeEntry(entry), system: entry.system, place: entry.place ?? null, province: place.province, formerProvince: place.formerProvince, level: place.level };
}

/** Every document of a catalog once (a content at several paths under its first), sorted by path. */
export function listCatalog(catalog: readonly CatalogEntry[]): ListedDocument[] {
  return distinctDocuments(catalog as CatalogEntry[]).map(listedDocument);
}

/** A filter value that is not one of its allowed values (`--level county`). */
export class ListFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListFilterError";
  }
}

/** The level a user wrote, with or without diacritics (`huyen` → `huyện`); throws `ListFilterError` for another word. */
export function readLevel(written: string): Level {
  const folded = foldText(written.trim());
  const level = LEVELS.find((l) => foldText(l) === folded);
  if (!level) throw new ListFilterError(`level is one of ${LEVELS.join(", ")}, not '${written}'`);
  return level;
}

/** The folded words of a text, as the issuer filter compares them (a PostgreSQL store stores them per document). */
export const foldedWords = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The filters as one test of a listed document; `citing` is the set of ids of the documents that
 * cite `filters.cites` (the caller reads it from the citation graph), required when it is set.
 */
export function compileListFilter(filters: Omit<ListFilters, "cites">, citing: ReadonlySet<string> | null = null): (doc: ListedDocument) => boolean {
  const type = filters.type === undefined ? null : foldText(filters.type.trim());
  const issuer = filters.issuer === undefined ? null : foldedWords(filters.issuer);
  const place = filters.place === undefined ? null : placeKey(filters.place);
  const placeProvince = filters.place === undefined ? null : provinceOf(filters.place);
  const province = filters.province === undefined ? null : provinceOf(filters.province);
  if (filters.province !== undefined && !province) throw new ListFilterError(`'${filters.province}' is not one of the 63 former or 34 current provinces`);
  const level = filters.level === undefined ? null : readLevel(filters.level);
  const inProvince = (doc: ListedDocument, p: NonNullable<typeof province>): boolean => (p.former ? doc.formerProvince === p.former : doc.province === p.province);
  return (doc) => {
    if (type !== null && (!doc.docType || (foldText(doc.docType.code) !== type && foldText(doc.docType.name) !== type))) return false;
    if (issuer !== null) {
      const name = new Set(foldedWords(doc.issuer ?? ""));
      if (!issuer.every((w) => name.has(w))) return false;
    }
    if (place !== null && !(doc.place !== null && placeKey(doc.place) === place) && !(placeProvince && inProvince(doc, placeProvince))) return false;
    if (province && !inProvince(doc, province)) return false;
    if (level !== null && doc.level !== level) return false;
    if (filters.system !== undefined && doc.system !== filters.system) return false;
    if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
      const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
      if (year === null || year < (filters.yearFrom ?? -Infinity) || year > (filters.yearTo ?? Infinity)) return false;
    }
    if (citing && !citing.has(doc.id)) return false;
    return true;
  };
}

// What a user types to ask for a document (`29-NQ/TW`, `29/NQ-TW`, `NQ 29`, `Nghị quyết 29`,
// `nghi quyet so 29/NQ-TW`, or a known name) read by the same reference grammar as documents, into
// a query that matches canonical keys (see canonical-key.ts).
import type { ReferenceDocType } from "../../grammars/vocabulary/reference-doc-types.js";
import { parseKey, unpaddedSeq, type ReferenceQuery } from "./canonical-key.js";
import { typesByCode, typesByName } from "../../grammars/vocabulary/doc-type-lookup.js";
import { locateReferences } from "./find-citations.js";
import { knownDocumentsNamed, matchKnownName } from "./known-documents.js";
import { readNumber } from "./read-number.js";
import { REFERENCE_DOC_TYPES } from "../../grammars/vocabulary/reference-doc-types.js";
import type { FoundReference } from "./reference-visitor.js";

const codesOf = (types: readonly ReferenceDocType[]): string[] | null => (types.length ? [...new Set(types.map((t) => t.code))] : null);

/** The types a code may stand for when no type word says which: a Party `QĐ` may be a Quy định. */
function typesForCode(code: string, party: boolean): string[] {
  const upper = code.toUpperCase();
  const also = REFERENCE_DOC_TYPES.filter((t) => (!t.party || party) && t.writtenAs?.some((c) => c.toUpperCase() === upper));
  return [...new Set([code, ...also.map((t) => t.code)])];
}

// The query of a known document: its key's parts.
function knownQuery(key: string): ReferenceQuery {
  const k = parseKey(key)!;
  return { types: [k.type], number: k.number, issuer: k.issuer, name: null, year: k.year, date: k.date };
}

// What a reference may stand for: one query, or for a name several documents bear (laws of one
// name over the years) the name itself first, then each of those documents.
function queriesOf(ref: FoundReference): ReferenceQuery[] {
  const query = queryOf(ref);
  if (!query || ref.kind !== "named" || query.name === null) return query ? [query] : [];
  const phrase = [ref.typeWord, ref.name, ref.term && `khóa ${ref.term}`].filter(Boolean).join(" ");
  const named = knownDocumentsNamed({ phrase, year: ref.year ?? (ref.date ? Number(ref.date.slice(0, 4)) : null), subject: ref.subject });
  return [query, ...named.map((d) => knownQuery(d.key))];
}

function queryOf(ref: FoundReference): ReferenceQuery | null {
  const wordTypes = ref.typeWord ? typesByName(ref.typeWord) : [];
  const dateYear = ref.date ? Number(ref.date.slice(0, 4)) : null;
  switch (ref.kind) {
    case "number": {
      const reading = readNumber(ref.seq ? { ...ref.number, seq: ref.seq } : ref.number, wordTypes);
      return {
        types: wordTypes.length ? [reading.type.code] : typesForCode(reading.type.code, reading.party),
        number: unpaddedSeq(reading.seq),
        issuer: reading.issuerCode ?? "",
        name: null,
        year: reading.year ?? dateYear ?? ref.year,
        date: ref.date,
      };
    }
    case "short": {
      const types = ref.codeWord ? typesByCode(ref.codeWord) : wordTypes;
      return { types: codesOf(types), number: unpaddedSeq(ref.seq), issuer: null, name: null, year: dateYear ?? ref.year, date: ref.date };
    }
    case "named": {
      if (!ref.name) return null;
      const year = ref.year ?? dateYear;
      const phrase = [ref.typeWord, ref.name, ref.term && `khóa ${ref.term}`].filter(Boolean).join(" ");
      const known = matchKnownName({ phrase, year, subject: ref.subject });
      if (known) return knownQuery(known.key);
      const name = [ref.name, ref.term && `khóa ${ref.term}`].filter(Boolean).join(" ");
      return { types: codesOf(wordTypes), number: null, issuer: null, name, year, date: null };
    }
    case "self":
      return null;
  }
}

/**
 * Reads a user's reference in any spelling into a query for keyMatches: type, number, issuer and
 * year as far as the text gives them (no year: any year), or null when it names no document.
 * @example
 * parseReferenceQuery("nghi quyet so 29/NQ-TW") // → { types: ["NQ"], number: "29", issuer: "TW", name: null, year: null, date: null }
 * parseReferenceQuery("NQ 29")                  // → { types: ["NQ"], number: "29", issuer: null, name: null, year: null, date: null }
 */
export function parseReferenceQuery(text: string): ReferenceQuery | null {
  return parseReferenceQueries(text)[0] ?? null;
}

/**
 * Every document a user's reference may stand for, as queries: one for a number; for a name
 * several documents bear (the 2015 and 2025 laws of one name), the name first, then each of them.
 * Empty when it names no document.
 * @example
 * parseReferenceQueries("Luật Tổ chức chính quyền địa phương").length // → 3: the name, 77/2015/QH13, 72/2025/QH15
 */
export function parseReferenceQueries(text: string): ReferenceQuery[] {
  // Users type terms in lower case (`khóa xi`); the grammar reads them as written in documents.
  const input = text.normalize("NFC").trim().replace(/(kh[oó][aá][ \t]+)([ivxl]+)(?![\p{L}])/giu, (_, k: string, r: string) => k + r.toUpperCase());
  if (!input) return [];
  const refs = locateReferences(input, [{ start: 0, end: input.length, context: "body" }]);
  const ranked = [...refs.filter((r) => r.kind === "number"), ...refs.filter((r) => r.kind !== "number")];
  for (const ref of ranked) {
    const queries = queriesOf(ref);
    if (queries.length > 0) return queries;
  }
  const bare = /^\s*(?:s[ốo]\s*:?\s*)?(\d{1,6}(?:\.\d{1,3})?)\s*$/iu.exec(input);
  return bare ? [{ types: null, number: unpaddedSeq(bare[1]!), issuer: null, name: null, year: null, date: null }] : [];
}

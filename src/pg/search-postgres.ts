// Full-text search in PostgreSQL with vanban's own analysis: the query is read by src/search's
// parser (the same tokens, folded terms, reading terms and identifier parts the documents were
// indexed under: search-terms.ts), turned into a tsquery of those exact lexemes, matched and
// ranked by PostgreSQL (RUM's `<=>` from the index, or ts_rank over GIN matches), and the
// candidates are finished as the embedded search finishes them: phrases verified on the stored
// text, words typed with diacritics and found so ranked first, snippets from src/search.
//
// The same documents as the embedded store: every word must match (a word typed with diacritics
// first in its own reading, then in any spelling when too few documents have it so; an unknown
// word of four letters or more as a prefix; an identifier whole, or by its parts when no document
// has it whole); when no document has every word, any of them. Not carried over: the embedded
// search's one-edit typo tolerance for unknown words of six letters or more, and its ranking
// refinements (readings of words typed without diacritics, words side by side), so that the order
// of results within one tier may differ: PostgreSQL's ranking is BM25-like, not BM25.
import type pg from "pg";
import { buildSnippet, type ItemOccurrences } from "../search/highlight.js";
import { segmentRange, type IndexedSummary } from "../search/index-document.js";
import { containsWord, findOccurrences, TextView } from "../search/match-text.js";
import { parseQuery, wordUnits, type ParsedQuery } from "../search/parse-query.js";
import { compileFilter } from "../search/search-filter.js";
import type { SearchOptions, SearchResult } from "../search/search.js";
import { readingTerm } from "../search/tone-key.js";
import type { SearchIndexKind } from "./pg-schema.js";
import { quoteLexeme } from "./search-terms.js";

const DEFAULT_LIMIT = 20;
const RERANK_MIN_DEPTH = 30;
const PREFIX_MIN_LENGTH = 4;
const LETTERS_ONLY = /^[^\d/]+$/;

interface Clause {
  term: string;
  prefix: boolean;
}

interface Row {
  sha256: string;
  id: string;
  first_path: string;
  doc_type_code: string | null;
  doc_type_name: string | null;
  number: string | null;
  date_iso: string | null;
  issuer_name: string | null;
  title: string | null;
  system: "state" | "party" | null;
  place: string | null;
  year: number | null;
  cited_keys: string[];
  search_text: string;
  segment_ends: number[];
  rank: number;
}

function summaryOf(row: Row): IndexedSummary {
  return {
    id: row.id,
    path: row.first_path,
    sha256: row.sha256,
    docType: row.doc_type_code !== null && row.doc_type_name !== null ? { code: row.doc_type_code, name: row.doc_type_name } : null,
    number: row.number,
    date: row.date_iso,
    issuer: row.issuer_name,
    title: row.title,
    system: row.system,
    place: row.place,
    year: row.year,
    cites: row.cited_keys,
  };
}

const lexeme = (c: Clause) => `${quoteLexeme(c.term)}${c.prefix ? ":*" : ""}`;

/** Whether any document holds a term, or (prefix) a term starting so. */
async function holds(client: pg.ClientBase, term: string, prefix: boolean): Promise<boolean> {
  const r = await client.query("SELECT 1 FROM vanban_documents WHERE terms @@ $1::tsquery LIMIT 1", [lexeme({ term, prefix })]);
  return r.rows.length > 0;
}

/** The clauses of a query: per word, its alternatives (one must match); `exact` takes words typed with diacritics in their own reading. */
async function planQuery(client: pg.ClientBase, parsed: ParsedQuery, exact: boolean): Promise<{ clauses: Clause[][]; byParts: boolean[] }> {
  const clauses: Clause[][] = [];
  const byParts: boolean[] = [];
  for (const word of parsed.words) {
    const token = word.token;
    if (token.kind === "identifier") {
      const parts = token.parts ?? [];
      if (word.quoted || !parts.some((p) => LETTERS_ONLY.test(p)) || (await holds(client, token.term, true))) {
        clauses.push([{ term: token.term, prefix: !word.quoted }]);
        byParts.push(false);
      } else {
        for (const part of new Set(parts)) clauses.push([{ term: part, prefix: false }]);
        byParts.push(true);
      }
      continue;
    }
    byParts.push(false);
    const term = token.term;
    if (exact && word.toneKey !== null && word.toneKey !== term) {
      clauses.push([{ term: readingTerm(term, word.toneKey), prefix: false }]);
      continue;
    }
    const tolerant = !word.quoted && token.kind === "word" && LETTERS_ONLY.test(term) && term.length >= PREFIX_MIN_LENGTH && !(await holds(client, term, false));
    clauses.push([{ term, prefix: tolerant }]);
  }
  const seen = new Set(clauses.flat().map((c) => c.term));
  for (const phrase of parsed.phrases) {
    for (const unit of phrase.units) {
      if (seen.has(unit.term)) continue;
      seen.add(unit.term);
      clauses.push([{ term: unit.term, prefix: false }]);
    }
  }
  return { clauses, byParts };
}

function tsquery(clauses: readonly Clause[][], combine: "and" | "or"): string {
  return clauses.map((alternatives) => `(${alternatives.map(lexeme).join(" | ")})`).join(combine === "and" ? " & " : " | ");
}

interface Candidate {
  row: Row;
  view: TextView;
  tier: number;
  foldedWords: string[];
}

// The documents matching `query` that pass the filters, best ranked first, phrases verified,
// until `depth` are found or the matches run out.
async function collect(client: pg.ClientBase, kind: SearchIndexKind, query: string, parsed: ParsedQuery, options: SearchOptions, depth: number): Promise<Candidate[]> {
  const filter = compileFilter(options);
  const order = kind === "rum" ? "terms <=> q ASC" : "ts_rank(terms, q) DESC";
  const rank = kind === "rum" ? "-(terms <=> q)" : "ts_rank(terms, q)";
  // What SQL can narrow cheaply; the exact filters (folded type, issuer words, citation keys) are
  // src/search's, applied below.
  const where: string[] = ["terms @@ q"];
  const params: unknown[] = [query];
  if (options.yearFrom !== undefined) where.push(`year >= $${params.push(options.yearFrom)}`);
  if (options.yearTo !== undefined) where.push(`year <= $${params.push(options.yearTo)}`);
  if (options.system !== undefined) where.push(`system = $${params.push(options.system)}`);
  if (options.cites !== undefined) where.push(`$${params.push(options.cites)} = ANY(cited_keys)`);
  // Ranked ids and summaries first, a page at a time; the stored texts (13 KB a document) only of
  // the rows that pass the filters, and only as many as are needed.
  const candidates: Candidate[] = [];
  const page = Math.max(depth, 50);
  for (let offset = 0; candidates.length < depth; offset += page) {
    const rows = await client.query<Omit<Row, "search_text" | "segment_ends">>(
      `SELECT sha256, id, first_path, doc_type_code, doc_type_name, number, date_iso, issuer_name, title, system, place, year, cited_keys, ${rank} AS rank
       FROM vanban_documents, CAST($1 AS tsquery) AS q
       WHERE ${where.join(" AND ")} ORDER BY ${order}, id COLLATE "C" LIMIT ${page} OFFSET ${offset}`,
      params,
    );
    const passing = rows.rows.filter((row) => !filter || filter.test(summaryOf({ ...row, search_text: "", segment_ends: [] })));
    const wanted = parsed.phrases.length > 0 ? passing : passing.slice(0, depth - candidates.length);
    const texts = await client.query<{ sha256: string; search_text: string; segment_ends: number[] }>(
      "SELECT sha256, search_text, segment_ends FROM vanban_documents WHERE sha256 = ANY($1::text[])",
      [wanted.map((r) => r.sha256)],
    );
    const textOf = new Map(texts.rows.map((t) => [t.sha256, t]));
    for (const partial of wanted) {
      const stored = textOf.get(partial.sha256);
      if (!stored) continue;
      const row: Row = { ...partial, search_text: stored.search_text, segment_ends: stored.segment_ends };
      const view = new TextView(row.search_text);
      if (parsed.phrases.some((phrase) => findOccurrences(view, phrase.units).length === 0)) continue;
      candidates.push({ row, view, tier: 0, foldedWords: [] });
      if (candidates.length >= depth) break;
    }
    if (rows.rows.length < page) break;
  }
  return candidates;
}

// How many query items a candidate matches as typed (the embedded search's first ranking key).
function tierOf(candidate: Candidate, parsed: ParsedQuery, byParts: readonly boolean[]): number {
  let tier = 0;
  parsed.words.forEach((word, w) => {
    if (word.token.kind === "identifier") {
      if (!byParts[w]) tier++;
      return;
    }
    const occurrences = findOccurrences(candidate.view, [{ term: word.token.term, toneKey: null }], { untilExact: true });
    if (occurrences.length === 0) return;
    if (word.spellings === null || containsWord(candidate.view.text, word.spellings)) tier++;
    else candidate.foldedWords.push(word.text);
  });
  for (const phrase of parsed.phrases) if (findOccurrences(candidate.view, phrase.units).some((o) => o.exact)) tier++;
  return tier;
}

function snippetOf(candidate: Candidate, parsed: ParsedQuery) {
  const items: { item: number; units: ReturnType<typeof wordUnits> }[] = [];
  parsed.words.forEach((word, item) => items.push({ item, units: wordUnits(word) }));
  parsed.phrases.forEach((phrase, i) => items.push({ item: parsed.words.length + i, units: phrase.units }));
  const matches: ItemOccurrences[] = items.map(({ item, units }) => ({ item, occurrences: findOccurrences(candidate.view, units) }));
  const body = segmentRange(candidate.row.segment_ends, "body");
  const inBody = matches.some((m) => m.occurrences.some((o) => o.start >= body.start && o.end <= body.end));
  const anyMatch = matches.some((m) => m.occurrences.length > 0);
  const range = inBody ? body : anyMatch || body.start === body.end ? { start: 0, end: candidate.view.text.length } : body;
  return buildSnippet(candidate.view.text, matches, range);
}

function toResult(candidate: Candidate, score: number, relevance: number, snippet: SearchResult["snippet"]): SearchResult {
  const s = summaryOf(candidate.row);
  return { id: s.id, path: s.path, score, foldedWords: candidate.foldedWords, readings: [], relevance, docType: s.docType, number: s.number, date: s.date, issuer: s.issuer, title: s.title, system: s.system, place: s.place, year: s.year, snippet };
}

/**
 * Searches the database (see the file comment); an empty query lists the documents that pass the
 * filters, newest first.
 */
export async function searchPostgres(client: pg.ClientBase, kind: SearchIndexKind, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!(limit > 0)) return [];
  const parsed = parseQuery(query);
  if (query.trim() === "") return browse(client, options, limit);
  if (parsed.words.length === 0 && parsed.phrases.length === 0) return [];
  const depth = Math.max(RERANK_MIN_DEPTH, limit * 3);
  let plan = await planQuery(client, parsed, true);
  let candidates = await collect(client, kind, tsquery(plan.clauses, "and"), parsed, options, depth);
  if (candidates.length < depth && parsed.words.some((w) => w.toneKey !== null && w.toneKey !== w.token.term && w.token.kind !== "identifier")) {
    plan = await planQuery(client, parsed, false);
    candidates = await collect(client, kind, tsquery(plan.clauses, "and"), parsed, options, depth);
  }
  if (candidates.length === 0 && plan.clauses.length > 1 && parsed.phrases.length === 0) {
    candidates = await collect(client, kind, tsquery(plan.clauses, "or"), parsed, options, depth);
  }
  for (const c of candidates) c.tier = tierOf(c, parsed, plan.byParts);
  // Stable: within a tier, PostgreSQL's rank order.
  candidates.sort((a, b) => b.tier - a.tier);
  const top = Math.max(...candidates.map((c) => c.row.rank), 0) * (1 + 1e-9);
  return candidates.slice(0, limit).map((c) => toResult(c, c.tier + (top > 0 ? Math.max(0, c.row.rank) / top : 0) * 0.999, c.row.rank, snippetOf(c, parsed)));
}

async function browse(client: pg.ClientBase, options: SearchOptions, limit: number): Promise<SearchResult[]> {
  const filter = compileFilter(options);
  const rows = await client.query<Row>(
    `SELECT sha256, id, first_path, doc_type_code, doc_type_name, number, date_iso, issuer_name, title, system, place, year, cited_keys, search_text, segment_ends, 0 AS rank
     FROM vanban_documents ORDER BY coalesce(date_iso, '') COLLATE "C" DESC, id COLLATE "C" ${filter ? "" : `LIMIT ${Math.floor(limit)}`}`,
  );
  const out: SearchResult[] = [];
  for (const row of rows.rows) {
    if (filter && !filter.test(summaryOf(row))) continue;
    const view = new TextView(row.search_text);
    const body = segmentRange(row.segment_ends, "body");
    out.push(toResult({ row, view, tier: 0, foldedWords: [] }, 0, 0, buildSnippet(row.search_text, [], body.start === body.end ? { start: 0, end: row.search_text.length } : body)));
    if (out.length >= limit) break;
  }
  return out;
}

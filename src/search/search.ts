// Query execution: MiniSearch finds and scores candidates in every shard with corpus-wide
// statistics; quoted phrases are verified on the candidates' stored text (no syllable-pair index);
// the top candidates are re-ranked so that words typed with diacritics and found with the same
// diacritics (tone placement aside) come before folded-only, prefix or typo matches; snippets are
// cut from the best passage of the winners' bodies.
import type { Query, SearchOptions as MiniSearchOptions } from "minisearch";
import { segmentRange, INDEX_FIELDS, type DocumentSummary, type IndexField } from "./index-document.js";
import type { IndexShard } from "./index-shard.js";
import { corpusStatistics, vocabularyHas, withCorpusStatistics } from "./global-scoring.js";
import { buildSnippet, type ItemOccurrences, type Snippet } from "./highlight.js";
import { containsWord, findOccurrences, TextView, type Occurrence } from "./match-text.js";
import { parseQuery, wordUnits, type ParsedQuery, type QueryUnit, type QueryWord } from "./parse-query.js";
import { compileFilter, type SearchFilters } from "./search-filter.js";
import type { SearchIndex } from "./search-index.js";

/** Options of `search`: the filters and how many results to return. */
export interface SearchOptions extends SearchFilters {
  /** the most results to return (default 20) */
  limit?: number;
}

/** One ranked result. */
export interface SearchResult {
  id: string;
  path: string | null;
  /**
   * Rank score, decreasing down the list: the number of query words and phrases matched as typed
   * (with the same diacritics, whole words), plus the relevance scaled into [0, 1).
   */
  score: number;
  /** BM25 relevance with collection-wide statistics (comparable within one query only) */
  relevance: number;
  docType: { code: string; name: string } | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  system: "state" | "party" | null;
  place: string | null;
  year: number | null;
  /** the best-matching passage, from the body when it matches there */
  snippet: Snippet;
}

/** Field boosts: a hit in the title or the number counts most, the recipient list least. */
export const FIELD_BOOSTS: Readonly<Record<IndexField, number>> = {
  number: 6,
  title: 4,
  refs: 2,
  issuer: 2,
  signer: 1.5,
  bases: 1,
  body: 1,
  recipients: 0.5,
};

// Prefix and typo tolerance only for longer words (a Vietnamese syllable of two or three letters
// is a prefix of, or one edit away from, a large part of the vocabulary), and only for words the
// collection does not hold: otherwise `phuong` would also match the far more frequent `phong`
// and `thuong`, and those near misses would add up to outrank the documents with the word itself.
const PREFIX_MIN_LENGTH = 4;
const FUZZY_MIN_LENGTH = 6;
// How many top candidates are re-ranked against their text (and, for phrases, verified).
const RERANK_MIN_DEPTH = 50;
const DEFAULT_LIMIT = 20;

interface Candidate {
  shard: IndexShard;
  id: string;
  relevance: number;
  /** the index terms that matched (query terms, their prefix/typo expansions) */
  matched: string[];
  view?: TextView;
  /** per query phrase, its occurrences (set when the query has phrases) */
  phraseHits?: Occurrence[][];
  tier: number;
}

const LETTERS_ONLY = /^[^\d/]+$/;

function wordQuery(word: QueryWord, known: (term: string) => boolean): Query {
  const token = word.token;
  if (token.kind === "identifier") {
    const whole: Query = { queries: [token.term], prefix: !word.quoted };
    const parts = token.parts ?? [];
    // Identifiers with a letter code may be written differently from the index (`KH-UBND` of
    // `113/KH-UBND`): the parts, all required, are a weaker second way to match.
    if (word.quoted || !parts.some((part) => LETTERS_ONLY.test(part))) return whole;
    return { combineWith: "OR", queries: [whole, { combineWith: "AND", queries: [...parts], boostTerm: () => 0.5 }] };
  }
  const term = token.term;
  const tolerant = !word.quoted && token.kind === "word" && LETTERS_ONLY.test(term) && !known(term);
  return {
    queries: [term],
    prefix: tolerant && term.length >= PREFIX_MIN_LENGTH,
    fuzzy: tolerant && term.length >= FUZZY_MIN_LENGTH ? 1 : false,
  };
}

function buildQuery(parsed: ParsedQuery, combineWith: "AND" | "OR", known: (term: string) => boolean): Query {
  const queries: Query[] = parsed.words.map((word) => wordQuery(word, known));
  for (const phrase of parsed.phrases) {
    queries.push({ combineWith: "AND", queries: [...new Set(phrase.units.map((unit) => unit.term))] });
  }
  return { combineWith, queries };
}

function textView(candidate: Candidate): TextView {
  if (!candidate.view) {
    const text = candidate.shard.texts.get(candidate.id);
    if (text === undefined) throw new Error(`vanban search: the stored text of ${candidate.id} is missing`);
    candidate.view = new TextView(text);
  }
  return candidate.view;
}

function collect(
  index: SearchIndex,
  parsed: ParsedQuery,
  combineWith: "AND" | "OR",
  allowed: ((id: string) => boolean) | null,
  depth: number,
): Candidate[] {
  const shards = index.shards.filter((shard) => shard.size > 0);
  const minis = shards.map((shard) => shard.mini);
  const stats = corpusStatistics(minis, INDEX_FIELDS.length);
  const query = buildQuery(parsed, combineWith, (term) => vocabularyHas(minis, term));
  const options: MiniSearchOptions = {
    boost: FIELD_BOOSTS,
    // A zero boost makes MiniSearch skip a filtered-out document before allocating its result.
    ...(allowed ? { boostDocument: (id: unknown) => (allowed(id as string) ? 1 : 0) } : {}),
  };
  const candidates: Candidate[] = [];
  withCorpusStatistics(minis, stats, () => {
    for (const shard of shards) {
      let kept = 0;
      for (const result of shard.mini.search(query, options)) {
        if (kept >= depth) break;
        const candidate: Candidate = { shard, id: result.id as string, relevance: result.score, matched: result.terms, tier: 0 };
        if (parsed.phrases.length > 0) {
          const view = textView(candidate);
          const hits = parsed.phrases.map((phrase) => findOccurrences(view, phrase.units));
          if (hits.some((h) => h.length === 0)) continue;
          candidate.phraseHits = hits;
        }
        candidates.push(candidate);
        kept++;
      }
    }
  });
  candidates.sort(byRelevance);
  return candidates.slice(0, depth);
}

// Scores summed in a different order differ in the last bits; rounding keeps the order of equal
// documents independent of how the collection is sharded.
function rounded(score: number): number {
  return Number(score.toPrecision(12));
}

function byRelevance(a: Candidate, b: Candidate): number {
  return rounded(b.relevance) - rounded(a.relevance) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// How many query items the candidate matches as typed: words typed with diacritics found with the
// same tone key, other words and numbers found whole (not only through a prefix or a typo),
// identifiers found in their own spelling, phrases found with their diacritics.
function tierOf(candidate: Candidate, parsed: ParsedQuery): number {
  let tier = 0;
  const matched = new Set(candidate.matched);
  for (const word of parsed.words) {
    const term = word.token.term;
    if (word.token.kind === "identifier") {
      if (candidate.matched.some((m) => m === term || m.startsWith(`${term}/`))) tier++;
    } else if (word.toneKey === null) {
      if (matched.has(term)) tier++;
    } else if (matched.has(term) && containsWord(textView(candidate).text, word.spellings ?? [word.text])) {
      tier++;
    }
  }
  for (const hits of candidate.phraseHits ?? []) if (hits.some((o) => o.exact)) tier++;
  return tier;
}

// `13/4/2020` is also written `13 tháng 4 năm 2020` (indexed as the same term, see index-terms.ts).
function writtenDateUnits(word: QueryWord): QueryUnit[] | null {
  const parts = word.token.parts;
  if (!parts || parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [day, month, year] = parts as [string, string, string];
  return [day, "thang", month, "nam", year].map((term) => ({ term, toneKey: null }));
}

function snippetOf(candidate: Candidate, parsed: ParsedQuery, entrySegments: readonly number[]): Snippet {
  const view = textView(candidate);
  const items: { item: number; units: QueryUnit[] }[] = [];
  const queried = new Set<string>();
  parsed.words.forEach((word, item) => {
    const units = wordUnits(word);
    items.push({ item, units });
    const written = writtenDateUnits(word);
    if (written) items.push({ item, units: written });
    queried.add(word.token.term);
    for (const unit of units) queried.add(unit.term);
  });
  parsed.phrases.forEach((phrase, i) => {
    items.push({ item: parsed.words.length + i, units: phrase.units });
    for (const unit of phrase.units) queried.add(unit.term);
  });
  // Prefix and typo expansions that matched are highlighted too.
  let next = parsed.words.length + parsed.phrases.length;
  for (const term of candidate.matched) {
    if (!queried.has(term)) items.push({ item: next++, units: term.split("/").map((part) => ({ term: part, toneKey: null })) });
  }
  const matches: ItemOccurrences[] = items.map(({ item, units }) => ({ item, occurrences: findOccurrences(view, units) }));
  const body = segmentRange(entrySegments, "body");
  const inBody = matches.some((m) => m.occurrences.some((o) => o.start >= body.start && o.end <= body.end));
  const anyMatch = matches.some((m) => m.occurrences.length > 0);
  const whole = { start: 0, end: view.text.length };
  // The body's best passage; else wherever the match is (title, bases …); else the body's start.
  const range = inBody ? body : anyMatch || body.start === body.end ? whole : body;
  return buildSnippet(view.text, matches, range);
}

function toResult(summary: DocumentSummary, score: number, relevance: number, snippet: Snippet): SearchResult {
  return {
    id: summary.id,
    path: summary.path,
    score,
    relevance,
    docType: summary.docType,
    number: summary.number,
    date: summary.date,
    issuer: summary.issuer,
    title: summary.title,
    system: summary.system,
    place: summary.place,
    year: summary.year,
    snippet,
  };
}

// No words: list the documents that pass the filters, newest first.
function browse(index: SearchIndex, filter: ((summary: DocumentSummary) => boolean) | null, limit: number): SearchResult[] {
  const found: { shard: IndexShard; summary: DocumentSummary; segmentEnds: number[] }[] = [];
  for (const shard of index.shards) {
    for (const entry of shard.entries.values()) {
      if (!filter || filter(entry.summary)) found.push({ shard, summary: entry.summary, segmentEnds: entry.segmentEnds });
    }
  }
  found.sort((a, b) => {
    const da = a.summary.date ?? "";
    const db = b.summary.date ?? "";
    return da < db ? 1 : da > db ? -1 : a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
  });
  return found.slice(0, limit).map(({ shard, summary, segmentEnds }) => {
    const text = shard.texts.get(summary.id) ?? "";
    const body = segmentRange(segmentEnds, "body");
    return toResult(summary, 0, 0, buildSnippet(text, [], body.start === body.end ? { start: 0, end: text.length } : body));
  });
}

/**
 * Searches the index: words (with or without diacritics, either tone placement), "quoted
 * phrases", document numbers and dates in any spelling, narrowed by filters.
 * @example
 * search(index, '"giáo dục và đào tạo" 29/NQ-TW', { type: "KH", yearFrom: 2023, limit: 10 });
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!(limit > 0)) return [];
  const parsed = parseQuery(query);
  const filter = compileFilter(options);
  if (parsed.words.length === 0 && parsed.phrases.length === 0) return browse(index, filter, limit);

  const verdicts = new Map<string, boolean>();
  const allowed = filter
    ? (id: string): boolean => {
        let ok = verdicts.get(id);
        if (ok === undefined) {
          const summary = index.summary(id);
          ok = summary !== undefined && filter(summary);
          verdicts.set(id, ok);
        }
        return ok;
      }
    : null;

  const depth = Math.max(RERANK_MIN_DEPTH, limit * 3);
  let candidates = collect(index, parsed, "AND", allowed, depth);
  // Nothing has every word: rank what has some of them (phrases stay required).
  if (candidates.length === 0 && parsed.words.length + parsed.phrases.length > 1) {
    candidates = collect(index, parsed, "OR", allowed, depth);
  }
  for (const candidate of candidates) candidate.tier = tierOf(candidate, parsed);
  candidates.sort((a, b) => b.tier - a.tier || byRelevance(a, b));

  const top = Math.max(...candidates.map((c) => c.relevance), 0) * (1 + 1e-9);
  return candidates.slice(0, limit).map((candidate) => {
    const entry = candidate.shard.entries.get(candidate.id)!;
    const relevance = candidate.relevance;
    return toResult(entry.summary, candidate.tier + (top > 0 ? relevance / top : 0), relevance, snippetOf(candidate, parsed, entry.segmentEnds));
  });
}

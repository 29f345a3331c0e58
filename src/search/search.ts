// Answering a query: each word is first given the reading it is taken in (typed with diacritics:
// its own; without: the one the index shows it is most often meant as, see query-readings.ts);
// the executor scores candidates over the shards' MiniSearch postings with corpus-wide
// statistics, a word's reading and a number's document references weighing more than the folded
// term; quoted phrases are verified on the candidates' stored text (no syllable-pair index); the
// top candidates are re-ranked so that words typed with diacritics and found with the same
// diacritics (tone placement aside) come before folded-only, prefix or typo matches, then query
// words found side by side before scattered ones, then words found in the reading taken and
// numbers found in document references; snippets are cut from the best passage of the winners'
// bodies.
import { INDEX_FIELDS, segmentRange, type IndexedSummary, type IndexField } from "./index-document.js";
import type { IndexShard, ShardEntry } from "./index-shard.js";
import { compareHits, executeQuery, termsMatchedBy, type DerivedTerm, type Hit, type TermClause } from "./execute-query.js";
import { buildSnippet, type ItemOccurrences, type Snippet } from "./highlight.js";
import { containsWord, findOccurrences, TextView, type Occurrence } from "./match-text.js";
import { parseQuery, wordUnits, type ParsedQuery, type QueryUnit, type QueryWord } from "./parse-query.js";
import { chooseReadings, type Reading } from "./query-readings.js";
import { compileFilter, type CompiledFilter, type SearchFilters } from "./search-filter.js";
import type { SearchIndex } from "./search-index.js";
import { isReadingTerm, spellingOfToneKey } from "./tone-key.js";

/** Options of `search`: the filters and how many results to return. */
export interface SearchOptions extends SearchFilters {
  /** the most results to return (default 20) */
  limit?: number;
}

/** The reading a query word typed without diacritics was taken in. */
export interface WordReading {
  /** the word as typed */
  word: string;
  /** the reading, spelled with its diacritics (`hòa` for `hoa`) */
  reading: string;
}

/** One ranked result: the document's summary (without its content hash and citation keys), scored. */
export interface SearchResult extends Omit<IndexedSummary, "sha256" | "cites"> {
  /**
   * Rank score, decreasing down the list: the number of query words and phrases matched as typed
   * (with the same diacritics, whole words), plus a fraction in [0, 1) ordered by the number of
   * consecutive query words found side by side, then by the words found in the reading taken and
   * the numbers found in document references, then by relevance.
   */
  score: number;
  /** the query words typed with diacritics that this document holds only in another spelling: matched without diacritics */
  foldedWords: string[];
  /** for the query words typed without diacritics, the reading each was taken in (the same for every result) */
  readings: WordReading[];
  /** BM25 relevance with collection-wide statistics (comparable within one query only) */
  relevance: number;
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
// How many top candidates are re-ranked against their text (and, for phrases, verified): at least
// three times the results asked for; each costs reading and inflating its text (~40 µs).
const RERANK_MIN_DEPTH = 30;
const DEFAULT_LIMIT = 20;
// Phrase queries first take this many times the hits they need, to verify on the text.
const PHRASE_OVERSAMPLING = 4;
// Matching an identifier by its parts (`KH-UBND` of `113/KH-UBND`) counts for less.
const PARTS_BOOST = 0.5;
// A word found in the reading it is taken in scores this much more than its folded term alone.
const READING_WEIGHT = 2;
// A number found inside a document reference (`29` in `29-NQ/TW`), over a bare one (a day, a count).
const REFERENCE_WEIGHT = 1;
// How many document references a number is looked up in (`1` starts thousands of them).
const MAX_REFERENCES = 100;
// When too few of the re-ranked candidates hold adjacent query words, look this many times deeper once.
const ADJACENCY_DEEPENING = 4;

const LETTERS_ONLY = /^[^\d/]+$/;

/** How each query word became clauses. */
interface WordPlan {
  word: QueryWord;
  /** the clauses it added */
  clauses: number[];
  /** an identifier matched through its parts, not in its own spelling */
  byParts: boolean;
  /** the reading a word is taken in (null for a plain one, a number or an identifier) */
  reading: Reading | null;
  /** for a number: the document references in the index it stands first in (`29/nq/tw` for `29`) */
  references: string[];
}

// The document references (identifiers with letters) a number opens: `29` → `29/nq/tw`, `29/2019/nd/cp`, not the date `29/6/2024`.
// The first in alphabetical order when there are too many: the same whatever the shards hold
// them in (a radix tree in memory, a sorted dictionary on disk).
function referencesOf(shards: readonly IndexShard[], number: string): string[] {
  const found = new Set<string>();
  for (const shard of shards) {
    for (const term of shard.mini.termsWithPrefix(`${number}/`)) if (/[a-z]/.test(term)) found.add(term);
  }
  return [...found].sort().slice(0, MAX_REFERENCES);
}

interface QueryPlan {
  clauses: TermClause[];
  words: WordPlan[];
}

// The clauses of a query. `exact`: each word typed with diacritics is matched in its reading only
// (the documents that rank first); else in any spelling, its reading (typed, or taken for a word
// typed without diacritics) weighing more.
function planQuery(parsed: ParsedQuery, shards: readonly IndexShard[], readings: readonly (Reading | null)[], exact: boolean): QueryPlan {
  const clauses: TermClause[] = [];
  const known = (term: string) => shards.some((shard) => shard.mini.postings(term) !== undefined);
  const words = parsed.words.map((word, w): WordPlan => {
    const token = word.token;
    const first = clauses.length;
    let byParts = false;
    const reading = readings[w]?.plain === false ? readings[w]! : null;
    let references: string[] = [];
    if (token.kind === "identifier") {
      const parts = token.parts ?? [];
      // Found in its own spelling (or as the start of a longer number: `113/KH` of `113/KH-UBND`)?
      // Otherwise all of its parts, wherever they stand.
      if (word.quoted || shards.some((shard) => shard.mini.hasPrefix(token.term)) || !parts.some((p) => LETTERS_ONLY.test(p))) {
        clauses.push({ term: token.term, prefix: !word.quoted, fuzzy: 0, boost: 1 });
      } else {
        byParts = true;
        for (const part of new Set(parts)) clauses.push({ term: part, prefix: false, fuzzy: 0, boost: PARTS_BOOST });
      }
    } else {
      const term = token.term;
      const tolerant = !word.quoted && token.kind === "word" && LETTERS_ONLY.test(term) && !known(term);
      if (token.kind === "number" && /^\d+$/.test(term)) references = referencesOf(shards, term);
      const also = reading
        ? [{ term: reading.term, weight: READING_WEIGHT }]
        : references.map((reference) => ({ term: reference, weight: REFERENCE_WEIGHT }));
      if (exact && reading && word.toneKey !== null) clauses.push({ term: reading.term, prefix: false, fuzzy: 0, boost: 1 });
      else clauses.push({
        term,
        prefix: tolerant && term.length >= PREFIX_MIN_LENGTH,
        fuzzy: tolerant && term.length >= FUZZY_MIN_LENGTH ? 1 : 0,
        boost: 1,
        also,
      });
    }
    return { word, clauses: clauses.slice(first).map((_, i) => first + i), byParts, reading, references };
  });
  const seen = new Set(clauses.map((c) => c.term));
  for (const phrase of parsed.phrases) {
    for (const unit of phrase.units) {
      if (seen.has(unit.term)) continue;
      seen.add(unit.term);
      clauses.push({ term: unit.term, prefix: false, fuzzy: 0, boost: 1 });
    }
  }
  return { clauses, words };
}

interface Candidate {
  hit: Hit;
  shard: IndexShard;
  view?: TextView;
  /** per query phrase, its occurrences (set when the query has phrases) */
  phraseHits?: Occurrence[][];
  tier: number;
  /** how many pairs of consecutive query words stand next to each other in the text */
  adjacent: number;
  /** how many words it holds in the reading taken, and numbers in a document reference */
  agreement: number;
  /** the query words typed with diacritics it holds only in another spelling */
  foldedWords: string[];
}

function textView(candidate: Candidate): TextView {
  if (!candidate.view) {
    const text = candidate.shard.texts.get(candidate.hit.id);
    if (text === undefined) throw new Error(`vanban search: the stored text of ${candidate.hit.id} is missing`);
    candidate.view = new TextView(text);
  }
  return candidate.view;
}

function collect(
  shards: readonly IndexShard[],
  parsed: ParsedQuery,
  plan: QueryPlan,
  combine: "and" | "or",
  filter: CompiledFilter | null,
  depth: number,
  reranked?: ReadonlyMap<string, Candidate>,
): { candidates: Candidate[]; expansions: DerivedTerm[][]; exhausted: boolean } {
  const fieldBoosts = INDEX_FIELDS.map((field) => FIELD_BOOSTS[field]);
  const exclusions = new Map<number, Uint8Array>();
  const excluded = filter
    ? (s: number) => {
        let array = exclusions.get(s);
        if (!array) exclusions.set(s, (array = shards[s]!.columns.exclusions(filter, shards[s]!.mini.slotCount)));
        return array;
      }
    : null;
  // Phrases are checked on the text of candidates in score order until enough pass: first among
  // the best few times `depth` hits, and only when too few of those pass, among all of them.
  const phrases = parsed.phrases.length > 0;
  const run = (n: number) => executeQuery(shards.map((shard) => shard.mini), plan.clauses, { combine, fieldBoosts, excluded, depth: n });
  let execution = run(phrases ? depth * PHRASE_OVERSAMPLING : depth);
  const candidates: Candidate[] = [];
  const verify = (hits: readonly Hit[]): void => {
    for (const hit of hits) {
      if (candidates.length >= depth) return;
      const known = reranked?.get(hit.id);
      if (known) {
        candidates.push(known);
        continue;
      }
      const candidate: Candidate = { hit, shard: shards[hit.shard]!, tier: 0, adjacent: 0, agreement: 0, foldedWords: [] };
      if (phrases) {
        const view = textView(candidate);
        const found = parsed.phrases.map((phrase) => findOccurrences(view, phrase.units));
        if (found.some((h) => h.length === 0)) continue;
        candidate.phraseHits = found;
      }
      candidates.push(candidate);
    }
  };
  verify(execution.hits);
  if (phrases && candidates.length < depth && execution.hits.length === depth * PHRASE_OVERSAMPLING) {
    const checked = execution.hits.length;
    execution = run(Infinity);
    verify(execution.hits.slice(checked));
  }
  const expansions = execution.expansions;
  return { candidates, expansions, exhausted: execution.hits.length < (phrases ? depth * PHRASE_OVERSAMPLING : depth) };
}

// How many query items the candidate matches as typed: words typed with diacritics found with the
// same tone key, other words and numbers found whole (not only through a prefix or a typo),
// identifiers found in their own spelling, phrases found with their diacritics. Also notes the
// words typed with diacritics it matched only without them.
function tierOf(candidate: Candidate, plan: QueryPlan): number {
  let tier = 0;
  const { shard, hit } = candidate;
  for (const { word, byParts } of plan.words) {
    const token = word.token;
    if (token.kind === "identifier") {
      if (!byParts) tier++;
    } else if (holdsAny(shard, hit.doc, [token.term])) {
      if (word.spellings === null || containsWord(textView(candidate).text, word.spellings)) tier++;
      else candidate.foldedWords.push(word.text);
    }
  }
  for (const hits of candidate.phraseHits ?? []) if (hits.some((o) => o.exact)) tier++;
  return tier;
}

function holdsAny(shard: IndexShard, doc: number, terms: readonly string[]): boolean {
  for (const term of terms) if (shard.mini.postings(term)?.holds(doc)) return true;
  return false;
}

// How many words the candidate holds in the reading they were taken in (`hòa` for `hoa`), and
// numbers inside a document reference (`29` of `29-NQ/TW`, not of `ngày 29 tháng 6`).
function agreementOf(candidate: Candidate, plan: QueryPlan): number {
  let agreement = 0;
  for (const { reading, references } of plan.words) {
    if (reading && holdsAny(candidate.shard, candidate.hit.doc, [reading.term])) agreement++;
    else if (references.length > 0 && holdsAny(candidate.shard, candidate.hit.doc, references)) agreement++;
  }
  return agreement;
}

// Consecutive query words that stand next to each other in one phrase of a sentence (`Thanh Hóa`,
// `Minh Chính`; not `hiện đại hóa, giải quyết`): without a positional index this proximity is only
// known for the re-ranked candidates.
function adjacentPairs(candidate: Candidate, plan: QueryPlan): number {
  let pairs = 0;
  for (let i = 0; i + 1 < plan.words.length; i++) {
    const a = plan.words[i]!.word.token;
    const b = plan.words[i + 1]!.word.token;
    if (a.kind === "identifier" || b.kind === "identifier") continue;
    const units: QueryUnit[] = [{ term: a.term, toneKey: null }, { term: b.term, toneKey: null }];
    if (findOccurrences(textView(candidate), units, { untilExact: true, spaced: true }).length > 0) pairs++;
  }
  return pairs;
}

// `13/4/2020` is also written `13 tháng 4 năm 2020` (indexed as the same term, see index-terms.ts).
function writtenDateUnits(word: QueryWord): QueryUnit[] | null {
  const parts = word.token.parts;
  if (!parts || parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [day, month, year] = parts as [string, string, string];
  return [day, "thang", month, "nam", year].map((term) => ({ term, toneKey: null }));
}

function snippetOf(candidate: Candidate, parsed: ParsedQuery, plan: QueryPlan, expansions: DerivedTerm[][], segmentEnds: readonly number[]): Snippet {
  const view = textView(candidate);
  const items: { item: number; units: QueryUnit[] }[] = [];
  parsed.words.forEach((word, item) => {
    items.push({ item, units: wordUnits(word) });
    const written = writtenDateUnits(word);
    if (written) items.push({ item, units: written });
  });
  parsed.phrases.forEach((phrase, i) => items.push({ item: parsed.words.length + i, units: phrase.units }));
  // Prefix and typo expansions the document holds are highlighted with their word.
  plan.words.forEach(({ clauses }, item) => {
    for (const c of clauses) {
      const own = plan.clauses[c]!.term;
      const derived = (expansions[c] ?? []).filter((d) => d.term !== own && !isReadingTerm(d.term));
      for (const term of termsMatchedBy(candidate.shard.mini, candidate.hit.doc, derived)) {
        items.push({ item, units: term.split("/").map((part) => ({ term: part, toneKey: null })) });
      }
    }
  });
  const matches: ItemOccurrences[] = items.map(({ item, units }) => ({ item, occurrences: findOccurrences(view, units) }));
  const body = segmentRange(segmentEnds, "body");
  const inBody = matches.some((m) => m.occurrences.some((o) => o.start >= body.start && o.end <= body.end));
  const anyMatch = matches.some((m) => m.occurrences.length > 0);
  const whole = { start: 0, end: view.text.length };
  // The body's best passage; else wherever the match is (title, bases …); else the body's start.
  const range = inBody ? body : anyMatch || body.start === body.end ? whole : body;
  return buildSnippet(view.text, matches, range);
}

function toResult(summary: IndexedSummary, score: number, relevance: number, snippet: Snippet, foldedWords: string[], readings: WordReading[]): SearchResult {
  return {
    id: summary.id,
    path: summary.path,
    score,
    foldedWords,
    readings,
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
function browse(index: SearchIndex, filter: CompiledFilter | null, limit: number): SearchResult[] {
  const found: { shard: IndexShard; entry: ShardEntry }[] = [];
  for (const shard of index.shards) {
    if (!filter) {
      for (const entry of shard.entries.values()) found.push({ shard, entry });
      continue;
    }
    const excluded = shard.columns.exclusions(filter, shard.mini.slotCount);
    for (let doc = 0; doc < excluded.length; doc++) {
      const id = excluded[doc] === 0 ? shard.mini.idOf(doc) : undefined;
      const entry = id === undefined ? undefined : shard.entry(id);
      if (entry) found.push({ shard, entry });
    }
  }
  found.sort((a, b) => {
    const da = a.entry.summary.date ?? "";
    const db = b.entry.summary.date ?? "";
    const ia = a.entry.summary.id;
    const ib = b.entry.summary.id;
    return da < db ? 1 : da > db ? -1 : ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return found.slice(0, limit).map(({ shard, entry }) => {
    const text = shard.texts.get(entry.summary.id) ?? "";
    const body = segmentRange(entry.segmentEnds, "body");
    return toResult(entry.summary, 0, 0, buildSnippet(text, [], body.start === body.end ? { start: 0, end: text.length } : body), [], []);
  });
}

/**
 * Searches the index: words (with or without diacritics, either tone placement), "quoted
 * phrases", document numbers and dates in any spelling, narrowed by filters; an empty query lists
 * the documents that pass the filters, newest first.
 * @example
 * search(index, '"giáo dục và đào tạo" 29/NQ-TW', { type: "KH", yearFrom: 2023, limit: 10 });
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!(limit > 0)) return [];
  const parsed = parseQuery(query);
  const filter = compileFilter(options);
  // An empty query lists what passes the filters; one with nothing searchable in it finds nothing.
  if (query.trim() === "") return browse(index, filter, limit);
  if (parsed.words.length === 0 && parsed.phrases.length === 0) return [];

  const shards = index.shards.filter((shard) => shard.size > 0);
  const { readings, sideBySide } = chooseReadings(shards, parsed.words);
  const depth = Math.max(RERANK_MIN_DEPTH, limit * 3);
  // The documents with every word typed with diacritics in those diacritics rank first: when there
  // are enough of them the others (other words that fold the same) need not be scored at all. A
  // reading taken for a word typed without them only weighs: it may be wrong.
  let plan = planQuery(parsed, shards, readings, true);
  let combine: "and" | "or" = "and";
  let { candidates, expansions, exhausted } = collect(shards, parsed, plan, combine, filter, depth);
  if (candidates.length < depth && plan.words.some((w) => w.reading !== null && w.word.toneKey !== null)) {
    plan = planQuery(parsed, shards, readings, false);
    ({ candidates, expansions, exhausted } = collect(shards, parsed, plan, combine, filter, depth));
  }
  // Nothing has every word: rank what has some of them (phrases stay required).
  if (candidates.length === 0 && plan.clauses.length > 1 && parsed.phrases.length === 0) {
    combine = "or";
    ({ candidates, expansions, exhausted } = collect(shards, parsed, plan, combine, filter, depth));
  }
  rerank(candidates, plan);
  // Query words standing side by side decide more than BM25 can see: when too few of the
  // candidates have them all so, look deeper once (such documents may score lower on the terms),
  // unless a sample of the collection never has them side by side.
  const pairs = plan.words.length - 1;
  const deeper = pairs > 0 && !exhausted && sideBySide.some(Boolean);
  if (deeper && candidates.filter((c) => c.adjacent === pairs).length < limit) {
    const reranked = new Map(candidates.map((c) => [c.hit.id, c]));
    ({ candidates, expansions } = collect(shards, parsed, plan, combine, filter, depth * ADJACENCY_DEEPENING, reranked));
    rerank(candidates.filter((c) => !reranked.has(c.hit.id)), plan);
  }
  candidates.sort((a, b) => b.tier - a.tier || b.adjacent - a.adjacent || b.agreement - a.agreement || compareHits(a.hit, b.hit));
  const pairSlots = Math.max(0, pairs) + 1;
  const agreementSlots = plan.words.length + 1;
  const wordReadings = plan.words.flatMap(({ word, reading }) =>
    reading && word.toneKey === null ? [{ word: word.text, reading: spellingOfToneKey(reading.toneKey) }] : [],
  );

  const top = Math.max(...candidates.map((c) => c.hit.score), 0) * (1 + 1e-9);
  return candidates.slice(0, limit).map((candidate) => {
    const entry = candidate.shard.entry(candidate.hit.id)!;
    const relevance = candidate.hit.score;
    const snippet = snippetOf(candidate, parsed, plan, expansions, entry.segmentEnds);
    const fraction = (candidate.adjacent + (candidate.agreement + (top > 0 ? relevance / top : 0)) / agreementSlots) / pairSlots;
    return toResult(entry.summary, candidate.tier + fraction, relevance, snippet, candidate.foldedWords, wordReadings);
  });
}

// Ranking: words matched as typed first (exact diacritics before folded, whole words before
// expansions), then query words found side by side, then words in the reading taken and numbers
// in references, then BM25.
function rerank(candidates: readonly Candidate[], plan: QueryPlan): void {
  for (const candidate of candidates) {
    candidate.tier = tierOf(candidate, plan);
    candidate.adjacent = adjacentPairs(candidate, plan);
    candidate.agreement = agreementOf(candidate, plan);
  }
}

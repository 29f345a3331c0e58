// Which toned reading a query word typed without diacritics was meant as. Every word of an
// unaccented query folds together several words (`hoa`: hòa, hóa, hoa, họa …); the index holds a
// reading term for each spelling (see `readingTerm`), so how often each reading occurs is read
// from the index. Words typed side by side are read together: for each pair of readings the
// documents holding both are counted from the postings, and the few where both occur most are
// checked for the two standing side by side in one phrase of a sentence, which tells the word
// meant (`hoa giai`: hòa giải, not hóa … giải pháp, though hóa is the commoner syllable). A word
// with no neighbour to read it with takes its commonest toned reading when most documents with
// the word hold it; else it stays plain (the index does not count the spelling without
// diacritics apart), as does a word typed without diacritics beside words typed with them.
// Spec deviation: a pair common in the collection outweighs a rarer word the typist may have
// meant (`con bao` is read `còn bảo` where `cơn bão` is rare); only typing diacritics says which.
import type { IndexShard } from "./index-shard.js";
import { findOccurrences, TextView } from "./match-text.js";
import type { QueryWord } from "./parse-query.js";
import { readingPrefix, readingTerm, toneKeyOfReading } from "./tone-key.js";

/** One reading of a query word. */
export interface Reading {
  /** the index term holding the documents with this reading (the folded term for the plain reading) */
  term: string;
  /** the tone key of the reading (see `toneKey`) */
  toneKey: string;
  /** about how many documents hold it */
  documents: number;
  /** the reading without diacritics, whose documents are not told apart in the index */
  plain: boolean;
}

// Toned readings compared per word when reading two words together (the plain one besides).
const PAIR_READINGS = 3;
// Documents holding both readings whose text is checked for the two side by side.
const SAMPLE = 4;
// A word read alone takes its commonest toned reading only when most documents with the word hold it.
const ALONE_SHARE = 0.5;

// About how many documents hold `term`: its commonest field's count (a document holding it in
// two fields is counted once; one holding it only in a rarer field is missed).
function documentsHolding(shards: readonly IndexShard[], term: string): number {
  let total = 0;
  for (const shard of shards) {
    let most = 0;
    shard.mini.postings(term)?.forEachField((_, documents) => (most = Math.max(most, documents)));
    total += most;
  }
  return total;
}

/**
 * The readings of a folded word in the index, the most frequent toned ones first, then the plain
 * one (whose documents the index does not tell apart: `documents` counts every document with the word).
 */
export function readingsOf(shards: readonly IndexShard[], folded: string): Reading[] {
  const terms = new Set<string>();
  for (const shard of shards) for (const term of shard.mini.termsWithPrefix(readingPrefix(folded))) terms.add(term);
  const toned = [...terms].map((term): Reading => ({ term, toneKey: toneKeyOfReading(term), documents: documentsHolding(shards, term), plain: false }));
  toned.sort((a, b) => b.documents - a.documents || (a.toneKey < b.toneKey ? -1 : 1));
  return [...toned, { term: folded, toneKey: folded, documents: documentsHolding(shards, folded), plain: true }];
}

type DocumentRef = { shard: number; doc: number };

// Per shard, how many times each document holds `term` (over all its fields; 0: not at all).
function frequencies(shards: readonly IndexShard[], term: string): Uint16Array[] {
  return shards.map((shard) => {
    const counts = new Uint16Array(shard.mini.slotCount);
    const postings = shard.mini.postings(term);
    postings?.forEachField((fieldId) => postings.forEachDocument(fieldId, (frequency, doc) => (counts[doc] = Math.min(0xffff, counts[doc]! + frequency))));
    return counts;
  });
}

class TextCache {
  private readonly views = new Map<string, TextView | null>();
  constructor(private readonly shards: readonly IndexShard[]) {}

  get({ shard, doc }: DocumentRef): TextView | null {
    const key = `${shard}:${doc}`;
    let view = this.views.get(key);
    if (view === undefined) {
      const id = this.shards[shard]!.mini.idOf(doc);
      const text = id === undefined ? undefined : this.shards[shard]!.texts.get(id);
      this.views.set(key, (view = text === undefined ? null : new TextView(text)));
    }
    return view;
  }
}

/** A pair of readings of two neighbouring words, with the documents holding both. */
interface ReadingPair {
  a: Reading;
  b: Reading;
  together: number;
  /** the documents where the rarer of the two occurs most often: where a word they make is likeliest */
  sample: { ref: DocumentRef; weight: number }[];
}

function keepSample(sample: ReadingPair["sample"], ref: DocumentRef, weight: number): void {
  if (sample.length === SAMPLE && weight <= sample[SAMPLE - 1]!.weight) return;
  let at = sample.length;
  while (at > 0 && sample[at - 1]!.weight < weight) at--;
  sample.splice(at, 0, { ref, weight });
  if (sample.length > SAMPLE) sample.pop();
}

// Every pair of readings, with the documents holding both counted from the postings, and a sample
// of them: where the two occur most often, which is where a word they make together shows first.
function readingPairs(shards: readonly IndexShard[], a: readonly Reading[], b: readonly Reading[]): ReadingPair[] {
  const bCounts = b.map((reading) => frequencies(shards, reading.term));
  return a.flatMap((ra) => {
    const aCounts = frequencies(shards, ra.term);
    return b.map((rb, j): ReadingPair => {
      const pair: ReadingPair = { a: ra, b: rb, together: 0, sample: [] };
      aCounts.forEach((counts, s) => {
        const other = bCounts[j]![s]!;
        for (let doc = 0; doc < counts.length; doc++) {
          const both = Math.min(counts[doc]!, other[doc]!);
          if (both === 0) continue;
          pair.together++;
          keepSample(pair.sample, { shard: s, doc }, both);
        }
      });
      return pair;
    });
  });
}

// The pair of readings most often side by side: about how many documents hold them so (documents
// holding both × the share of a sample that has them side by side). Pairs are tried from the most
// co-occurring down, and no more once fewer documents hold a pair than the best estimate so far.
function likeliestPair(pairs: ReadingPair[], folded: [string, string], texts: TextCache): { pair: ReadingPair; estimate: number } | null {
  let best: { pair: ReadingPair; estimate: number } | null = null;
  for (const pair of [...pairs].sort((x, y) => y.together - x.together)) {
    if (pair.together === 0 || pair.together <= (best?.estimate ?? 0)) break;
    const units = [{ term: folded[0], toneKey: pair.a.toneKey }, { term: folded[1], toneKey: pair.b.toneKey }];
    const adjacent = pair.sample.filter(({ ref }) => {
      const view = texts.get(ref);
      return view !== null && findOccurrences(view, units, { spaced: true, untilExact: true }).some((o) => o.exact);
    }).length;
    const estimate = (pair.together * adjacent) / pair.sample.length;
    if (estimate > (best?.estimate ?? 0)) best = { pair, estimate };
  }
  return best;
}

// The options a word is read in when paired: its commonest toned readings and the plain one.
function pairOptions(readings: readonly Reading[]): Reading[] {
  const toned = readings.filter((r) => !r.plain).slice(0, PAIR_READINGS);
  return [...toned, ...readings.filter((r) => r.plain)];
}

/** How the words of a query are read. */
export interface QueryReadings {
  /**
   * per word, the reading it is taken in: a word typed with diacritics in its own; a word typed
   * without them in the reading that stands most often beside its neighbour's, else in its
   * commonest toned reading when most documents with the word hold it, else plain; null for
   * numbers and identifiers
   */
  readings: (Reading | null)[];
  /** per pair of neighbouring words, false when a sample of the documents holding both never has them side by side */
  sideBySide: boolean[];
}

/** Reads the words of a query (see `QueryReadings`). */
export function chooseReadings(shards: readonly IndexShard[], words: readonly QueryWord[]): QueryReadings {
  // Who types diacritics types them on every word: a word without them beside others with them is plain (`giao` of `an toàn giao thông`).
  const typed = words.some((word) => word.toneKey !== null);
  const options = words.map((word): Reading[] | null => {
    if (word.token.kind !== "word") return null;
    const folded = word.token.term;
    if (word.toneKey === null && typed) return [{ term: folded, toneKey: folded, documents: documentsHolding(shards, folded), plain: true }];
    if (word.toneKey === null) return readingsOf(shards, folded);
    const plain = word.toneKey === folded;
    const term = plain ? folded : readingTerm(folded, word.toneKey);
    return [{ term, toneKey: word.toneKey, documents: documentsHolding(shards, term), plain }];
  });
  const chosen: (Reading | null)[] = words.map((word, i) => (word.toneKey !== null || typed ? (options[i]?.[0] ?? null) : null));
  const texts = new TextCache(shards);
  const best: { at: number; pair: ReadingPair; estimate: number }[] = [];
  const sideBySide = words.slice(1).map(() => true);
  for (let i = 0; i + 1 < words.length; i++) {
    const a = options[i];
    const b = options[i + 1];
    if (!a || !b) continue;
    const found = likeliestPair(readingPairs(shards, pairOptions(a), pairOptions(b)), [words[i]!.token.term, words[i + 1]!.token.term], texts);
    if (found) best.push({ at: i, ...found });
    else sideBySide[i] = false;
  }
  // The pairs read most surely first; a word keeps the reading its surest pair gave it.
  best.sort((x, y) => y.estimate - x.estimate);
  for (const { at, pair } of best) {
    chosen[at] ??= pair.a;
    chosen[at + 1] ??= pair.b;
  }
  const readings = chosen.map((reading, i) => {
    if (reading) return reading;
    const readings = options[i];
    const commonest = readings?.[0];
    const all = readings?.at(-1);
    if (!commonest || !all || commonest.plain) return all ?? null;
    return commonest.documents >= ALONE_SHARE * all.documents ? commonest : all;
  });
  return { readings, sideBySide };
}

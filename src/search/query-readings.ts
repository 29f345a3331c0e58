// Which toned reading a query word typed without diacritics was meant as. Every word of an
// unaccented query folds together several words (`hoa`: hòa, hóa, hoa, họa …); the index holds a
// reading term for each spelling (see `readingTerm`), so how often each reading occurs is read
// from the index. Words typed side by side are read together: for each pair of readings the
// documents holding both are counted from the postings, and a few of them are checked for the
// two standing side by side in one phrase of a sentence, which tells the word meant (`hoa giai`:
// hòa giải, not hóa … giải pháp, though hóa is the commoner syllable). A word with no neighbour
// to read it with takes its most frequent reading.
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

// Readings compared per word when reading two words together, the most frequent first.
const PAIR_READINGS = 3;
// Documents holding both readings whose text is checked for the two side by side.
const SAMPLE = 6;

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

/** The readings of a folded word in the index, most frequent first; the plain one when it seems to occur. */
export function readingsOf(shards: readonly IndexShard[], folded: string): Reading[] {
  const terms = new Set<string>();
  for (const shard of shards) for (const term of shard.mini.termsWithPrefix(readingPrefix(folded))) terms.add(term);
  const readings = [...terms].map((term): Reading => ({ term, toneKey: toneKeyOfReading(term), documents: documentsHolding(shards, term), plain: false }));
  const toned = readings.reduce((sum, r) => sum + r.documents, 0);
  const plain = documentsHolding(shards, folded) - toned;
  if (plain > 0) readings.push({ term: folded, toneKey: folded, documents: plain, plain: true });
  return readings.sort((a, b) => b.documents - a.documents || (a.toneKey < b.toneKey ? -1 : 1));
}

type DocumentRef = { shard: number; doc: number };

// Per shard, 1 at every document holding `term`.
function holders(shards: readonly IndexShard[], term: string): Uint8Array[] {
  return shards.map((shard) => {
    const marks = new Uint8Array(shard.mini.slotCount);
    const postings = shard.mini.postings(term);
    postings?.forEachField((fieldId) => postings.forEachDocument(fieldId, (_, doc) => (marks[doc] = 1)));
    return marks;
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

// For each pair of readings of two neighbouring words: about how many documents hold them side
// by side (documents holding both × the share of the sample that has them side by side).
function pairEstimates(shards: readonly IndexShard[], a: readonly Reading[], b: readonly Reading[], folded: [string, string], texts: TextCache): number[][] {
  const bMarks = b.map((reading) => holders(shards, reading.term));
  return a.map((ra) => {
    const together = b.map(() => 0);
    const samples: DocumentRef[][] = b.map(() => []);
    shards.forEach((shard, s) => {
      const postings = shard.mini.postings(ra.term);
      if (!postings) return;
      const seen = new Uint8Array(shard.mini.slotCount);
      postings.forEachField((fieldId) =>
        postings.forEachDocument(fieldId, (_, doc) => {
          if (seen[doc] === 1) return;
          seen[doc] = 1;
          bMarks.forEach((marks, j) => {
            if (marks[s]![doc] !== 1) return;
            together[j]! += 1;
            if (samples[j]!.length < SAMPLE) samples[j]!.push({ shard: s, doc });
          });
        }),
      );
    });
    return b.map((rb, j) => {
      const sample = samples[j]!;
      if (sample.length === 0) return 0;
      const units = [{ term: folded[0], toneKey: ra.toneKey }, { term: folded[1], toneKey: rb.toneKey }];
      const adjacent = sample.filter((ref) => {
        const view = texts.get(ref);
        return view !== null && findOccurrences(view, units, { spaced: true, untilExact: true }).some((o) => o.exact);
      }).length;
      return (together[j]! * adjacent) / sample.length;
    });
  });
}

/**
 * The reading each query word is taken in: a word typed with diacritics in its own; a word typed
 * without them in the reading that stands most often beside its neighbour's, else in its most
 * frequent one; null for numbers, identifiers and words the index holds in no reading.
 */
export function chooseReadings(shards: readonly IndexShard[], words: readonly QueryWord[]): (Reading | null)[] {
  const options = words.map((word): Reading[] | null => {
    if (word.token.kind !== "word") return null;
    const folded = word.token.term;
    if (word.toneKey === null) return readingsOf(shards, folded);
    if (word.toneKey === folded) return [{ term: folded, toneKey: folded, documents: 0, plain: true }];
    const term = readingTerm(folded, word.toneKey);
    return [{ term, toneKey: word.toneKey, documents: documentsHolding(shards, term), plain: false }];
  });
  const chosen: (Reading | null)[] = words.map((word, i) => (word.toneKey !== null ? (options[i]?.[0] ?? null) : null));
  const texts = new TextCache(shards);
  const pairs: { at: number; a: Reading; b: Reading; estimate: number }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = options[i]?.slice(0, PAIR_READINGS);
    const b = options[i + 1]?.slice(0, PAIR_READINGS);
    if (!a?.length || !b?.length || (chosen[i] !== null && chosen[i + 1] !== null)) continue;
    const estimates = pairEstimates(shards, a, b, [words[i]!.token.term, words[i + 1]!.token.term], texts);
    let best = { at: i, a: a[0]!, b: b[0]!, estimate: 0 };
    estimates.forEach((row, x) => row.forEach((estimate, y) => {
      if (estimate > best.estimate) best = { at: i, a: a[x]!, b: b[y]!, estimate };
    }));
    if (best.estimate > 0) pairs.push(best);
  }
  // The pairs read most surely first; a word keeps the reading its surest pair gave it.
  pairs.sort((x, y) => y.estimate - x.estimate);
  for (const { at, a, b } of pairs) {
    chosen[at] ??= a;
    chosen[at + 1] ??= b;
  }
  return chosen.map((reading, i) => reading ?? options[i]?.[0] ?? null);
}

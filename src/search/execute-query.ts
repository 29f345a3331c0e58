// Scoring a query over all shards with corpus-wide BM25, keeping only the best candidates.
// MiniSearch's own search allocates a result object per matching document, scores with one
// shard's statistics and sorts every match (measured: ~8 ms for a common syllable at 10k
// documents, ~90 ms at 50k). Here scores accumulate in typed arrays indexed by short id, the
// statistics (document count, documents per term, average field length) are summed over all
// shards so that a document's score does not depend on the shard it landed in, and a bounded
// heap keeps the top candidates. The formula is MiniSearch's BM25+ with its default parameters
// and prefix/typo weights, so the ranking is what MiniSearch would give on one index.
import type { ShardPostingsReader, TermPostings } from "./shard-minisearch.js";
import { isReadingTerm } from "./tone-key.js";

/** One required (AND) or optional (OR) term of a query. */
export interface TermClause {
  term: string;
  /** also match terms that start with it */
  prefix: boolean;
  /** also match terms within this many edits (0: none) */
  fuzzy: number;
  /** multiplies the clause's score */
  boost: number;
  /**
   * More terms that match the clause, each with its weight: the reading of a word (`hoa~hoa2`),
   * the document references a number stands in (`29/nq/tw` for `29`)
   */
  also?: readonly DerivedTerm[];
}

/** A candidate document: shard index, short id within the shard, score. */
export interface Hit {
  shard: number;
  doc: number;
  id: string;
  score: number;
  /** the score rounded to float32, compared instead of `score` (see `compareHits`) */
  key: number;
}

/** A term a clause matched, with the weight of that match (1 for the term itself). */
export interface DerivedTerm {
  term: string;
  weight: number;
}

/** How `executeQuery` runs. */
export interface ExecuteOptions {
  combine: "and" | "or";
  /** boost per MiniSearch field id (0 skips the field) */
  fieldBoosts: readonly number[];
  /** per shard, 1 at the short id of every document a filter excludes (at least `slotCount` long) */
  excluded: ((shard: number) => Uint8Array) | null;
  /** how many top hits to return; `Infinity` returns every hit, best first */
  depth: number;
}

/** The hits and, per clause, the terms it matched (to tell whole-word matches from expansions). */
export interface QueryExecution {
  hits: Hit[];
  expansions: DerivedTerm[][];
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/**
 * Orders hits best first: higher score, then smaller id. Scores are compared rounded to float32
 * (about 7 significant digits): sums of the same terms in another order (another shard layout,
 * corpus statistics summed differently) differ in the last bits, and must not reorder equally
 * relevant documents.
 */
export function compareHits(a: Hit, b: Hit): number {
  return b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function expand(shards: readonly ShardPostingsReader[], clause: TermClause): DerivedTerm[] {
  const weights = new Map<string, number>([[clause.term, 1]]);
  const length = clause.term.length;
  for (const shard of shards) {
    if (clause.fuzzy > 0) {
      for (const [term, distance] of shard.termsNear(clause.term, clause.fuzzy)) {
        if (distance > 0 && !weights.has(term) && !isReadingTerm(term)) weights.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    if (clause.prefix) {
      // A prefix match outweighs a typo match of the same term, as in MiniSearch.
      for (const term of shard.termsWithPrefix(clause.term)) {
        const distance = term.length - length;
        if (distance > 0 && !isReadingTerm(term)) weights.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
  }
  for (const { term, weight } of clause.also ?? []) weights.set(term, Math.max(weight, weights.get(term) ?? 0));
  // A fixed order (the term, then its expansions alphabetically) sums scores in the same order
  // whatever the shard layout, so equal inputs give bit-identical scores.
  const [own, ...derived] = [...weights].map(([term, weight]) => ({ term, weight }));
  derived.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return [own!, ...derived];
}

// A min-heap of the best `capacity` hits (the worst at the root).
class TopHits {
  readonly items: Hit[] = [];
  constructor(private readonly capacity: number) {}

  /** True when a hit with this key cannot enter (the heap is full of better ones). */
  rejects(key: number): boolean {
    return this.items.length >= this.capacity && key < this.items[0]!.key;
  }

  offer(hit: Hit): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(hit);
      this.up(items.length - 1);
    } else if (compareHits(hit, items[0]!) < 0) {
      items[0] = hit;
      this.down(0);
    }
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareHits(items[i]!, items[parent]!) <= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < items.length && compareHits(items[left]!, items[worst]!) > 0) worst = left;
      if (right < items.length && compareHits(items[right]!, items[worst]!) > 0) worst = right;
      if (worst === i) return;
      [items[i], items[worst]] = [items[worst]!, items[i]!];
      i = worst;
    }
  }
}

/**
 * Runs `clauses` over `shards`: every clause (AND) or any (OR, scores multiplied by the number
 * of clauses matched, as MiniSearch does), with corpus-wide BM25.
 */
export function executeQuery(shards: readonly ShardPostingsReader[], clauses: readonly TermClause[], options: ExecuteOptions): QueryExecution {
  const expansions = clauses.map((clause) => expand(shards, clause));
  const fieldCount = options.fieldBoosts.length;
  let documentCount = 0;
  const lengthSums = new Float64Array(fieldCount);
  for (const shard of shards) {
    documentCount += shard.documentCount;
    for (let f = 0; f < fieldCount; f++) lengthSums[f]! += shard.fieldLengthSum(f);
  }
  const averageLength = Array.from(lengthSums, (sum) => (documentCount > 0 ? sum / documentCount : 0));

  // Per derived term and field: postings in each shard and the corpus-wide document frequency.
  const postingsOf = (term: string): { perShard: (TermPostings | undefined)[]; df: number[] } => {
    const perShard = shards.map((shard) => shard.postings(term));
    const df = new Array<number>(fieldCount).fill(0);
    for (const postings of perShard) {
      if (!postings) continue;
      postings.forEachField((fieldId, documents) => (df[fieldId]! += documents));
    }
    return { perShard, df };
  };
  const termData = expansions.map((derived) => derived.map(({ term, weight }) => ({ term, weight, ...postingsOf(term) })));

  // Rare clauses first: under AND, later clauses only add to documents that matched all earlier ones.
  const order = clauses.map((_, i) => i);
  const volume = termData.map((terms) => terms.reduce((sum, t) => sum + t.df.reduce((a, b) => a + b, 0), 0));
  order.sort((a, b) => volume[a]! - volume[b]!);

  const and = options.combine === "and";
  const required = clauses.length;
  const capacity = Number.isFinite(options.depth) ? Math.max(0, Math.floor(options.depth)) : Infinity;
  const top = Number.isFinite(capacity) ? new TopHits(capacity) : null;
  const all: Hit[] = [];

  shards.forEach((shard, s) => {
    const slots = shard.slotCount;
    const score = new Float64Array(slots);
    const matched = new Uint16Array(slots);
    const lastClause = new Int32Array(slots).fill(-1);
    const touched: number[] = [];
    // Filters are decided up front for every document: a call out of the scoring loop below made
    // it several times slower than the filter itself (measured 2 ms against 0.4 ms at 3k documents).
    const excluded = options.excluded ? options.excluded(s) : null;

    order.forEach((c, rank) => {
      const boost = clauses[c]!.boost;
      for (const data of termData[c]!) {
        const postings = data.perShard[s];
        if (!postings) continue;
        for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
          const fieldBoost = options.fieldBoosts[fieldId] ?? 0;
          if (fieldBoost === 0) continue;
          const df = data.df[fieldId]!;
          const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
          const norm = (K * B) / averageLength[fieldId]!;
          const weight = data.weight * boost * fieldBoost * idf;
          const lengths = shard.fieldLengths();
          // A callback per posting: no entry arrays allocated.
          postings.forEachDocument(fieldId, (tf, doc) => {
            if (and && matched[doc]! < rank) return;
            if (excluded !== null && excluded[doc] === 1) return;
            const length = lengths[doc * fieldCount + fieldId]!;
            score[doc]! += weight * (D + (tf * (K + 1)) / (tf + K * (1 - B) + norm * length));
            if (lastClause[doc] !== c) {
              if (matched[doc] === 0) touched.push(doc);
              lastClause[doc] = c;
              matched[doc]! += 1;
            }
          });
        }
      }
    });

    for (const doc of touched) {
      const count = matched[doc]!;
      if (and && count < required) continue;
      const total = score[doc]! * count;
      const key = Math.fround(total);
      if (top?.rejects(key)) continue;
      const hit: Hit = { shard: s, doc, id: shard.idOf(doc)!, score: total, key };
      if (top) top.offer(hit);
      else all.push(hit);
    }
  });

  const hits = top ? top.items : all;
  hits.sort(compareHits);
  return { hits, expansions };
}

/** The derived terms of `expansion` that a document of `shard` holds (in any field). */
export function termsMatchedBy(shard: ShardPostingsReader, doc: number, expansion: readonly DerivedTerm[]): string[] {
  const found: string[] = [];
  for (const { term } of expansion) {
    const postings = shard.postings(term);
    if (!postings) continue;
    if (postings.holds(doc)) found.push(term);
  }
  return found;
}

// Corpus-wide BM25 for a sharded index. MiniSearch scores with the statistics of the index it is
// called on (document count, documents per term, average field length), so the same document
// would score differently depending on the shard it landed in, and merged top lists would depend
// on insertion history. Each shard's `termResults` is replaced, on the instance only, by the same
// computation fed with statistics summed over all shards; everything else stays MiniSearch's.
// This reaches into MiniSearch 7's internals: `assertScoringInternals` checks them when a shard is
// created so that an incompatible MiniSearch fails loudly instead of ranking wrongly.
import MiniSearch, { type BM25Params } from "minisearch";

/** Statistics of the whole collection that every shard scores with during one search. */
export interface CorpusStatistics {
  documentCount: number;
  /** per MiniSearch field id */
  averageFieldLength: number[];
  /** the number of documents of the collection whose field `fieldId` holds `term` */
  documentFrequency(term: string, fieldId: number): number;
}

type FieldTermData = Map<number, Map<number, number>>;
type RawResult = { score: number; terms: string[]; match: Record<string, string[]> };

// The MiniSearch 7 members the replacement reads (all present since 6.0).
interface ScoringInternals {
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _index: { get(term: string): FieldTermData | undefined };
  removeTerm(fieldId: number, documentId: number, term: string): void;
  termResults: unknown;
}

const active = new WeakMap<object, CorpusStatistics>();

function internals(mini: MiniSearch<never> | MiniSearch<any>): ScoringInternals {
  return mini as unknown as ScoringInternals;
}

/** Throws when `mini` lacks the MiniSearch 7 internals that corpus-wide scoring relies on. */
export function assertScoringInternals(mini: MiniSearch<any>): void {
  const m = internals(mini);
  const ok =
    m._documentIds instanceof Map &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._documentCount === "number" &&
    typeof m._index?.get === "function" &&
    typeof m.removeTerm === "function" &&
    typeof m.termResults === "function";
  if (!ok) throw new Error("vanban search: this MiniSearch version's internals differ from 7.x; corpus-wide scoring cannot be installed");
}

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number, p: BM25Params): number {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (p.d + (termFreq * (p.k + 1)) / (termFreq + p.k * (1 - p.b + (p.b * fieldLength) / avgFieldLength)));
}

// MiniSearch 7.2's termResults with the statistics taken from the active CorpusStatistics.
function termResults(
  this: ScoringInternals,
  sourceTerm: string,
  derivedTerm: string,
  termWeight: number,
  termBoost: number,
  fieldTermData: FieldTermData | undefined,
  fieldBoosts: Record<string, number>,
  boostDocumentFn: ((id: unknown, term: string, stored?: Record<string, unknown>) => number) | undefined,
  bm25params: BM25Params,
  results: Map<number, RawResult> = new Map(),
): Map<number, RawResult> {
  if (fieldTermData == null) return results;
  const stats = active.get(this);
  for (const field of Object.keys(fieldBoosts)) {
    const fieldBoost = fieldBoosts[field]!;
    const fieldId = this._fieldIds[field]!;
    const fieldTermFreqs = fieldTermData.get(fieldId);
    if (fieldTermFreqs == null) continue;
    const matching = stats ? stats.documentFrequency(derivedTerm, fieldId) : fieldTermFreqs.size;
    const total = stats ? stats.documentCount : this._documentCount;
    const avgFieldLength = stats ? stats.averageFieldLength[fieldId]! : this._avgFieldLength[fieldId]!;
    for (const [docId, termFreq] of fieldTermFreqs) {
      if (!this._documentIds.has(docId)) {
        // A discarded document's posting: drop it, as MiniSearch does.
        this.removeTerm(fieldId, docId, derivedTerm);
        continue;
      }
      const docBoost = boostDocumentFn ? boostDocumentFn(this._documentIds.get(docId), derivedTerm, this._storedFields.get(docId)) : 1;
      if (!docBoost) continue;
      const fieldLength = this._fieldLength.get(docId)![fieldId]!;
      const weighted = termWeight * termBoost * fieldBoost * docBoost * bm25(termFreq, matching, total, fieldLength, avgFieldLength, bm25params);
      const result = results.get(docId);
      if (result) {
        result.score += weighted;
        if (!result.terms.includes(sourceTerm)) result.terms.push(sourceTerm);
        const match = Object.prototype.hasOwnProperty.call(result.match, derivedTerm) ? result.match[derivedTerm] : undefined;
        if (match) match.push(field);
        else result.match[derivedTerm] = [field];
      } else {
        results.set(docId, { score: weighted, terms: [sourceTerm], match: { [derivedTerm]: [field] } });
      }
    }
  }
  return results;
}

/** Makes `mini` score with the corpus statistics active for it (see `withCorpusStatistics`), and with its own otherwise. */
export function installCorpusScoring(mini: MiniSearch<any>): void {
  assertScoringInternals(mini);
  internals(mini).termResults = termResults;
}

/** The number of this shard's documents whose field `fieldId` holds `term`. */
export function shardDocumentFrequency(mini: MiniSearch<any>, term: string, fieldId: number): number {
  return internals(mini)._index.get(term)?.get(fieldId)?.size ?? 0;
}

/** True when any of `shards` holds `term` in any field (the term is in the collection's vocabulary). */
export function vocabularyHas(shards: readonly MiniSearch<any>[], term: string): boolean {
  for (const shard of shards) {
    const data = internals(shard)._index.get(term);
    if (data && data.size > 0) return true;
  }
  return false;
}

/** This shard's document count and, per field id, the sum of its field lengths. */
export function shardFieldTotals(mini: MiniSearch<any>): { documentCount: number; fieldLengthSums: number[] } {
  const m = internals(mini);
  return { documentCount: m._documentCount, fieldLengthSums: m._avgFieldLength.map((avg) => avg * m._documentCount) };
}

/** Statistics summed over `shards`, with per-term counts looked up lazily and cached for one search. */
export function corpusStatistics(shards: readonly MiniSearch<any>[], fieldCount: number): CorpusStatistics {
  let documentCount = 0;
  const sums = new Array<number>(fieldCount).fill(0);
  for (const shard of shards) {
    const totals = shardFieldTotals(shard);
    documentCount += totals.documentCount;
    for (let f = 0; f < fieldCount; f++) sums[f]! += totals.fieldLengthSums[f] ?? 0;
  }
  const cache = new Map<string, number>();
  return {
    documentCount,
    averageFieldLength: sums.map((sum) => (documentCount > 0 ? sum / documentCount : 0)),
    documentFrequency(term, fieldId) {
      const key = `${fieldId}\u0000${term}`;
      let count = cache.get(key);
      if (count === undefined) {
        count = 0;
        for (const shard of shards) count += shardDocumentFrequency(shard, term, fieldId);
        cache.set(key, count);
      }
      return count;
    },
  };
}

/** Runs `fn` with `stats` active for every shard in `shards`. */
export function withCorpusStatistics<T>(shards: readonly MiniSearch<any>[], stats: CorpusStatistics, fn: () => T): T {
  for (const shard of shards) active.set(shard, stats);
  try {
    return fn();
  } finally {
    for (const shard of shards) active.delete(shard);
  }
}

// MiniSearch as the inverted index of a shard. MiniSearch stores postings in a radix tree
// (prefix and typo lookups) and serialises them; its own `search` scores every matching
// document into a result object and sorts them all, with the statistics of one index only, and
// its `add` walks the radix tree once per token occurrence. This subclass works on the same
// state through MiniSearch's protected members (its extension surface): documents are added
// with each distinct term once, at its frequency (~600 walks instead of ~1,800 for a 9 KB
// document), and `execute-query.ts` reads the postings to score across shards with corpus-wide
// statistics and keep only the top candidates. The state stays MiniSearch's own, so `toJSON`
// and `loadJS` serialise it unchanged.
import MiniSearch from "minisearch";
import { z } from "zod";
import { INDEX_FIELDS } from "./index-document.js";

/** Postings of one term: per field id, document short id → term frequency. */
export type TermPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** The MiniSearch options every shard is created and loaded with (field ids follow `INDEX_FIELDS`). */
export const MINISEARCH_OPTIONS = {
  idField: "id",
  fields: [...INDEX_FIELDS],
  storeFields: [] as string[],
  // Terms come analysed (see `addTerms`); these only serve MiniSearch's own methods.
  tokenize: (value: string) => (value.length === 0 ? [] : value.split(" ")),
  processTerm: (term: string) => term,
  // Documents are removed exactly (never discarded), so there is nothing to vacuum.
  autoVacuum: false,
};

function frequencies(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const newPostings = () => new Map<number, Map<number, number>>();

/**
 * A shard's index as stored on disk: MiniSearch's state in flat arrays. MiniSearch's own
 * `toJSON` writes every posting as an object property (`{"1234": 2}`), which made a 5k-document
 * shard 25 MB of JSON that took ~1 s to parse and load; flat number arrays with delta-coded
 * document ids are about half the size and parse several times faster.
 */
export const CompactIndex = z.object({
  nextId: z.number().int().nonnegative(),
  /** short ids of the documents, ascending */
  shortIds: z.array(z.number().int().nonnegative()),
  /** document ids, in the order of `shortIds` */
  ids: z.array(z.string()),
  /** field lengths, `fieldCount` per document in the order of `shortIds` */
  fieldLengths: z.array(z.number().int().nonnegative()),
  averageFieldLength: z.array(z.number()),
  terms: z.array(z.string()),
  /**
   * per term: for each field holding it, `fieldId, n`, then `n` pairs of (short id minus the
   * previous short id, term frequency)
   */
  postings: z.array(z.array(z.number().int())),
});
/** A shard's index as stored on disk. */
export type CompactIndex = z.infer<typeof CompactIndex>;

/** A shard's MiniSearch index with read access to its postings and statistics. */
export class ShardMiniSearch extends MiniSearch<{ id: string }> {
  // Field lengths as one flat array (short id × field count + field id), built on the first query
  // after a change: the scoring loop reads one per posting, and a Map lookup there costs more.
  private lengths: Uint16Array | null = null;

  constructor() {
    super(MINISEARCH_OPTIONS);
  }

  /**
   * Adds a document from its terms per field (in field id order), as MiniSearch's `add` would
   * from the same tokens: field length = distinct terms, postings = term frequencies. Returns
   * the document's short id.
   */
  addTerms(id: string, fields: readonly (readonly string[])[]): number {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    this.lengths = null;
    const shortId = this._nextId++;
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    const count = this._documentCount++;
    const fieldLengths: number[] = [];
    this._fieldLength.set(shortId, fieldLengths);
    for (let fieldId = 0; fieldId < INDEX_FIELDS.length; fieldId++) {
      const counts = frequencies(fields[fieldId] ?? []);
      fieldLengths[fieldId] = counts.size;
      const average = this._avgFieldLength[fieldId] ?? 0;
      this._avgFieldLength[fieldId] = (average * count + counts.size) / (count + 1);
      for (const [term, frequency] of counts) {
        const postings = this._index.fetch(term, newPostings);
        let docs = postings.get(fieldId);
        if (!docs) postings.set(fieldId, (docs = new Map()));
        docs.set(shortId, frequency);
      }
    }
    return shortId;
  }

  /** Removes a document given the terms it was added with; returns false when it is not indexed. */
  removeTerms(id: string, fields: readonly (readonly string[])[]): boolean {
    const shortId = this._idToShortId.get(id);
    if (shortId === undefined) return false;
    this.lengths = null;
    const count = this._documentCount;
    const fieldLengths = this._fieldLength.get(shortId) ?? [];
    for (let fieldId = 0; fieldId < INDEX_FIELDS.length; fieldId++) {
      const length = fieldLengths[fieldId] ?? 0;
      this._avgFieldLength[fieldId] = count <= 1 ? 0 : ((this._avgFieldLength[fieldId] ?? 0) * count - length) / (count - 1);
      for (const term of new Set(fields[fieldId] ?? [])) {
        const postings = this._index.get(term);
        const docs = postings?.get(fieldId);
        if (!postings || !docs?.delete(shortId)) {
          throw new Error(`vanban search: term "${term}" of ${id} is not in field ${INDEX_FIELDS[fieldId]}; the stored text no longer matches the index`);
        }
        if (docs.size === 0) postings.delete(fieldId);
        if (postings.size === 0) this._index.delete(term);
      }
    }
    this._fieldLength.delete(shortId);
    this._documentIds.delete(shortId);
    this._idToShortId.delete(id);
    this._storedFields.delete(shortId);
    this._documentCount -= 1;
    return true;
  }

  /** Every document's field lengths, at `shortId * fieldCount + fieldId` (lengths above 65,535 saturate). */
  fieldLengths(): Uint16Array {
    if (this.lengths) return this.lengths;
    const fieldCount = Object.keys(this._fieldIds).length;
    const lengths = new Uint16Array(this._nextId * fieldCount);
    for (const [shortId, perField] of this._fieldLength) {
      for (let f = 0; f < fieldCount; f++) lengths[shortId * fieldCount + f] = Math.min(perField[f] ?? 0, 0xffff);
    }
    return (this.lengths = lengths);
  }

  /** The index state as flat arrays (see `CompactIndex`). */
  toCompact(): CompactIndex {
    const shortIds = [...this._documentIds.keys()].sort((a, b) => a - b);
    const fieldCount = INDEX_FIELDS.length;
    const fieldLengths: number[] = [];
    for (const shortId of shortIds) {
      const lengths = this._fieldLength.get(shortId) ?? [];
      for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[f] ?? 0);
    }
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, fields] of this._index) {
      const flat: number[] = [];
      for (const [fieldId, docs] of fields) {
        flat.push(fieldId, docs.size);
        let previous = 0;
        for (const [doc, frequency] of docs) {
          flat.push(doc - previous, frequency);
          previous = doc;
        }
      }
      terms.push(term);
      postings.push(flat);
    }
    return {
      nextId: this._nextId,
      shortIds,
      ids: shortIds.map((shortId) => this._documentIds.get(shortId) as string),
      fieldLengths,
      averageFieldLength: [...this._avgFieldLength],
      terms,
      postings,
    };
  }

  /** Rebuilds a shard index from `toCompact()` output; throws on inconsistent data. */
  static fromCompact(compact: CompactIndex): ShardMiniSearch {
    const shard = new ShardMiniSearch();
    const fieldCount = INDEX_FIELDS.length;
    const arrays = [compact?.shortIds, compact?.ids, compact?.fieldLengths, compact?.averageFieldLength, compact?.terms, compact?.postings];
    if (typeof compact?.nextId !== "number" || !arrays.every(Array.isArray)) throw new Error("not a compact index");
    const { shortIds, ids, fieldLengths, terms, postings } = compact;
    if (ids.length !== shortIds.length || fieldLengths.length !== shortIds.length * fieldCount || postings.length !== terms.length) {
      throw new Error("inconsistent array lengths");
    }
    shortIds.forEach((shortId, i) => {
      if (shortId >= compact.nextId) throw new Error(`short id ${shortId} beyond nextId`);
      shard._documentIds.set(shortId, ids[i]!);
      shard._idToShortId.set(ids[i]!, shortId);
      shard._fieldLength.set(shortId, fieldLengths.slice(i * fieldCount, (i + 1) * fieldCount));
    });
    shard._documentCount = shortIds.length;
    shard._nextId = compact.nextId;
    shard._avgFieldLength = [...compact.averageFieldLength];
    terms.forEach((term, t) => {
      const flat = postings[t]!;
      if (!Array.isArray(flat) || typeof term !== "string") throw new Error(`bad postings at term ${t}`);
      const fields = new Map<number, Map<number, number>>();
      let i = 0;
      while (i < flat.length) {
        const fieldId = flat[i++]!;
        const n = flat[i++]!;
        if (fieldId < 0 || fieldId >= fieldCount || !(n > 0) || i + 2 * n > flat.length) throw new Error(`bad postings for "${term}"`);
        const docs = new Map<number, number>();
        let doc = 0;
        for (let k = 0; k < n; k++) {
          doc += flat[i++]!;
          docs.set(doc, flat[i++]!);
        }
        fields.set(fieldId, docs);
      }
      shard._index.set(term, fields);
    });
    return shard;
  }

  /** The postings of `term`, if any document holds it. */
  postings(term: string): TermPostings | undefined {
    return this._index.get(term);
  }

  /** The terms that start with `prefix` (itself included), with their postings. */
  *termsWithPrefix(prefix: string): IterableIterator<[string, TermPostings]> {
    yield* this._index.atPrefix(prefix);
  }

  /** True when some term starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    for (const _ of this._index.atPrefix(prefix)) return true;
    return false;
  }

  /** The terms within `maxDistance` edits of `term`, with their postings and distance. */
  termsNear(term: string, maxDistance: number): Map<string, [TermPostings, number]> {
    return this._index.fuzzyGet(term, maxDistance);
  }

  /** The sum of all documents' lengths of a field. */
  fieldLengthSum(fieldId: number): number {
    return (this._avgFieldLength[fieldId] ?? 0) * this._documentCount;
  }

  /** One more than the largest short id ever given: the size of per-document arrays. */
  get slotCount(): number {
    return this._nextId;
  }

  /** The short id of a document id. */
  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /** The document id behind a short id. */
  idOf(shortId: number): string | undefined {
    return this._documentIds.get(shortId) as string | undefined;
  }

  /** The field id MiniSearch uses for `field`. */
  fieldIdOf(field: string): number {
    const id = this._fieldIds[field];
    if (id === undefined) throw new Error(`vanban search: unknown field ${field}`);
    return id;
  }
}

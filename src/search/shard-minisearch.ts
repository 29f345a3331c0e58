// MiniSearch as the inverted index of a shard. MiniSearch stores postings in a radix tree
// (prefix and typo lookups) and serialises them; its own `search` scores every matching
// document into a result object and sorts them all, with the statistics of one index only, and
// its `add` walks the radix tree once per token occurrence. This subclass works on the same
// state through MiniSearch's protected members (its extension surface): documents are added
// with each distinct term once, at its frequency (~600 walks instead of ~1,800 for a 9 KB
// document), and `execute-query.ts` reads the postings to score across shards with corpus-wide
// statistics and keep only the top candidates. The state is MiniSearch's own, except that a
// loaded shard keeps its postings packed in one typed array until a document changes them (see
// `PackedPostings`); `toJSON` unpacks them first.
import MiniSearch from "minisearch";
import { z } from "zod";
import { INDEX_FIELDS } from "./index-document.js";

/**
 * The postings of one term in a shard, read where they are: in MiniSearch's maps, or in place in
 * a loaded shard's packed array (unpacking them into maps made queries several times slower).
 */
export interface TermPostings {
  /** Calls `fn` with each field holding the term and the number of documents holding it there. */
  forEachField(fn: (fieldId: number, documents: number) => void): void;
  /** Calls `fn` with each document holding the term in field `fieldId`, with the term's frequency. */
  forEachDocument(fieldId: number, fn: (frequency: number, doc: number) => void): void;
  /** True when document `doc` holds the term in some field. */
  holds(doc: number): boolean;
}

class MapPostings implements TermPostings {
  constructor(private readonly fields: ReadonlyMap<number, ReadonlyMap<number, number>>) {}

  forEachField(fn: (fieldId: number, documents: number) => void): void {
    this.fields.forEach((docs, fieldId) => fn(fieldId, docs.size));
  }

  forEachDocument(fieldId: number, fn: (frequency: number, doc: number) => void): void {
    this.fields.get(fieldId)?.forEach(fn);
  }

  holds(doc: number): boolean {
    for (const docs of this.fields.values()) if (docs.has(doc)) return true;
    return false;
  }
}

/**
 * What queries read of a shard's inverted index: MiniSearch's state in memory (`ShardMiniSearch`),
 * or a saved shard read in place (`DiskShard`).
 */
export interface ShardPostingsReader {
  /** the number of documents */
  readonly documentCount: number;
  /** one more than the largest short id: the size of per-document arrays */
  readonly slotCount: number;
  /** The postings of `term`, if any document holds it. */
  postings(term: string): TermPostings | undefined;
  /** The terms that start with `prefix` (itself included). */
  termsWithPrefix(prefix: string): Iterable<string>;
  /** True when some term starts with `prefix`. */
  hasPrefix(prefix: string): boolean;
  /** The terms within `maxDistance` edits of `term`, with their distance. */
  termsNear(term: string, maxDistance: number): Map<string, number>;
  /** The sum of all documents' lengths of a field. */
  fieldLengthSum(fieldId: number): number;
  /** Every document's field lengths, at `shortId * fieldCount + fieldId`. */
  fieldLengths(): Uint16Array;
  /** The document id behind a short id. */
  idOf(shortId: number): string | undefined;
  /** The short id of a document id. */
  shortIdOf(id: string): number | undefined;
}

/** The postings of one term in place: `flat[start, end)` holds per field `fieldId, n`, then `n` pairs (short id delta, frequency). */
export class PackedTermPostings implements TermPostings {
  constructor(
    private readonly flat: Int32Array,
    private readonly start: number,
    private readonly end: number,
  ) {}

  forEachField(fn: (fieldId: number, documents: number) => void): void {
    const flat = this.flat;
    for (let i = this.start; i < this.end; i += 2 + 2 * flat[i + 1]!) fn(flat[i]!, flat[i + 1]!);
  }

  forEachDocument(fieldId: number, fn: (frequency: number, doc: number) => void): void {
    const flat = this.flat;
    for (let i = this.start; i < this.end; i += 2 + 2 * flat[i + 1]!) {
      if (flat[i] !== fieldId) continue;
      const stop = i + 2 + 2 * flat[i + 1]!;
      let doc = 0;
      for (let k = i + 2; k < stop; k += 2) {
        doc += flat[k]!;
        fn(flat[k + 1]!, doc);
      }
      return;
    }
  }

  holds(doc: number): boolean {
    const flat = this.flat;
    for (let i = this.start; i < this.end; i += 2 + 2 * flat[i + 1]!) {
      const stop = i + 2 + 2 * flat[i + 1]!;
      let current = 0;
      for (let k = i + 2; k < stop && current <= doc; k += 2) {
        current += flat[k]!;
        if (current === doc) return true;
      }
    }
    return false;
  }
}

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

/** Each distinct term of `terms` with the number of times it occurs. */
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

// What the radix tree holds per term: MiniSearch's maps (documents added or changed since the
// load), or the number of the term's range in the packed postings of a loaded shard.
type TreeValue = Map<number, Map<number, number>> | number;

/**
 * The postings of a loaded shard, packed: each term's flat postings (the `CompactIndex` layout)
 * one after another in one typed array. A map per term and field per posting was most of a loaded
 * index's heap (~23 KB a document) and of its load time; queries unpack the few terms they read.
 */
export interface PackedPostings {
  flat: Int32Array;
  /** term number → start of its range in `flat` (the range ends at the next term's start); one more entry than terms, the last `flat.length` */
  starts: Int32Array;
}

/** The postings of a `CompactIndex`, one term after another in one typed array (as a saved shard holds them). */
export function packPostings(postings: readonly (readonly number[])[]): PackedPostings {
  let total = 0;
  for (let t = 0; t < postings.length; t++) {
    const flat = postings[t];
    if (!Array.isArray(flat)) throw new Error(`bad postings at term ${t}`);
    total += flat.length;
  }
  const packed: PackedPostings = { flat: new Int32Array(total), starts: new Int32Array(postings.length + 1) };
  let at = 0;
  for (let t = 0; t < postings.length; t++) {
    const flat = postings[t]!;
    packed.starts[t] = at;
    for (let i = 0; i < flat.length; i++) {
      // An Int32Array stores anything: what would not survive the store (a fraction, NaN, a
      // number beyond 32 bits) is refused here.
      const value = flat[i]!;
      if ((value | 0) !== value) throw new Error(`bad postings at term ${t}`);
      packed.flat[at + i] = value;
    }
    at += flat.length;
  }
  packed.starts[postings.length] = at;
  return packed;
}

/** A shard's MiniSearch index with read access to its postings and statistics. */
export class ShardMiniSearch extends MiniSearch<{ id: string }> implements ShardPostingsReader {
  // Field lengths as one flat array (short id × field count + field id), built on the first query
  // after a change: the scoring loop reads one per posting, and a Map lookup there costs more.
  private lengths: Uint16Array | null = null;
  private packed: PackedPostings | null = null;

  private get tree(): Map<string, TreeValue> & { atPrefix(prefix: string): Iterable<[string, TreeValue]>; fuzzyGet(term: string, distance: number): Map<string, [TreeValue, number]>; fetch(term: string, make: () => TreeValue): TreeValue } {
    return this._index as never;
  }

  // The term's postings as maps, packed ones unpacked into new maps (for changes and `toJSON`).
  private unpack(value: TreeValue): Map<number, Map<number, number>> {
    if (typeof value !== "number") return value;
    const { flat, starts } = this.packed!;
    const fields = new Map<number, Map<number, number>>();
    let i = starts[value]!;
    const end = starts[value + 1]!;
    while (i < end) {
      const fieldId = flat[i++]!;
      const n = flat[i++]!;
      const docs = new Map<number, number>();
      let doc = 0;
      for (let k = 0; k < n; k++) {
        doc += flat[i++]!;
        docs.set(doc, flat[i++]!);
      }
      fields.set(fieldId, docs);
    }
    return fields;
  }

  // The term's postings to change: unpacked for good when packed.
  private mutablePostings(term: string, create: boolean): Map<number, Map<number, number>> | undefined {
    const value = this.tree.get(term);
    if (value === undefined) {
      if (!create) return undefined;
      const fresh = newPostings();
      this.tree.set(term, fresh);
      return fresh;
    }
    if (typeof value !== "number") return value;
    const unpacked = this.unpack(value);
    this.tree.set(term, unpacked);
    return unpacked;
  }

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
        const postings = this.mutablePostings(term, true)!;
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
        const postings = this.mutablePostings(term, false);
        const docs = postings?.get(fieldId);
        if (!postings || !docs?.delete(shortId)) {
          throw new Error(`vanban search: term "${term}" of ${id} is not in field ${INDEX_FIELDS[fieldId]}; the stored text no longer matches the index`);
        }
        if (docs.size === 0) postings.delete(fieldId);
        if (postings.size === 0) this.tree.delete(term);
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
    const packed = this.packed;
    for (const [term, value] of this.tree) {
      if (typeof value === "number") {
        terms.push(term);
        postings.push(Array.from(packed!.flat.subarray(packed!.starts[value]!, packed!.starts[value + 1]!)));
        continue;
      }
      const flat: number[] = [];
      for (const [fieldId, docs] of value) {
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
    if (!Array.isArray(compact?.terms) || !Array.isArray(compact?.postings) || compact.postings.length !== compact.terms.length) {
      throw new Error("not a compact index");
    }
    return ShardMiniSearch.fromPacked(compact, packPostings(compact.postings));
  }

  /**
   * Rebuilds a shard index from `toCompact()` output whose postings come packed (as a saved shard
   * holds them: `packPostings`); throws on inconsistent data, the postings' layout included.
   */
  static fromPacked(compact: Omit<CompactIndex, "postings">, packed: PackedPostings): ShardMiniSearch {
    const shard = new ShardMiniSearch();
    const fieldCount = INDEX_FIELDS.length;
    const arrays = [compact?.shortIds, compact?.ids, compact?.fieldLengths, compact?.averageFieldLength, compact?.terms];
    if (typeof compact?.nextId !== "number" || !arrays.every(Array.isArray)) throw new Error("not a compact index");
    const { shortIds, ids, fieldLengths, terms } = compact;
    if (ids.length !== shortIds.length || fieldLengths.length !== shortIds.length * fieldCount || packed.starts.length !== terms.length + 1) {
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
    // Each term's range must hold whole fields: a field id, a count, and that many (short id
    // delta, frequency) pairs whose ids rise and stay below nextId; the ranges tile the array.
    const { flat, starts } = packed;
    if (starts[0] !== 0 || starts[terms.length] !== flat.length) throw new Error("postings ranges do not cover the postings");
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      const end = starts[t + 1]!;
      let i = starts[t]!;
      if (typeof term !== "string" || end < i) throw new Error(`bad postings at term ${t}`);
      while (i < end) {
        const fieldId = flat[i++]!;
        const n = flat[i++]!;
        if (fieldId < 0 || fieldId >= fieldCount || !(n > 0) || i + 2 * n > end) throw new Error(`bad postings for "${term}"`);
        let doc = 0;
        for (let k = 0; k < n; k++) {
          const delta = flat[i + 2 * k]!;
          doc += delta;
          if ((k > 0 && delta <= 0) || delta < 0 || doc >= compact.nextId) throw new Error(`bad postings for "${term}"`);
        }
        i += 2 * n;
      }
      shard.tree.set(term, t);
    }
    shard.packed = packed;
    return shard;
  }

  /** MiniSearch's own serialisation (packed postings are unpacked for good first). */
  override toJSON(): ReturnType<MiniSearch["toJSON"]> {
    for (const [term, value] of [...this.tree]) if (typeof value === "number") this.tree.set(term, this.unpack(value));
    this.packed = null;
    return super.toJSON();
  }

  /** The postings of `term`, if any document holds it. */
  postings(term: string): TermPostings | undefined {
    const value = this.tree.get(term);
    if (value === undefined) return undefined;
    if (typeof value !== "number") return new MapPostings(value);
    const { flat, starts } = this.packed!;
    return new PackedTermPostings(flat, starts[value]!, starts[value + 1]!);
  }

  /** The terms that start with `prefix` (itself included). */
  *termsWithPrefix(prefix: string): IterableIterator<string> {
    for (const [term] of this.tree.atPrefix(prefix)) yield term;
  }

  /** True when some term starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    for (const _ of this.tree.atPrefix(prefix)) return true;
    return false;
  }

  /** The terms within `maxDistance` edits of `term`, with their distance. */
  termsNear(term: string, maxDistance: number): Map<string, number> {
    const near = new Map<string, number>();
    for (const [found, [, distance]] of this.tree.fuzzyGet(term, maxDistance)) near.set(found, distance);
    return near;
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

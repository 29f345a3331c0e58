// A shard's index built straight into its saved form. A shard built only to be written (a search
// worker's) has no use for MiniSearch's maps: filling a map per term and field, then flattening
// them all on save, was most of the build. Here each term's postings are appended to flat arrays
// per field, and `toCompact` gives what `ShardMiniSearch.toCompact` gives for the same documents
// (terms possibly in another order), which `ShardMiniSearch.fromCompact` loads.
import { INDEX_FIELDS } from "./index-document.js";
import type { CompactIndex } from "./shard-minisearch.js";

/** One term's postings while a shard is built, and where its latest posting is. */
interface TermPostings {
  /** per field id: short id, term frequency, short id, term frequency, … */
  fields: (number[] | undefined)[];
  /** the document and field of the latest posting: a repeat there only counts up its frequency */
  document: number;
  field: number;
  /** index of the latest posting's frequency in `fields[field]` */
  at: number;
}

/** Builds a `CompactIndex` from documents' terms per field; write-only. */
export class CompactIndexBuilder {
  private readonly ids: string[] = [];
  private readonly fieldLengths: number[] = [];
  // Empty until the first document, as MiniSearch's (an empty shard saves the same either way).
  private readonly averageFieldLength: number[] = [];
  private readonly postings = new Map<string, TermPostings>();

  /** The number of documents added. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a document from its terms per field (in field id order), as `ShardMiniSearch.addTerms` does; returns its short id. */
  addTerms(id: string, fields: readonly (readonly string[])[]): number {
    const shortId = this.ids.length;
    this.ids.push(id);
    for (let fieldId = 0; fieldId < INDEX_FIELDS.length; fieldId++) {
      // One map lookup per occurrence: the term's postings record which document and field they
      // last grew in, so a repeat counts up that posting instead of going through a map of
      // frequencies per field first (which took as long as the rest of the build).
      let distinct = 0;
      for (const term of fields[fieldId] ?? []) {
        let postings = this.postings.get(term);
        if (!postings) this.postings.set(term, (postings = { fields: [], document: -1, field: -1, at: 0 }));
        if (postings.document === shortId && postings.field === fieldId) {
          postings.fields[fieldId]![postings.at]!++;
          continue;
        }
        const docs = (postings.fields[fieldId] ??= []);
        docs.push(shortId, 1);
        postings.document = shortId;
        postings.field = fieldId;
        postings.at = docs.length - 1;
        distinct++;
      }
      // MiniSearch's field length (distinct terms) and running average, computed the same way so
      // that scores come out the same.
      this.fieldLengths.push(distinct);
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] ?? 0) * shortId + distinct) / (shortId + 1);
    }
    return shortId;
  }

  /** The index in its saved form (see `CompactIndex`). */
  toCompact(): CompactIndex {
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, { fields }] of this.postings) {
      const flat: number[] = [];
      for (let fieldId = 0; fieldId < fields.length; fieldId++) {
        const docs = fields[fieldId];
        if (!docs) continue;
        flat.push(fieldId, docs.length / 2);
        let previous = 0;
        for (let k = 0; k < docs.length; k += 2) {
          flat.push(docs[k]! - previous, docs[k + 1]!);
          previous = docs[k]!;
        }
      }
      terms.push(term);
      postings.push(flat);
    }
    return {
      nextId: this.ids.length,
      shortIds: this.ids.map((_, i) => i),
      ids: [...this.ids],
      fieldLengths: [...this.fieldLengths],
      averageFieldLength: [...this.averageFieldLength],
      terms,
      postings,
    };
  }
}

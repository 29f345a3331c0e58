// A shard's index built straight into its saved form. A shard built only to be written (a search
// worker's) has no use for MiniSearch's maps: filling a map per term and field, then flattening
// them all on save, was most of the build. Here each term's postings are appended to flat arrays
// per field, and `toCompact` gives what `ShardMiniSearch.toCompact` gives for the same documents
// (terms possibly in another order), which `ShardMiniSearch.fromCompact` loads.
import { INDEX_FIELDS } from "./index-document.js";
import { frequencies, type CompactIndex } from "./shard-minisearch.js";

/** Builds a `CompactIndex` from documents' terms per field; write-only. */
export class CompactIndexBuilder {
  private readonly ids: string[] = [];
  private readonly fieldLengths: number[] = [];
  private readonly averageFieldLength: number[] = INDEX_FIELDS.map(() => 0);
  // term → per field id: short id, term frequency, short id, term frequency, …
  private readonly postings = new Map<string, (number[] | undefined)[]>();

  /** The number of documents added. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a document from its terms per field (in field id order), as `ShardMiniSearch.addTerms` does; returns its short id. */
  addTerms(id: string, fields: readonly (readonly string[])[]): number {
    const shortId = this.ids.length;
    this.ids.push(id);
    for (let fieldId = 0; fieldId < INDEX_FIELDS.length; fieldId++) {
      const counts = frequencies(fields[fieldId] ?? []);
      this.fieldLengths.push(counts.size);
      // MiniSearch's running average, computed the same way so that scores come out the same.
      this.averageFieldLength[fieldId] = (this.averageFieldLength[fieldId]! * shortId + counts.size) / (shortId + 1);
      for (const [term, frequency] of counts) {
        let perField = this.postings.get(term);
        if (!perField) this.postings.set(term, (perField = []));
        (perField[fieldId] ??= []).push(shortId, frequency);
      }
    }
    return shortId;
  }

  /** The index in its saved form (see `CompactIndex`). */
  toCompact(): CompactIndex {
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, perField] of this.postings) {
      const flat: number[] = [];
      for (let fieldId = 0; fieldId < perField.length; fieldId++) {
        const docs = perField[fieldId];
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

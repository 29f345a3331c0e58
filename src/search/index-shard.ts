// One shard: a MiniSearch index over at most `shardSize` documents, their summaries and their
// stored texts. Shards keep each serialised index well under V8's 512 MiB string limit (one JSON
// string per shard) and are saved one file each, so an update rewrites only the shards it touched.
import type { DocumentSummary, PreparedDocument } from "./index-document.js";
import { FilterColumns } from "./filter-columns.js";
import { buildFieldTerms } from "./index-terms.js";
import { ShardMiniSearch } from "./shard-minisearch.js";
import { ShardTexts } from "./shard-texts.js";

/** What a shard keeps in memory for each document besides MiniSearch's postings. */
export interface ShardEntry {
  summary: DocumentSummary;
  /** end offset of each text field in the stored text */
  segmentEnds: number[];
  numberTerms: string;
  refTerms: string;
}

/** What a shard keeps of a prepared document besides its text, and the terms it is indexed under. */
export function shardEntryOf(prepared: PreparedDocument): { entry: ShardEntry; terms: string[][] } {
  const { summary, text, segmentEnds, numberTerms, refTerms } = prepared;
  return { entry: { summary, segmentEnds, numberTerms, refTerms }, terms: buildFieldTerms(text, segmentEnds, numberTerms, refTerms) };
}

/** One file of a saved shard, as the manifest lists it. */
export interface StoredFile {
  file: string;
  bytes: number;
  sha256: string;
}

/** Where a shard was last saved to or loaded from. */
export interface StoredShard {
  /** absolute directory of the store */
  dir: string;
  /** bumped on every save of the shard, so that new files never overwrite the ones a reader may hold open */
  generation: number;
  index: StoredFile;
  text: StoredFile;
  postings: StoredFile;
}

/** A part of the index holding a bounded number of documents. */
export class IndexShard {
  readonly entries = new Map<string, ShardEntry>();
  readonly texts = new ShardTexts();
  readonly columns = new FilterColumns();
  /** true when the shard differs from its files on disk */
  dirty = true;
  /** the files it was last saved to or loaded from */
  stored: StoredShard | null = null;

  constructor(
    /** stable name, also the stem of its file names (`shard-0003`) */
    readonly name: string,
    readonly mini: ShardMiniSearch = new ShardMiniSearch(),
  ) {}

  /** The number of documents in the shard. */
  get size(): number {
    return this.entries.size;
  }

  /** Indexes a prepared document; its id must not be in the shard. */
  add(prepared: PreparedDocument): void {
    const { entry, terms } = shardEntryOf(prepared);
    const shortId = this.mini.addTerms(entry.summary.id, terms);
    this.entries.set(entry.summary.id, entry);
    this.columns.set(shortId, entry.summary);
    this.texts.set(entry.summary.id, prepared.text);
    this.dirty = true;
  }

  /** Takes back an entry of a document its loaded MiniSearch index already holds. */
  restore(entry: ShardEntry): void {
    const shortId = this.mini.shortIdOf(entry.summary.id);
    if (shortId === undefined) throw new Error(`vanban search: document ${entry.summary.id} is not in the index of ${this.name}`);
    this.entries.set(entry.summary.id, entry);
    this.columns.set(shortId, entry.summary);
  }

  /** Removes a document, rebuilding its terms from the stored text so that every posting goes. */
  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    const text = this.texts.get(id);
    if (text === undefined) throw new Error(`vanban search: the stored text of ${id} is missing from ${this.name}`);
    const shortId = this.mini.shortIdOf(id);
    this.mini.removeTerms(id, buildFieldTerms(text, entry.segmentEnds, entry.numberTerms, entry.refTerms));
    if (shortId !== undefined) this.columns.delete(shortId);
    this.entries.delete(id);
    this.texts.delete(id);
    this.dirty = true;
    return true;
  }
}

// One shard: a MiniSearch index over at most `shardSize` documents, their summaries and their
// stored texts. Shards keep each serialised index well under V8's 512 MiB string limit (one JSON
// string per shard) and are saved one file each, so an update rewrites only the shards it touched.
import type { IndexedSummary, PreparedDocument } from "./index-document.js";
import { FilterColumns } from "./filter-columns.js";
import { buildFieldTerms } from "./index-terms.js";
import { ShardMiniSearch, type CompactIndex, type ShardPostingsReader } from "./shard-minisearch.js";
import { DiskShard } from "./disk-shard.js";
import { ShardTexts, type TextLocation } from "./shard-texts.js";

/** What a shard keeps in memory for each document besides MiniSearch's postings. */
export interface ShardEntry {
  summary: IndexedSummary;
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
  readonly texts = new ShardTexts();
  /** true when the shard differs from its files on disk */
  dirty = true;
  /** the files it was last saved to or loaded from */
  stored: StoredShard | null = null;
  // In memory (built here, or a saved shard changed since its load), or read in place from disk.
  private memory: ShardMiniSearch | null;
  private disk: DiskShard | null = null;
  private entryMap: Map<string, ShardEntry> | null;
  private filterColumns: FilterColumns | null;

  constructor(
    /** stable name, also the stem of its file names (`shard-0003`) */
    readonly name: string,
    mini: ShardMiniSearch | DiskShard = new ShardMiniSearch(),
  ) {
    if (mini instanceof DiskShard) {
      this.disk = mini;
      this.memory = null;
      this.entryMap = null;
      this.filterColumns = null;
      this.texts.attach(mini.textPath, (id) => mini.textLocation(id));
    } else {
      this.memory = mini;
      this.entryMap = new Map();
      this.filterColumns = new FilterColumns();
    }
  }

  /** The shard's inverted index, for queries. */
  get mini(): ShardPostingsReader {
    return this.memory ?? this.disk!;
  }

  /** The shard's index as saved (`CompactIndex`), read whole from disk when the shard was never changed. */
  compact(): CompactIndex {
    return (this.memory ?? this.disk!.toMemory()).toCompact();
  }

  /** The number of documents in the shard. */
  get size(): number {
    return this.entryMap?.size ?? this.disk!.documentCount;
  }

  /** The entry of a document (summary, segment ends, number and reference terms). */
  entry(id: string): ShardEntry | undefined {
    return this.entryMap ? this.entryMap.get(id) : this.disk!.entry(id);
  }

  /** Every document's entry (a saved shard reads them all on the first call). */
  get entries(): ReadonlyMap<string, ShardEntry> {
    return (this.entryMap ??= this.disk!.entries());
  }

  /** The ids of the shard's documents. */
  ids(): Iterable<string> {
    if (this.entryMap) return this.entryMap.keys();
    const mini = this.disk!;
    return (function* () {
      for (let shortId = 0; shortId < mini.slotCount; shortId++) {
        const id = mini.idOf(shortId);
        if (id !== undefined) yield id;
      }
    })();
  }

  /** The filter columns of the documents (a saved shard reads every entry on the first filtered query). */
  get columns(): FilterColumns {
    if (!this.filterColumns) {
      const columns = new FilterColumns();
      for (const [id, entry] of this.entries) columns.set(this.mini.shortIdOf(id)!, entry.summary);
      this.filterColumns = columns;
    }
    return this.filterColumns;
  }

  // The shard in memory, to change it: a saved shard read in place is loaded whole first.
  private writable(): { mini: ShardMiniSearch; entries: Map<string, ShardEntry>; columns: FilterColumns } {
    if (!this.memory) {
      const entries = new Map(this.entries);
      const columns = this.columns;
      const disk = this.disk!;
      this.memory = disk.toMemory();
      this.entryMap = entries;
      this.filterColumns = columns;
      // The texts stay in the file, found from then on without the shard's document table.
      const locations = new Map<string, TextLocation>();
      for (const id of entries.keys()) locations.set(id, disk.textLocation(id)!);
      this.texts.attach(disk.textPath, (id) => locations.get(id));
      disk.close();
      this.disk = null;
    }
    return { mini: this.memory, entries: this.entryMap!, columns: this.filterColumns! };
  }

  /** Indexes a prepared document; its id must not be in the shard. */
  add(prepared: PreparedDocument): void {
    const { entry, terms } = shardEntryOf(prepared);
    const shard = this.writable();
    const shortId = shard.mini.addTerms(entry.summary.id, terms);
    shard.entries.set(entry.summary.id, entry);
    shard.columns.set(shortId, entry.summary);
    this.texts.set(entry.summary.id, prepared.text);
    this.dirty = true;
  }

  /** Removes a document, rebuilding its terms from the stored text so that every posting goes. */
  remove(id: string): boolean {
    const entry = this.entry(id);
    if (!entry) return false;
    const text = this.texts.get(id);
    if (text === undefined) throw new Error(`vanban search: the stored text of ${id} is missing from ${this.name}`);
    const shard = this.writable();
    const shortId = shard.mini.shortIdOf(id);
    shard.mini.removeTerms(id, buildFieldTerms(text, entry.segmentEnds, entry.numberTerms, entry.refTerms));
    if (shortId !== undefined) shard.columns.delete(shortId);
    shard.entries.delete(id);
    this.texts.delete(id);
    this.dirty = true;
    return true;
  }

  /** Closes the shard's files; it cannot be searched afterwards. */
  close(): void {
    this.texts.close();
    this.disk?.close();
  }
}

// The full-text index over a collection: records go in, are analysed once and spread over shards
// of at most `shardSize` documents; `search` queries all shards with corpus-wide statistics.
import type { DocumentRecord } from "../model/record.js";
import { prepareDocument, type IndexedSummary } from "./index-document.js";
import { IndexShard } from "./index-shard.js";

/** Options of a new index. */
export interface SearchIndexOptions {
  /**
   * The most documents a shard holds (default 20,000): small enough that a shard's JSON stays far
   * below V8's 512 MiB string limit (~130k documents of ~9 KB) and that updating one document
   * rewrites one bounded file.
   */
  shardSize?: number;
}

/** The default number of documents per shard. */
export const DEFAULT_SHARD_SIZE = 20_000;

/**
 * A Vietnamese-aware full-text index of document records, in shards.
 * @example
 * const index = new SearchIndex();
 * index.addAll(records);
 * search(index, "giáo dục 29/NQ-TW", { limit: 10 });
 */
export class SearchIndex {
  /** The most documents per shard. */
  readonly shardSize: number;
  /** The shards, in creation order; exposed for the store and for tests. */
  readonly shards: IndexShard[] = [];
  // Which shard holds each id: built on first need (a search never needs it), so that opening a
  // saved index reads no document ids.
  private owners: Map<string, IndexShard> | null = null;
  private saving = 0;

  constructor(options: SearchIndexOptions = {}) {
    const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
    if (!Number.isInteger(shardSize) || shardSize < 1) throw new RangeError(`shardSize must be a positive integer, got ${shardSize}`);
    this.shardSize = shardSize;
  }

  /** The number of documents in the index. */
  get size(): number {
    return this.owners?.size ?? this.shards.reduce((sum, shard) => sum + shard.size, 0);
  }

  private get shardOf(): Map<string, IndexShard> {
    if (!this.owners) {
      const owners = new Map<string, IndexShard>();
      for (const shard of this.shards) {
        for (const id of shard.ids()) {
          if (owners.has(id)) throw new Error(`vanban search: document ${id} is in two shards`);
          owners.set(id, shard);
        }
      }
      this.owners = owners;
    }
    return this.owners;
  }

  /** True when a document with this id is indexed. */
  has(id: string): boolean {
    return this.shardOf.has(id);
  }

  /** The ids of all indexed documents. */
  ids(): IterableIterator<string> {
    return this.shardOf.keys();
  }

  /** The summary (result-list fields) of a document. */
  summary(id: string): IndexedSummary | undefined {
    return this.shardOf.get(id)?.entry(id)?.summary;
  }

  /** The stored searchable text of a document: snippet and highlight offsets refer to it. */
  text(id: string): string | undefined {
    return this.shardOf.get(id)?.texts.get(id);
  }

  /** Indexes a record; throws when its id is already indexed (use `replace` to update). */
  add(record: DocumentRecord): void {
    this.assertWritable();
    if (this.shardOf.has(record.id)) throw new Error(`vanban search: document ${record.id} is already indexed`);
    this.place(record, this.openShard());
  }

  /** Indexes every record of `records` (see `add`). */
  addAll(records: Iterable<DocumentRecord>): void {
    for (const record of records) this.add(record);
  }

  /** Indexes a record, replacing the document with the same id if there is one (in the same shard). */
  replace(record: DocumentRecord): void {
    this.assertWritable();
    const shard = this.shardOf.get(record.id);
    if (shard) {
      shard.remove(record.id);
      this.place(record, shard);
    } else {
      this.place(record, this.openShard());
    }
  }

  /** Removes a document; returns false when it was not indexed. */
  remove(id: string): boolean {
    this.assertWritable();
    const shard = this.shardOf.get(id);
    if (!shard) return false;
    shard.remove(id);
    this.shardOf.delete(id);
    return true;
  }

  /** Closes the shards' text files; the index cannot be searched afterwards. */
  close(): void {
    for (const shard of this.shards) shard.close();
  }

  /**
   * Keeps the index from changing until the returned function is called (used by `saveIndex`,
   * whose files must match one state of the index).
   */
  freeze(): () => void {
    this.saving++;
    let released = false;
    return () => {
      if (!released) this.saving--;
      released = true;
    };
  }

  /** Adopts a shard read from disk (used by `loadIndex`). */
  adoptShard(shard: IndexShard): void {
    this.shards.push(shard);
    this.owners = null;
  }

  private assertWritable(): void {
    if (this.saving > 0) throw new Error("vanban search: the index cannot change while it is being saved");
  }

  private place(record: DocumentRecord, shard: IndexShard): void {
    shard.add(prepareDocument(record));
    this.shardOf.set(record.id, shard);
  }

  // New documents fill the last shard; earlier shards that lost documents are not refilled, so
  // that adding never rewrites an old shard file.
  private openShard(): IndexShard {
    const last = this.shards[this.shards.length - 1];
    if (last && last.size < this.shardSize) return last;
    const shard = new IndexShard(`shard-${String(this.nextShardNumber()).padStart(4, "0")}`);
    this.shards.push(shard);
    return shard;
  }

  private nextShardNumber(): number {
    let max = -1;
    for (const shard of this.shards) {
      const n = Number(/(\d+)$/.exec(shard.name)?.[1] ?? -1);
      if (n > max) max = n;
    }
    return max + 1;
  }
}

// Reading the cites index (write-cites-index.ts) without the citation graph: the block table is
// read whole and checked against the manifest, the data file is opened once (so a writer that
// replaces the store meanwhile does not change what this reader sees) and each lookup reads only
// the blocks its key may lie in, with positioned reads, each block checked against its SHA-256
// before any line of it is used. A damaged file is a `StoreError` naming it, never an answer.
import { createHash } from "node:crypto";
import { open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { matchReference, queryBucket, keyBucket, type CitationPick, type CitationRow, type CitationSource, type CitingContext, type IncomingEdge, type RefMatch, type ReferenceLabel } from "./citing-query.js";
import type { CitingSpan } from "./query-results.js";
import { DamagedLineError, readLine, type StoredRecord } from "./record-chunks.js";
import type { StoreCatalog } from "./read-store.js";
import { rebuildCommand, StoreError } from "../store/store-errors.js";
import type { CatalogEntry, CitationStatus, Relation } from "./store-format.js";
import type { CitesBlock, CitesLine } from "./write-cites-index.js";

const SHA256 = /^[0-9a-f]{64}$/;

/** The cites index of one store generation, opened for lookups (see the file comment). */
export class CitesIndex {
  private readonly cache = new Map<string, Promise<CitesLine[]>>();
  /** bytes read from the data file by lookups so far (for benchmarks and tests) */
  bytesRead = 0;

  private constructor(
    private readonly store: StoreCatalog,
    private readonly handle: FileHandle,
    private readonly blocks: readonly CitesBlock[],
  ) {}

  /** Opens the cites index the manifest of `store` names, checking the block table and the data file's size. */
  static async open(store: StoreCatalog): Promise<CitesIndex> {
    const { dir, manifest } = store;
    const { data, blocks } = manifest.cites;
    const fail = (file: string, why: string) => new StoreError("corrupt", dir, `the store ${dir} is damaged: ${file} ${why}`, rebuildCommand(dir, manifest.roots));
    const vanished = (error: unknown) =>
      (error as NodeJS.ErrnoException).code === "ENOENT" ? new StoreError("changed", dir, `the store ${dir} was rewritten while it was being read`, "run the command again") : null;
    let table: Buffer;
    try {
      table = await readFile(join(dir, blocks.file));
    } catch (error) {
      throw vanished(error) ?? fail(blocks.file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    if (table.length !== blocks.bytes) throw fail(blocks.file, `is ${table.length} bytes, the manifest says ${blocks.bytes} (truncated?)`);
    if (createHash("sha256").update(table).digest("hex") !== blocks.sha256) throw fail(blocks.file, "does not match its checksum");
    const parsed = parseBlockTable(table.toString("utf8"), data.bytes);
    if (!parsed) throw fail(blocks.file, "is not a block table of its data file");
    let handle: FileHandle;
    try {
      handle = await open(join(dir, data.file), "r");
    } catch (error) {
      throw vanished(error) ?? fail(data.file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    const size = (await handle.stat()).size;
    if (size !== data.bytes) {
      await handle.close();
      throw fail(data.file, `is ${size} bytes, the manifest says ${data.bytes} (truncated?)`);
    }
    return new CitesIndex(store, handle, parsed);
  }

  /** Closes the data file. */
  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The lines of a lookup key, in the order they were written. */
  lookup(key: string): Promise<CitesLine[]> {
    let found = this.cache.get(key);
    if (!found) {
      found = this.readKey(key);
      this.cache.set(key, found);
    }
    return found;
  }

  private async readKey(key: string): Promise<CitesLine[]> {
    // The blocks whose first key is at most `key`, from the last one that starts before it (a
    // key's lines may begin at the end of the block before the first that starts with it).
    const upTo = firstAbove(this.blocks, key, (first, k) => first > k);
    const from = Math.max(0, firstAbove(this.blocks, key, (first, k) => first >= k) - 1);
    if (upTo <= from) return [];
    const start = this.blocks[from]![1];
    const last = this.blocks[upTo - 1]!;
    const length = last[1] + last[2] - start;
    const buffer = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.handle.read(buffer, got, length - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.bytesRead += got;
    const out: CitesLine[] = [];
    for (let b = from; b < upTo; b++) {
      const [, offset, bytes, sha256] = this.blocks[b]!;
      const block = buffer.subarray(offset - start, offset - start + bytes);
      if (block.length !== bytes || createHash("sha256").update(block).digest("hex") !== sha256) throw this.damaged(`block at byte ${offset} does not match its checksum`);
      for (const text of block.toString("utf8").split("\n")) {
        if (!text) continue;
        let line: CitesLine;
        try {
          line = JSON.parse(text) as CitesLine;
        } catch {
          throw this.damaged(`holds a line that is not JSON in the block at byte ${offset}`);
        }
        if (line.k === key) out.push(line);
      }
    }
    return out;
  }

  private damaged(why: string): StoreError {
    const { dir, manifest } = this.store;
    return new StoreError("corrupt", dir, `the store ${dir} is damaged: ${manifest.cites.data.file} ${why}`, rebuildCommand(dir, manifest.roots));
  }

  /** Whether every reading of a match lies in lookup keys of the index (a query with neither number nor name does not). */
  answers(match: RefMatch): boolean {
    return match.queries.every((q) => queryBucket(q) !== null);
  }

  /** The index as the source of citing questions (citing-query.ts). */
  source(): CitationSource {
    const bucketsOf = (match: RefMatch) => [...new Set(match.queries.map((q) => queryBucket(q)!))];
    const linesOf = async (keys: readonly string[]) => (await Promise.all(keys.map((k) => this.lookup(k)))).flat();
    return {
      citationsFor: async (match) => {
        const lines = await linesOf([...bucketsOf(match), ...[...match.ids].map((id) => `@${id}`)]);
        return lines.flatMap((l): CitationRow[] => {
          if (!("c" in l)) return [];
          const [doc, index, key, status, target, candidates] = l.c;
          return [{ doc, index, key, status: status as CitationStatus, target, candidates }];
        });
      },
      incoming: async (node) =>
        (await this.lookup(`<${node}`)).flatMap((l): IncomingEdge[] => {
          if (!("e" in l)) return [];
          const [from, relation, citations] = l.e;
          return [{ from, relation: relation as Relation, citations: citations.map(([index, status, target]): CitationPick => ({ index, status: status as CitationStatus, target })) }];
        }),
      referencesFor: async (match) => (await linesOf(bucketsOf(match))).flatMap((l): ReferenceLabel[] => ("r" in l ? [{ key: l.r[0], label: l.r[1], order: l.r[2] }] : [])),
      referenceLabel: async (key) => {
        const bucket = keyBucket(key);
        if (!bucket) return undefined;
        for (const l of await this.lookup(bucket)) if ("r" in l && l.r[0] === key) return l.r[1];
        return undefined;
      },
    };
  }
}

// The index of the first block for which `above(first key, key)` holds (blocks are sorted by first key).
function firstAbove(blocks: readonly CitesBlock[], key: string, above: (first: string, key: string) => boolean): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (above(blocks[mid]![0], key)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// The block table, when it is one: blocks in key order that tile the data file exactly.
function parseBlockTable(text: string, dataBytes: number): CitesBlock[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const blocks = (json as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks)) return null;
  let at = 0;
  let previous = "";
  for (const b of blocks as unknown[]) {
    if (!Array.isArray(b) || b.length !== 4) return null;
    const [first, offset, bytes, sha256] = b as unknown[];
    if (typeof first !== "string" || offset !== at || typeof bytes !== "number" || !Number.isInteger(bytes) || bytes <= 0 || typeof sha256 !== "string" || !SHA256.test(sha256)) return null;
    if (first < previous) return null;
    previous = first;
    at += bytes;
  }
  return at === dataBytes ? (blocks as CitesBlock[]) : null;
}

/**
 * The citing questions of a store answered from its catalog and cites index: each citing
 * document's record is read for its sentences, the citation graph never.
 */
export function indexedCitingContext(store: StoreCatalog, index: CitesIndex): CitingContext & { byId: Map<string, number[]> } {
  const byId = new Map<string, number[]>();
  store.catalog.forEach((entry, i) => {
    const list = byId.get(entry.id);
    if (list) list.push(i);
    else byId.set(entry.id, [i]);
  });
  const { dir, manifest } = store;
  async function spans(entry: CatalogEntry, picks: readonly CitationPick[]): Promise<CitingSpan[]> {
    let text: string;
    try {
      text = await readLine(dir, entry);
    } catch (error) {
      if (error instanceof DamagedLineError) throw new StoreError("corrupt", dir, `the store ${dir} is damaged: ${error.message}`, rebuildCommand(dir, manifest.roots));
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StoreError("changed", dir, `the store ${dir} was rewritten while it was being read`, "run the command again");
      throw error;
    }
    const stored = JSON.parse(text) as StoredRecord;
    return picks.map(({ index, status, target }) => {
      const c = stored.record.citations[index]!;
      return { index, raw: c.raw, span: c.span, context: c.context, sentence: stored.sentences[index] ?? c.raw, key: c.key, status, target };
    });
  }
  return { catalog: store.catalog, byId, source: index.source(), spans };
}

/** Whether the index answers a reference (see `CitesIndex.answers`); throws a `ReferenceQueryError` when the reference names nothing. */
export function indexAnswers(context: CitingContext, index: CitesIndex, ref: string): boolean {
  return index.answers(matchReference(context.catalog, context.byId, ref));
}

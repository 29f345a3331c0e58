// The cites index, written with each store generation beside its graph: what `vanban cites` needs
// (per citation its key and where it leads, per graph node its incoming edges, the labels of
// cited documents outside the collection) as JSON lines sorted by a lookup key, cut into blocks
// of ~64 KB at line ends. A small block table (first key, offset, length and SHA-256 of each
// block) lets a reader find a key's blocks by binary search and read only those, checking each.
//
// Lookup keys (see citing-query.ts for the buckets):
//   #29, ~giao-duc   a citation whose key has that number or name; a reference outside the
//                    collection with such a key (`r` lines)
//   @<record id>     a citation that resolves to (or may be, or conflicts with) that document
//   <<node>          an edge into that graph node (a record id or a key), in the graph's order
import { createHash } from "node:crypto";
import { join } from "node:path";
import { AtomicFile, writeFileAtomic } from "../store/atomic-write.js";
import { citationsAt } from "./knowledge-base.js";
import { keyBucket } from "./citing-query.js";
import type { CatalogEntry, StoredFile } from "./store-format.js";
import type { StoreState } from "./read-store.js";

/** Bytes a block holds before the next line starts a new one: a lookup reads one or two of them. */
const BLOCK_BYTES = 1 << 16;

/** The files of a cites index, as the manifest records them. */
export interface CitesIndexFiles {
  data: StoredFile;
  blocks: StoredFile;
}

/** A block of the data file: [first lookup key, byte offset, byte length, SHA-256]. */
export type CitesBlock = [string, number, number, string];

/** Lines of the data file, as a reader sees them (arrays keep the file small). */
export type CitesLine =
  /** a citation: catalog position, citation index, key, status, target, candidates */
  | { k: string; c: [number, number, string | null, string, string | null, string[]] }
  /** an edge into the node: from, relation, then the [index, status, target] of from's citations of the node */
  | { k: string; e: [string, string, [number, string, string | null][]] }
  /** a reference outside the collection: key, label, order among the graph's references */
  | { k: string; r: [string, string, number] };

/** The names of a generation's cites index files. */
export function citesIndexNames(generation: number): { data: string; blocks: string } {
  return { data: `cites-${generation}.ndjson`, blocks: `cites-${generation}.blocks.json` };
}

// Every line of the index with its lookup key, in the order the graph gives them.
function* citesLines(catalog: readonly CatalogEntry[], graph: StoreState["graph"]): Generator<[string, CitesLine]> {
  for (let d = 0; d < graph.documents.length; d++) {
    const doc = graph.documents[d]!;
    for (let i = 0; i < doc.resolutions.length; i++) {
      const r = doc.resolutions[i]!;
      if (r.status === "self") continue;
      const key = doc.facts[i]!.key;
      const line = { c: [d, i, key, r.status, r.target, r.candidates] as [number, number, string | null, string, string | null, string[]] };
      const buckets = new Set<string>();
      const bucket = keyBucket(key);
      if (bucket) buckets.add(bucket);
      if (r.target) buckets.add(`@${r.target}`);
      for (const c of r.candidates) buckets.add(`@${c}`);
      for (const k of buckets) yield [k, { k, ...line }];
    }
  }
  const firstOf = new Map<string, number>();
  catalog.forEach((e, i) => {
    if (!firstOf.has(e.id)) firstOf.set(e.id, i);
  });
  // Stated relations before bare citations, as the graph in memory orders them (knowledge-base.ts).
  const edges = [...graph.edges].sort((a, b) => Number(a.relation === "cites") - Number(b.relation === "cites"));
  for (const edge of edges) {
    const at = firstOf.get(edge.from);
    const citations = at === undefined ? [] : citationsAt(graph.documents[at]!, edge.to).map((p) => [p.index, p.status, p.target] as [number, string, string | null]);
    const k = `<${edge.to}`;
    yield [k, { k, e: [edge.from, edge.relation, citations] }];
  }
  for (let order = 0; order < graph.references.length; order++) {
    const { key, label } = graph.references[order]!;
    const k = keyBucket(key);
    if (k) yield [k, { k, r: [key, label, order] }];
  }
}

/**
 * Writes the cites index of a store generation (data file and block table) atomically into `dir`;
 * the manifest written after it names both with their sizes and SHA-256.
 */
export async function writeCitesIndex(dir: string, generation: number, catalog: readonly CatalogEntry[], graph: StoreState["graph"]): Promise<CitesIndexFiles> {
  const lines: [string, string][] = [];
  for (const [k, line] of citesLines(catalog, graph)) lines.push([k, `${JSON.stringify(line)}\n`]);
  // Sorted by code unit, as the reader's binary search compares; stable, so a key keeps the graph's order.
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const names = citesIndexNames(generation);
  const file = await AtomicFile.create(join(dir, names.data));
  const blocks: CitesBlock[] = [];
  try {
    let block: Buffer[] = [];
    let blockBytes = 0;
    let first = "";
    const flush = async () => {
      if (blockBytes === 0) return;
      const data = Buffer.concat(block, blockBytes);
      blocks.push([first, file.bytes, data.length, createHash("sha256").update(data).digest("hex")]);
      await file.write(data);
      block = [];
      blockBytes = 0;
    };
    for (const [k, text] of lines) {
      if (blockBytes >= BLOCK_BYTES) await flush();
      if (blockBytes === 0) first = k;
      const bytes = Buffer.from(text, "utf8");
      block.push(bytes);
      blockBytes += bytes.length;
    }
    await flush();
  } catch (error) {
    await file.abort();
    throw error;
  }
  const data = await file.commit();
  const table = await writeFileAtomic(join(dir, names.blocks), JSON.stringify({ blocks }));
  return { data: { file: names.data, ...data }, blocks: { file: names.blocks, ...table } };
}

// The layout of a saved shard, made to be read in place: a query opens only the few terms,
// postings, documents and texts it needs, with positioned reads, instead of parsing every
// document's summary and rebuilding MiniSearch's radix tree from every term on start (which,
// with hashing every file, was most of what `vanban search` took, and grew with the collection).
//
// - `.json`, the header (small, checksummed in the manifest): counts, BM25 statistics, where each
//   section of the `.bin` file lies, and the first term of every block of the term dictionary.
// - `.bin`, little-endian: per term (sorted by JS string order) its postings range and CRC-32;
//   the postings (the `CompactIndex` layout); per short id the location and CRC-32 of the
//   document's text and record in the `.txt` file; per short id its field lengths (16 bits); the
//   term dictionary (blocks of `BLOCK_SIZE` terms joined by newlines); the ids by short id.
// - `.txt`: each document's compressed text (see shard-texts.ts), then each document's record
//   (summary, segment ends, number and reference terms) as JSON.
// A section read is checked against its CRC-32 when it is read, so damage is reported by the
// query that meets it rather than found by hashing hundreds of megabytes on every start.
import { endianness } from "node:os";
import { crc32 } from "node:zlib";
import { z } from "zod";

/** Terms per block of the dictionary: a lookup reads one block (~1 KB) after a binary search of the blocks' first terms. */
export const BLOCK_SIZE = 64;
/** Words per term in the term table: postings start, postings end (in 32-bit words), CRC-32. */
export const TERM_ROW = 3;
/** Words per short id in the document table: text offset, length, CRC-32, then record offset, length, CRC-32 (offset 0xffffffff: no document). */
export const DOC_ROW = 6;
/** The document table's mark of a short id no document holds. */
export const NO_DOCUMENT = 0xffffffff;

const Range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const CheckedRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** The header of a saved shard (its `.json` file). */
export const ShardHeader = z.object({
  name: z.string(),
  nextId: z.number().int().nonnegative(),
  documentCount: z.number().int().nonnegative(),
  averageFieldLength: z.array(z.number()),
  termCount: z.number().int().nonnegative(),
  /** per block of the dictionary: its first term, byte offset within the dictionary section, byte length, CRC-32 */
  blocks: z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()])),
  /** byte ranges `[offset, length]` in the `.bin` file (`[offset, length, crc]` for those read whole) */
  sections: z.object({
    terms: Range,
    postings: Range,
    docs: Range,
    lengths: CheckedRange,
    dictionary: Range,
    ids: CheckedRange,
  }),
});
/** The header of a saved shard. */
export type ShardHeader = z.infer<typeof ShardHeader>;

/** Where one document's text or record lies in a shard's `.txt` file, with its CRC-32. */
export interface StoredRange {
  offset: number;
  length: number;
  crc: number;
}

const LITTLE_ENDIAN = endianness() === "LE";
const swap32 = (v: number): number => ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff);

/** The bytes of 32-bit words, little-endian whatever the machine. */
export function wordBytes(words: Int32Array | Uint32Array): Uint8Array {
  const le = LITTLE_ENDIAN ? words : words.map(swap32);
  return new Uint8Array(le.buffer, le.byteOffset, le.byteLength);
}

/** 32-bit words read from little-endian bytes (copied when unaligned or on a big-endian machine). */
export function wordsOf<T extends Int32Array | Uint32Array>(bytes: Uint8Array, make: new (n: number) => T, view: new (buffer: ArrayBufferLike, offset: number, length: number) => T): T {
  let words: T;
  if (bytes.byteOffset % 4 === 0) words = new view(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  else {
    words = new make(bytes.length >> 2);
    new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  }
  if (!LITTLE_ENDIAN) for (let i = 0; i < words.length; i++) words[i] = swap32(words[i]!);
  return words;
}

/** The bytes of 16-bit numbers, little-endian, padded to a multiple of four bytes. */
export function halfWordBytes(values: Uint16Array): Uint8Array {
  const bytes = new Uint8Array((values.length * 2 + 3) & ~3);
  for (let i = 0; i < values.length; i++) {
    bytes[2 * i] = values[i]! & 0xff;
    bytes[2 * i + 1] = values[i]! >>> 8;
  }
  return bytes;
}

/** 16-bit numbers read from little-endian bytes. */
export function halfWordsOf(bytes: Uint8Array, count: number): Uint16Array {
  const values = new Uint16Array(count);
  for (let i = 0; i < count; i++) values[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return values;
}

/** The CRC-32 of some bytes (zlib's). */
export function checksumOf(bytes: Uint8Array): number {
  return crc32(bytes);
}

/** A damaged part of a saved shard, met while reading it. */
export class ShardReadError extends Error {
  constructor(
    /** the file, relative to the index directory */
    readonly file: string,
    /** what is wrong with it */
    readonly reason: string,
  ) {
    super(`${file} ${reason}`);
    this.name = "ShardReadError";
  }
}

// The few ZIP reading needs of a .docx (a ZIP of XML parts): the entry names from the central
// directory, and one entry's bytes, inflated by node:zlib with a cap on the output, so a ZIP bomb
// (a small part that inflates to gigabytes) is refused instead of filling memory. Offsets and
// sizes come from the file and are checked before use: a truncated or forged archive gives null
// or an error, never a throw.
import { inflateRawSync } from "node:zlib";

/** An entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const names = new TextDecoder("utf-8");

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The entries of a ZIP archive, or null when its central directory cannot be read. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-directory record is the last 22 bytes, unless a comment (up to 64 KiB) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) return null;
    const nameLength = u16(bytes, at + 28);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** One entry's content, inflated to at most `maxBytes`; an error in a few words when it cannot be read. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): { data: Uint8Array } | { error: string } {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return { error: `${entry.name}: damaged archive` };
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { error: `${entry.name}: truncated archive` };
  // 0xFFFFFFFF sizes are ZIP64 markers: a part of 4 GiB is no document's text anyway.
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.size > maxBytes) return { error: `${entry.name}: larger than ${maxBytes} bytes unpacked` };
  const raw = bytes.subarray(start, end);
  if (entry.method === 0) return { data: raw };
  if (entry.method !== 8) return { error: `${entry.name}: compression method ${entry.method} not supported` };
  try {
    // The declared size can lie; the cap on the output cannot.
    return { data: inflateRawSync(raw, { maxOutputLength: maxBytes }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === "ERR_BUFFER_TOO_LARGE" ? `${entry.name}: larger than ${maxBytes} bytes unpacked` : `${entry.name}: damaged compressed data` };
  }
}

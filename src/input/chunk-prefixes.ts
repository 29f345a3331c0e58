// Retrieval pipelines cut documents into chunks and glue a caption before each one
// (`Quyết định 435/QĐ-UBND năm 2020. Điều 1.`, `… CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG`). Such a
// caption repeats, word for word, at the start of several lines: it is furniture, not text.
import { startsBlock } from "../../grammars/document/line-patterns.js";

/** A caption repeated at line starts; `everywhere` when it also opens the text. */
export interface ChunkPrefix {
  prefix: string;
  everywhere: boolean;
}

const MIN_REPEATS = 3;

/** Finds the captions repeated at the start of at least three lines, outermost first. */
export function findChunkPrefixes(lines: readonly string[]): ChunkPrefix[] {
  const found: ChunkPrefix[] = [];
  let current = lines.map((l) => l.trim()).filter(Boolean);
  for (let level = 0; level < 2 && current.length; level++) {
    const counts = new Map<string, number>();
    for (const line of current) {
      const end = line.indexOf(". ");
      if (end < 8 || end > 120) continue;
      const prefix = line.slice(0, end + 2);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [prefix, n] of counts) if (n >= MIN_REPEATS && (!best || n > counts.get(best)!)) best = prefix;
    if (!best) break;
    const prefix = best;
    // Outside the first line, the caption is stripped only before a block start, so a real
    // heading that happens to open a chunk (`CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI …`) keeps its words.
    const everywhere = current[0]!.startsWith(prefix);
    found.push({ prefix, everywhere });
    current = current.map((l) => (l.startsWith(prefix) && (everywhere || startsBlock(l.slice(prefix.length))) ? l.slice(prefix.length) : l));
  }
  return found;
}

/** How many leading characters of `line` (already trimmed) are chunk captions. */
export function chunkPrefixLength(line: string, prefixes: readonly ChunkPrefix[]): number {
  let cut = 0;
  for (const p of prefixes) {
    const rest = line.slice(cut);
    if (rest.startsWith(p.prefix) && (p.everywhere || startsBlock(rest.slice(p.prefix.length)))) cut += p.prefix.length;
  }
  return cut;
}

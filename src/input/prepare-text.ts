// Unicode text → the clean text the grammars read: markdown marks stripped, wrapped lines
// re-joined, one logical line per paragraph, with a map back to the Unicode text.
import type { SOURCE_FORMATS } from "../model/record.js";
import { markdownToText } from "./markdown-to-text.js";
import { joinWrappedLines } from "./join-lines.js";
import type { OffsetMap } from "./offset-map.js";

/** The source formats the pipeline distinguishes: a file's own format (see SOURCE_FORMATS). */
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

// Marks that only markdown writes: a few of them make a .txt file markdown (converters save
// markdown under any name), but one stray `**` in a plain letter does not.
const MARKDOWN_SIGNALS = /^#{1,6}\s|<sup>|^\s*\|.*\|\s*$|\*\*[^*\n]+\*\*|^\s*[-*]\s+\*\*|\]\([^)]*\)/gmu;

/** Guesses whether text is markdown from its marks (a file name's extension wins when given). */
export function detectFormat(text: string, path?: string | null): SourceFormat {
  if (path && /\.(?:md|markdown|mdown)$/iu.test(path)) return "markdown";
  let signals = 0;
  MARKDOWN_SIGNALS.lastIndex = 0;
  while (MARKDOWN_SIGNALS.exec(text) && signals < 8) signals++;
  return signals >= 8 ? "markdown" : "text";
}

/** Strips markup and re-joins wrapped lines; `map` leads from the result back to `text`. */
export function prepareText(text: string, format: SourceFormat): { text: string; map: OffsetMap } {
  // Plain text goes through the markdown reader too: stray `**bold**` and `<sup>` marks are
  // common in .txt exports, and nothing else in a document reads as markdown once list markers
  // and indented blocks are kept as text (see markdown-to-text.ts).
  const plain = markdownToText(text);
  const joined = joinWrappedLines(plain.text, { hardBlocks: format === "markdown" });
  return { text: joined.text, map: joined.map.composeWith(plain.map) };
}

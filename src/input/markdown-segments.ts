// Where a large markdown text may be cut for remark. remark's tree costs some 150 bytes per
// source character, and micromark resolves emphasis and link labels over a whole paragraph in
// time that grows with the square of its length (a 350 KB line took 6 s, a 3.5 MB one ten
// minutes). So a text past a chunk's length is read in chunks cut at blank lines, and a block too
// long to be a paragraph of a document is not read by remark at all: the light reader strips its
// marks. Texts of a usual size are one segment, read exactly as before.

/** A piece of the source: read by remark, or (`light`) only stripped of its marks. */
export interface MarkdownSegment {
  start: number;
  end: number;
  light: boolean;
}

/** How large a piece remark is given: texts up to `chunk` are never cut. */
export interface SegmentLimits {
  chunk: number;
  block: number;
}

/** The default limits: 256 KiB chunks; blocks over 32 KiB (a paragraph of a document is some 2 KiB) are stripped. */
export const SEGMENT_LIMITS: SegmentLimits = { chunk: 256 * 1024, block: 32 * 1024 };

/**
 * A delimiter row of a GFM table, as this project takes one (two columns or more, three dashes
 * each): a text holding one is read with tables (remark-gfm, or the light reader's tables), and a
 * block holding one is a table block, whose rows are read cell by cell in linear time, however
 * long the table.
 */
export const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/mu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;

/** Cuts `source` into segments that tile it, at blank lines outside fenced code. */
export function segmentMarkdown(source: string, limits: SegmentLimits = SEGMENT_LIMITS): MarkdownSegment[] {
  if (source.length <= limits.chunk && source.length <= limits.block) return [{ start: 0, end: source.length, light: false }];
  const segments: MarkdownSegment[] = [];
  let segmentStart = 0;
  let blocksInSegment = 0;
  const close = (end: number) => {
    if (end > segmentStart) segments.push({ start: segmentStart, end, light: false });
    segmentStart = end;
    blocksInSegment = 0;
  };
  const addBlock = (start: number, end: number) => {
    if (end - start > limits.block && !TABLE_DELIMITER_ROW.test(source.slice(start, end))) {
      close(start);
      segments.push({ start, end, light: true });
      segmentStart = end;
      return;
    }
    if (blocksInSegment > 0 && end - segmentStart > limits.chunk) close(start);
    blocksInSegment++;
  };
  let blockStart = -1;
  let blockEnd = 0;
  let fence: string | null = null;
  for (let pos = 0; pos <= source.length; ) {
    let end = source.indexOf("\n", pos);
    if (end < 0) end = source.length;
    const line = source.slice(pos, end);
    const blank = fence === null && line.trim() === "";
    if (blank) {
      if (blockStart >= 0) addBlock(blockStart, blockEnd);
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = pos;
      blockEnd = end;
      const marks = FENCE.exec(line)?.[1];
      if (marks && fence === null) fence = marks;
      else if (marks && fence !== null && marks[0] === fence[0] && marks.length >= fence.length && line.trim() === marks) fence = null;
    }
    pos = end + 1;
  }
  if (blockStart >= 0) addBlock(blockStart, blockEnd);
  close(source.length);
  return segments;
}

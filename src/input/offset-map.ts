// Every stage of src/input rewrites text (decoding, character repair, markdown stripping, line
// joining) yet spans must lead back to what the user's file said. Each stage builds its output
// through a TextBuilder, which records, run by run, where each output character came from; maps
// compose, so the final clean text maps straight back to the decoded original.

/**
 * A monotone map from output offsets to source offsets, stored as runs: output offset `out[i]`
 * corresponds to source offset `src[i]`, and following characters advance together while
 * `copied[i]` is true (text copied as is); an inserted run maps every character to `src[i]`.
 */
export class OffsetMap {
  readonly out: number[];
  readonly src: number[];
  readonly copied: boolean[];
  readonly outLength: number;
  readonly srcLength: number;

  constructor(out: number[], src: number[], copied: boolean[], outLength: number, srcLength: number) {
    this.out = out;
    this.src = src;
    this.copied = copied;
    this.outLength = outLength;
    this.srcLength = srcLength;
  }

  /** The map of a stage that changed nothing. */
  static identity(length: number): OffsetMap {
    return new OffsetMap([0], [0], [true], length, length);
  }

  /** The source offset of output offset `offset` (the end maps to the source's end). */
  toSource(offset: number): number {
    return this.sourceIn(offset, offset > 0 && offset < this.outLength ? this.runAt(offset) : 0);
  }

  /** `toSource(offset)`, given the run `run` that holds `offset` (`runAt(offset)`). */
  private sourceIn(offset: number, run: number): number {
    if (offset >= this.outLength) return this.srcLength;
    if (offset <= 0) return this.out.length ? this.src[0]! : 0;
    const base = this.src[run]!;
    return this.copied[run] ? Math.min(base + (offset - this.out[run]!), this.srcLength) : base;
  }

  /** This map followed by `earlier` (which maps this map's source to an earlier source). */
  composeWith(earlier: OffsetMap): OffsetMap {
    const out: number[] = [];
    const src: number[] = [];
    const copied: boolean[] = [];
    // The run of `earlier` that holds the offset looked up. Source offsets come in increasing
    // order (maps are monotone), so it only moves forward: a binary search per run made
    // composing the stages' maps a few per cent of the parse.
    let j = 0;
    const runOf = (s: number): number => {
      if (earlier.out[j]! > s) j = earlier.runAt(s);
      while (j + 1 < earlier.out.length && earlier.out[j + 1]! <= s) j++;
      return j;
    };
    for (let i = 0; i < this.out.length; i++) {
      const start = this.out[i]!;
      const end = i + 1 < this.out.length ? this.out[i + 1]! : this.outLength;
      if (!this.copied[i]) {
        const s = this.src[i]!;
        out.push(start);
        src.push(earlier.sourceIn(s, runOf(s)));
        copied.push(false);
        continue;
      }
      // A copied run may cross several runs of the earlier map: split it at their starts.
      let pos = start;
      while (pos < end) {
        const s = this.src[i]! + (pos - start);
        const run = runOf(s);
        const runEnd = run + 1 < earlier.out.length ? earlier.out[run + 1]! : earlier.outLength;
        const take = Math.max(1, Math.min(end - pos, runEnd - s));
        out.push(pos);
        src.push(earlier.sourceIn(s, run));
        copied.push(earlier.copied[run]!);
        pos += take;
      }
    }
    return new OffsetMap(out, src, copied, this.outLength, earlier.srcLength);
  }

  /** The index of the last run starting at or before `offset` (binary search). */
  private runAt(offset: number): number {
    let lo = 0;
    let hi = this.out.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.out[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Builds an output string together with its OffsetMap back to the source it is made from. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private out: number[] = [];
  private src: number[] = [];
  private copied: boolean[] = [];
  // The source offset that the next copied character is expected at, to merge adjacent runs.
  private nextSrc = -1;

  /** Appends source text `text` that starts at source offset `srcOffset`, unchanged. */
  copy(text: string, srcOffset: number): void {
    if (!text) return;
    if (!(this.copied.length && this.copied[this.copied.length - 1] && this.nextSrc === srcOffset)) {
      this.out.push(this.length);
      this.src.push(srcOffset);
      this.copied.push(true);
    }
    this.parts.push(text);
    this.length += text.length;
    this.nextSrc = srcOffset + text.length;
  }

  /** Appends text that replaces (or is inserted at) source offset `srcOffset`. */
  insert(text: string, srcOffset: number): void {
    if (!text) return;
    this.out.push(this.length);
    this.src.push(srcOffset);
    this.copied.push(false);
    this.parts.push(text);
    this.length += text.length;
    this.nextSrc = -1;
  }

  /** The length of what has been built so far. */
  get size(): number {
    return this.length;
  }

  /** The last character built, or "" when nothing is. */
  lastChar(): string {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i]!;
      if (p.length) return p[p.length - 1]!;
    }
    return "";
  }

  /** The text and its map; `srcLength` is the length of the source it was built from. */
  finish(srcLength: number): { text: string; map: OffsetMap } {
    const text = this.parts.join("");
    const map = this.out.length ? new OffsetMap(this.out, this.src, this.copied, text.length, srcLength) : new OffsetMap([0], [0], [false], 0, srcLength);
    return { text, map };
  }
}

// Text as word processors store it: runs of characters, each set in a named font. Legacy
// Vietnamese documents (Word .doc, RTF, a .docx converted from either) say how each run's bytes
// are encoded only through that name: `.VnTime` is TCVN3, `VNI-Times` is VNI. The readers of
// those formats hand their text on as font runs, and decode-font-runs.ts decodes each run by its
// font.

/** A stretch of text set in one font; `font` is null when the format does not say. */
export interface FontRun {
  text: string;
  font: string | null;
}

/** Appends text to the last run when the font is the same, else starts a new run. */
export function appendRun(runs: FontRun[], text: string, font: string | null): void {
  if (!text) return;
  const last = runs[runs.length - 1];
  if (last && last.font === font) last.text += text;
  else runs.push({ text, font });
}

/**
 * A table row's runs. A row of one-line cells is one line, its cells separated by ` | `; a row of
 * cells holding several paragraphs (a layout table: issuer beside national motto) gives each
 * cell's lines one after another, as read-docx.ts does.
 */
export function tableRowRuns(cells: FontRun[][]): FontRun[] {
  const trimmed = cells.map(trimTrailingBreaks);
  const out: FontRun[] = [];
  if (trimmed.every((c) => c.every((r) => !r.text.includes("\n")))) {
    if (!trimmed.some((c) => c.some((r) => r.text.trim()))) return out;
    trimmed.forEach((c, i) => {
      if (i > 0) appendRun(out, " | ", null);
      for (const r of c) appendRun(out, r.text, r.font);
    });
    appendRun(out, "\n", null);
    return out;
  }
  for (const c of trimmed) {
    if (!c.some((r) => r.text.trim())) continue;
    for (const r of c) appendRun(out, r.text, r.font);
    appendRun(out, "\n", null);
  }
  return out;
}

/** A copy of runs without the line breaks at their end. */
export function trimTrailingBreaks(runs: FontRun[]): FontRun[] {
  const copy = runs.map((r) => ({ ...r }));
  while (copy.length) {
    const last = copy[copy.length - 1]!;
    last.text = last.text.replace(/\n+$/, "");
    if (last.text) break;
    copy.pop();
  }
  return copy;
}

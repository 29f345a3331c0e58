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

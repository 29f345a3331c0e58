// Scanned pages → text, with Tesseract and its Vietnamese model (Debian: tesseract-ocr,
// tesseract-ocr-vie), each page rendered by poppler's pdftoppm. The command-line engine was
// measured against tesseract.js on the same pages and chosen (README, "PDF and scanned pages"):
// it is the same engine, native, with the model Debian ships, and needs no download at run time.
// The words come back with their boxes and go through the same layout and furniture removal as a
// text layer, so a scan's header columns and running heads are read as a text layer's are.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PdfTextItem } from "./read-pdf.js";

/** One page read by OCR: its words placed as text items (in points, as a text layer places them) and the engine's mean word confidence (0–100). */
export interface OcrPage {
  number: number;
  items: PdfTextItem[];
  confidence: number;
}

/** The one line a user sees when a scan needs OCR and the tools are missing. */
export const OCR_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

/** Options of `ocrPdfPages`. */
export interface OcrOptions {
  /** Rendering resolution; 300 dpi is what Tesseract is trained for. */
  dpi?: number;
  /** Tesseract language(s). */
  language?: string;
}

/**
 * Renders the given pages of a PDF and reads them with Tesseract; never throws. Says which
 * command installs the tools when they are missing.
 * @example await ocrPdfPages(readFileSync("scan.pdf"), [1, 2])
 */
export async function ocrPdfPages(bytes: Uint8Array, pages: readonly { number: number; height: number }[], options: OcrOptions = {}): Promise<{ pages: OcrPage[] } | { problem: string }> {
  const dpi = options.dpi ?? 300;
  const language = options.language ?? "vie";
  const missing = await missingTools(language);
  if (missing) return { problem: `OCR needed, but ${missing} is not installed: ${OCR_INSTALL}` };
  const dir = await mkdtemp(join(tmpdir(), "vanban-ocr-"));
  try {
    const pdf = join(dir, "in.pdf");
    await writeFile(pdf, bytes);
    const out: OcrPage[] = [];
    for (const { number, height } of pages) {
      const image = join(dir, `page-${number}`);
      await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", "-singlefile", "-f", String(number), "-l", String(number), pdf, image]);
      const tsv = await run("tesseract", [`${image}.png`, "stdout", "-l", language, "tsv"]);
      out.push({ number, ...readTsv(tsv, 72 / dpi, height) });
      await rm(`${image}.png`, { force: true });
    }
    return { pages: out };
  } catch (error) {
    return { problem: `OCR failed: ${String((error as Error)?.message ?? error).split("\n")[0]}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Tesseract's TSV: one row per word with its box (pixels from the top left), its block,
// paragraph and line, and a confidence. Words become text items in points from the bottom left,
// each sized by its line's height, so the layout of a text layer applies to a scan unchanged.
function readTsv(tsv: string, scale: number, pageHeight: number): { items: PdfTextItem[]; confidence: number } {
  const items: PdfTextItem[] = [];
  let lineHeight = 0;
  let lineBottom = 0;
  let sum = 0;
  let count = 0;
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols.length < 12) continue;
    const [left, top, width, height] = [Number(cols[6]), Number(cols[7]), Number(cols[8]), Number(cols[9])];
    if (cols[0] === "4") {
      lineHeight = height * scale;
      lineBottom = (top + height) * scale;
      continue;
    }
    if (cols[0] !== "5") continue;
    const word = cols[11]!.trim().normalize("NFC");
    if (!word) continue;
    // A line's box runs from the tallest ascender to the lowest descender: some 1.2 font sizes.
    const size = Math.max(1, lineHeight / 1.2);
    items.push({ text: word, x: left * scale, y: pageHeight - lineBottom + 0.2 * size, width: width * scale, size, index: items.length });
    const conf = Number(cols[10]);
    if (conf >= 0) {
      sum += conf;
      count++;
    }
  }
  return { items, confidence: count ? Math.round((sum / count) * 10) / 10 : 0 };
}

// The first of the tools that is not there, or null.
async function missingTools(language: string): Promise<string | null> {
  try {
    await run("pdftoppm", ["-v"]);
  } catch {
    return "pdftoppm (poppler-utils)";
  }
  let langs: string;
  try {
    langs = await run("tesseract", ["--list-langs"]);
  } catch {
    return "tesseract (tesseract-ocr)";
  }
  const wanted = language.split("+");
  const have = new Set(langs.split(/\s+/u));
  const lacking = wanted.find((l) => !have.has(l));
  return lacking ? `Tesseract's ${lacking} model (tesseract-ocr-${lacking})` : null;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // OMP threads: Tesseract's own parallelism fights the caller's worker threads on small machines.
    execFile(command, args, { maxBuffer: 64 << 20, encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command}: ${(stderr || error.message).trim()}`));
      else resolve(stdout || stderr);
    });
  });
}

// A PDF → the text the parser reads, deciding page by page between the text layer and OCR: a page
// whose text layer is empty, holds only furniture (the gazette's running head over a scanned
// body), or is garbage (a font without a true ToUnicode map) is rendered and read by Tesseract.
import type { Diagnostic } from "../model/record.js";
import { ocrPdfPages } from "./ocr-pages.js";
import { buildPdfText, type PdfText } from "./pdf-text.js";
import { readPdf, type PdfLimits } from "./read-pdf.js";

/** A page's text came from OCR, with the engine's confidence. */
export interface OcrNote {
  page: number;
  confidence: number;
}

/** A PDF's text, ready to parse, or why it has none. */
export type PdfDocument = (PdfText & { pageCount: number; ocr: OcrNote[]; diagnostics: Diagnostic[]; work: number }) | { problem: string };

/** Options of `readPdfDocument`. */
export interface PdfReadOptions extends PdfLimits {
  /** Read pages without a usable text layer by OCR (default true); false leaves them empty, with a diagnostic. */
  ocr?: boolean;
}

// A page whose text layer holds fewer letters than this, once furniture is removed, is a scan.
const SCAN_LETTERS = 40;

/**
 * Reads a PDF into text: the text layer where it is usable, OCR where it is not; never throws.
 * @example const pdf = await readPdfDocument(readFileSync("gazette.pdf")); if ("text" in pdf) pdf.pages[0]?.number
 */
export async function readPdfDocument(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfDocument> {
  const content = await readPdf(bytes, options);
  if ("problem" in content) return content;
  const diagnostics: Diagnostic[] = [];
  let built = buildPdfText(content.pages, content.stamps);
  // A blank page is read too: telling it from a scan would take rendering it, which OCR does anyway.
  const scans = built.pages.filter((p) => p.letters < SCAN_LETTERS || p.garbled);
  const ocr: OcrNote[] = [];
  if (scans.length) {
    const why = (p: (typeof scans)[number]) => (p.garbled ? "its text layer is garbage (wrong character maps)" : p.letters ? "its text layer holds only page furniture or a stamp" : "it has no text layer");
    if (options.ocr === false) {
      for (const p of scans) diagnostics.push(diag("warning", "pdf-scan", `page ${p.number} needs OCR (${why(p)}); it is left out`));
    } else {
      const read = await ocrPdfPages(bytes, scans.map((p) => ({ number: p.number, height: content.pages.find((c) => c.number === p.number)!.height })));
      if ("problem" in read) {
        diagnostics.push(diag("error", "ocr-unavailable", `${read.problem} (pages ${scans.map((p) => p.number).join(", ")} are scans)`));
      } else {
        const words = new Map(read.pages.map((p) => [p.number, p.items]));
        const pages = content.pages.map((page) => {
          const items = words.get(page.number);
          return items ? { ...page, items } : page;
        });
        built = buildPdfText(pages, content.stamps);
        for (const p of read.pages) {
          ocr.push({ page: p.number, confidence: p.confidence });
          const from = scans.find((s) => s.number === p.number)!;
          diagnostics.push(diag("info", "ocr", `page ${p.number} read by OCR (Tesseract, mean word confidence ${p.confidence}%) because ${why(from)}`));
        }
      }
    }
  }
  return { ...built, pageCount: content.pageCount, ocr, diagnostics, work: content.work };
}

function diag(severity: Diagnostic["severity"], code: string, message: string): Diagnostic {
  return { severity, code, message, line: 0, column: 0 };
}

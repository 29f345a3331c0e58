// A PDF's bytes → its text items with their positions, page by page, read with Mozilla's PDF.js
// (the legacy build, which runs on Node 20 without a browser). The layout is rebuilt from the
// positions (pdf-layout.ts) rather than guessed from a text dump, so the header's two columns
// stay apart. What a hostile file could make unbounded is capped by stated limits: the page count,
// the text items read, and nesting deep enough to exhaust the stack is reported, not thrown.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One run of text as the PDF places it: baseline origin (x, y from the page's bottom left), advance width and font size, in points. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** Its index among the page's items in content-stream order: a writer emits a table cell or a text box in one go. */
  index: number;
  /** Set across the page rather than along it (a running head up the margin of a landscape page). */
  vertical?: boolean;
}

/** One page's text items and size. */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** The lines drawn by a digital-signature widget (the stamp `Ký bởi: … Cơ quan: … Ngày ký: …`). */
export interface PdfSignatureStamp {
  page: number;
  lines: string[];
}

/** What was read from a PDF, or why it could not be read. */
export type PdfContent = { pages: PdfPage[]; stamps: PdfSignatureStamp[]; pageCount: number; work: number } | { problem: string };

/** Limits on what a PDF may make the reader do; the defaults fit the longest gazette issues many times over. */
export interface PdfLimits {
  /** Pages read at most: a PDF that declares more is refused before any page is read. */
  maxPages?: number;
  /** Text items read at most, over all pages (a page of dense text holds a few thousand). */
  maxItems?: number;
  /** Pages to read, 1-based; all when absent (OCR reads only those it needs). */
  pages?: readonly number[];
}

/** The most pages read: a 500-page gazette issue is read, a file declaring a million pages is refused. */
export const MAX_PDF_PAGES = 5000;
/** The most text items read: some 400 dense pages' worth per thousand pages; past it the PDF is refused as a bomb. */
export const MAX_PDF_TEXT_ITEMS = 4_000_000;

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;
// PDF.js is large: loaded on the first PDF, so reading text files pays nothing for it.
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= keepingNativeBuiltins(loadPdfJsModules));

// The library and its worker, which runs in this thread (Node has no web worker for it): loaded
// here rather than when the first document opens, so that both have run their module code by the
// time the built-ins are put back.
async function loadPdfJsModules(): Promise<PdfJs> {
  const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // (A module without type declarations: only its side effect, globalThis.pdfjsWorker, is wanted.)
  const worker: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
  await import(worker);
  return lib;
}

// PDF.js's legacy build carries core-js polyfills that replace, for the whole process, built-ins
// Node already has: Array.prototype.push (for arrays whose length is frozen) and JSON.parse and
// JSON.stringify (for JSON.rawJSON, which neither PDF.js nor vanban uses). Measured on Node 20
// after reading one PDF: JSON.stringify 15-40× slower, push 2×, for every module of the process
// (the store, --json output), and push alone was a tenth of reading the gazette PDFs. Those are
// put back; the polyfills that add what Node 20 lacks (Promise.withResolvers, Uint8Array.fromBase64 …)
// stay, as PDF.js needs them.
async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const { push } = Array.prototype;
  const { parse, stringify } = JSON;
  try {
    return await load();
  } finally {
    Object.defineProperty(Array.prototype, "push", { value: push, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, "parse", { value: parse, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, "stringify", { value: stringify, writable: true, configurable: true, enumerable: false });
  }
}

// CMaps (for CID fonts without a ToUnicode map) and the standard fonts ship with pdfjs-dist.
// Found when the first PDF is read: a bundle of vanban that never reads one needs no pdfjs-dist.
let pdfjsRoot: string | null = null;
const findPdfjsRoot = (): string => (pdfjsRoot ??= dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")));

/**
 * Reads a PDF's text items, page by page, with their positions; never throws.
 * @example
 * const content = await readPdf(readFileSync("gazette.pdf"));
 * if ("pages" in content) content.pages[0]?.items[0]?.text; // "CÔNG BÁO/Số 245/Ngày 23-04-2026"
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<PdfContent> {
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const maxItems = limits.maxItems ?? MAX_PDF_TEXT_ITEMS;
  let lib: PdfJs;
  let root: string;
  try {
    lib = await loadPdfJs();
    root = findPdfjsRoot();
  } catch (error) {
    return { problem: `cannot load the PDF reader (pdfjs-dist): ${(error as Error).message}` };
  }
  // PDF.js takes ownership of the buffer it is given (and refuses a Node Buffer): a plain copy.
  let task: ReturnType<PdfJs["getDocument"]>;
  try {
    task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // vanban draws nothing with PDF.js (a scan is rendered by pdftoppm): images are left out
    // undecoded, where reading a signature widget's operators would otherwise decode and colour-
    // convert every image of its page (a quarter of the reading time on the gazette PDFs).
    maxImageSize: 0,
    cMapUrl: join(root, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + "/",
  });
  } catch (error) {
    return { problem: describePdfError(error) };
  }
  // An encrypted PDF asks for a password through this callback; answering nothing would hang.
  let needsPassword = false;
  task.onPassword = () => {
    needsPassword = true;
    void task.destroy();
  };
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    if (needsPassword || (error as Error)?.name === "PasswordException") return { problem: "an encrypted PDF: it needs a password to be opened, and vanban reads no encrypted files; save an unencrypted copy" };
    return { problem: describePdfError(error) };
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount > maxPages) return { problem: `a PDF of ${pageCount} pages, over the limit of ${maxPages} pages: split it into its documents` };
    const wanted = limits.pages?.filter((n) => n >= 1 && n <= pageCount) ?? Array.from({ length: pageCount }, (_, i) => i + 1);
    const pages: PdfPage[] = [];
    const stamps: PdfSignatureStamp[] = [];
    let work = 0;
    for (const number of wanted) {
      const page = await doc.getPage(number);
      // Positions as the page is shown: rotated (a landscape annex) and cropped, y from the bottom.
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ disableNormalization: false });
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        if (++work > maxItems) return { problem: `a PDF with over ${maxItems} pieces of text, over the limit: split it into its documents` };
        if (!raw.str) continue;
        const [a, b, c, d, e, f] = lib.Util.transform(viewport.transform, raw.transform as number[]) as number[];
        // Rotated text (a vertical margin note) has its size in the other pair of the matrix.
        const size = Math.max(Math.hypot(c ?? 0, d ?? 0), Math.hypot(a ?? 0, b ?? 0)) || 1;
        const item: PdfTextItem = { text: raw.str, x: e ?? 0, y: viewport.height - (f ?? 0), width: raw.width, size, index: items.length };
        if (Math.abs(b ?? 0) > Math.abs(a ?? 0)) item.vertical = true;
        items.push(item);
      }
      pages.push({ number, width: viewport.width, height: viewport.height, items });
      stamps.push(...(await readSignatureStamps(lib, page, number)));
      page.cleanup();
    }
    return { pages, stamps, pageCount, work };
  } catch (error) {
    return { problem: describePdfError(error) };
  } finally {
    await doc.destroy();
  }
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;

// The stamp a signing application draws is the appearance of a signature widget, not page text:
// PDF.js gives it only as drawing operators, read here only on pages that hold such a widget.
async function readSignatureStamps(lib: PdfJs, page: PdfPageProxy, number: number): Promise<PdfSignatureStamp[]> {
  const annotations = await page.getAnnotations({ intent: "display" });
  if (!annotations.some((a: { fieldType?: string }) => a.fieldType === "Sig")) return [];
  const { OPS, AnnotationMode } = lib;
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE, intent: "display" });
  const stamps: PdfSignatureStamp[] = [];
  const breaks = new Set<number>([OPS.nextLine, OPS.moveText, OPS.setTextMatrix, OPS.beginText, OPS.endText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  let depth = 0;
  let lines: string[] = [];
  let line = "";
  const endLine = () => {
    if (line.trim()) lines.push(line.replace(/\s+/gu, " ").trim());
    line = "";
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    if (fn === OPS.beginAnnotation) {
      depth++;
      continue;
    }
    if (fn === OPS.endAnnotation) {
      endLine();
      if (lines.length) stamps.push({ page: number, lines });
      lines = [];
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (!depth) continue;
    if (breaks.has(fn)) endLine();
    if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      const glyphs = (list.argsArray[i] as unknown[])[fn === OPS.nextLineSetSpacingShowText ? 2 : 0];
      if (!Array.isArray(glyphs)) continue;
      for (const g of glyphs) {
        if (g && typeof g === "object" && "unicode" in g) line += String((g as { unicode: string }).unicode);
        // A large negative adjustment between glyphs is a word space set by position.
        else if (typeof g === "number" && g < -200) line += " ";
      }
    }
  }
  return stamps;
}

// PDF.js's exceptions and the engine's own (a stack overflow on nesting) → a few words.
function describePdfError(error: unknown): string {
  const name = (error as Error | null)?.name ?? "";
  const message = String((error as Error | null)?.message ?? error ?? "error")
    .replace(/\s+/gu, " ")
    .slice(0, 200);
  if (error instanceof RangeError || /call stack/iu.test(message)) return "a damaged or hostile PDF: its objects nest too deeply to be read";
  if (name === "InvalidPDFException" || /invalid pdf/iu.test(message)) return `a damaged PDF (truncated, or not a PDF inside): ${message}`;
  if (name === "PasswordException") return "an encrypted PDF: it needs a password to be opened, and vanban reads no encrypted files; save an unencrypted copy";
  return `a PDF that could not be read: ${message}`;
}

// `npm run bench -- --pdf`: PDF reading (PDF.js text layer → layout → text, the part of a parse
// that is the PDF's) in MB/s and pages/s beside `pdftotext -layout` on the same files in the same
// run, as a ratio; then OCR pages per minute on synthetic scans (pdftoppm -r 150 -gray, img2pdf)
// of real gazette pages. Reads ../shared/collections/congbao-pdf (or the folder given with --pdf-dir).
//   npm run bench -- --pdf [--pdf-dir DIR] [--ocr-pages 4]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtUrl } from "./built.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dir = option("pdf-dir") ?? join(root, "../shared/collections/congbao-pdf");
const ocrPages = Number(option("ocr-pages") ?? 4);

const { readPdfDocument } = (await import(builtUrl("src/input/read-pdf-document.js"))) as typeof import("../src/input/read-pdf-document.js");
const { parseDocumentAsync } = (await import(builtUrl("src/document/parse-document.js"))) as typeof import("../src/document/parse-document.js");

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".pdf"))
  .map((f) => join(dir, f));
if (!files.length) {
  console.log(`bench --pdf: no PDFs in ${dir}`);
  process.exit(0);
}
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
const mb = bytes / (1 << 20);

// PDF.js and its fonts warm up on a first read, as in any long-running process.
await readPdfDocument(readFileSync(files[0]!), { ocr: false });

let pages = 0;
let start = performance.now();
for (const f of files) {
  const read = await readPdfDocument(readFileSync(f), { ocr: false });
  if ("pages" in read) pages += read.pageCount;
}
const oursS = (performance.now() - start) / 1000;

start = performance.now();
for (const f of files) await parseDocumentAsync(readFileSync(f), { path: f, ocr: false });
const parseS = (performance.now() - start) / 1000;

const hasPdftotext = spawnSync("pdftotext", ["-v"]).status === 0;
let popplerS = NaN;
if (hasPdftotext) {
  start = performance.now();
  for (const f of files) execFileSync("pdftotext", ["-layout", f, "-"], { maxBuffer: 1 << 28 });
  popplerS = (performance.now() - start) / 1000;
}

const row = (name: string, s: number) => `${name.padEnd(34)} ${(mb / s).toFixed(2).padStart(7)} MB/s ${(pages / s).toFixed(1).padStart(7)} pages/s`;
console.log(`PDF reading: ${files.length} files, ${pages} pages, ${mb.toFixed(1)} MB (${dir})`);
console.log(row("vanban (text layer + layout)", oursS));
console.log(row("vanban parseDocumentAsync (all)", parseS));
if (hasPdftotext) {
  console.log(row("pdftotext -layout (poppler)", popplerS));
  console.log(`ratio: vanban reading takes ${(oursS / popplerS).toFixed(1)}× pdftotext's time (the whole parse ${(parseS / popplerS).toFixed(1)}×)`);
}

// OCR: synthetic scans of the first pages of the first files.
const tools = spawnSync("pdftoppm", ["-v"]).status === 0 && spawnSync("img2pdf", ["--version"]).status === 0 && spawnSync("tesseract", ["--version"]).status === 0;
if (!tools || ocrPages <= 0) {
  console.log("OCR: skipped (needs pdftoppm, img2pdf and tesseract)");
} else {
  const scratch = mkdtempSync(join(tmpdir(), "vanban-bench-ocr-"));
  try {
    const scans = files.slice(0, ocrPages).map((f, i) => {
      const base = join(scratch, `scan-${i}`);
      execFileSync("pdftoppm", ["-r", "150", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", f, base]);
      execFileSync("img2pdf", [`${base}.png`, "-o", `${base}.pdf`]);
      return readFileSync(`${base}.pdf`);
    });
    start = performance.now();
    for (const scan of scans) await readPdfDocument(scan);
    const s = (performance.now() - start) / 1000;
    console.log(`OCR (Tesseract vie, rendered at 300 dpi): ${scans.length} pages in ${s.toFixed(1)} s: ${((scans.length * 60) / s).toFixed(1)} pages/minute`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// `vanban parse` on what people's folders hold: each file gets a record (with diagnostics) or one
// line on stderr naming it and saying why, the rest is still parsed, and nothing reaches the user
// as a stack trace. The messages are asserted exactly: they are the interface.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentRecord } from "../../src/model/record.js";
import { makeZip, sampleDocx } from "./make-docx.js";
import { runCli } from "../cli/cli-io.js";
import { HOSTILE_DOCUMENTS } from "./hostile-documents.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-hostile-"));
afterAll(() => {
  // Unreadable entries must be readable again for the clean-up to remove them.
  spawnSync("chmod", ["-R", "u+rwX", scratch]);
  rmSync(scratch, { recursive: true, force: true });
});

const seed = readFileSync(new URL("../../corpus/001_18e35584e7dafd68.txt", import.meta.url));
let counter = 0;
/** A fresh folder in the scratch space. */
function folder(): string {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}

const records = (out: string) => out.split("\n").filter(Boolean).map((l) => DocumentRecord.parse(JSON.parse(l)));
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\nstream\n\u0000\u0001\u0002\nendstream\n%%EOF\n");
const isRoot = process.getuid?.() === 0;

describe("files that hold no document get one line naming them", () => {
  it.each([
    ["empty.txt", new Uint8Array(0), "empty file"],
    // PDFs are read (by PDF.js): a damaged one is told as such, whatever its name.
    ["broken.pdf", PDF, "a damaged PDF (truncated, or not a PDF inside): Invalid PDF structure."],
    ["renamed-pdf.txt", PDF, "a damaged PDF (truncated, or not a PDF inside): Invalid PDF structure."],
    ["bundle.zip", makeZip({ "a.txt": "Số: 1/KH-UBND" }), "a ZIP archive, not text: unpack it and parse the files inside"],
    ["photo.png", PNG, "a PNG image, not text: an image has no text layer to read: run OCR on it first (e.g. tesseract {dir}/photo.png out -l vie) and parse out.txt"],
    ["old.doc", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "a Word 97–2003 (.doc) document whose text could not be read: damaged Compound File container (CFB file size 12 < 512)"],
  ])("%s", async (name, bytes, expected) => {
    const dir = folder();
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { code, out, err } = await runCli(["parse", "--json", file]);
    const want = expected.replace(/\{dir\}/g, dir);
    expect(err).toBe(`vanban parse: ${file}: ${want}\n`);
    expect(out).toBe("");
    expect(code).toBe(1);
  });

  it("reads a .docx: paragraphs, Word's list numbers, tables as cells, footnotes", async () => {
    const file = join(folder(), "cong-van.docx");
    writeFileSync(file, sampleDocx());
    const { code, out, err } = await runCli(["parse", "--json", file]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const [record] = records(out);
    expect(record?.source.format).toBe("docx");
    expect(record?.source.encoding).toBe("utf-8");
    expect(record?.number?.raw).toBe("203/TB-UBND");
    expect(record?.date?.iso).toBe("2024-06-18");
    expect(record?.docType?.code).toBe("TB");
    expect(record?.sections.map((s) => [s.marker, s.children.map((c) => c.marker)])).toEqual([
      ["I.", ["1"]],
      ["II.", ["1"]],
    ]);
    expect(record?.signature?.signer).toBe("Nguyễn Thanh Thương");
    expect(record?.footnotes).toEqual([{ label: "1", text: "Theo Kế hoạch số 12/KH-UBND ngày 1/2/2024." }]);
    // A deleted revision is not text.
    expect(out).not.toContain("chữ đã xóa");
  });

  it("refuses a 200 MB file by its size, before reading it", async () => {
    const file = join(folder(), "huge.txt");
    const chunk = Buffer.alloc(1024 * 1024, seed);
    const fd = (await import("node:fs")).openSync(file, "w");
    for (let i = 0; i < 200; i++) (await import("node:fs")).writeSync(fd, chunk);
    (await import("node:fs")).closeSync(fd);
    const before = process.resourceUsage().maxRSS;
    try {
      const { code, out, err } = await runCli(["parse", file]);
      expect(err).toBe(`vanban parse: ${file}: too large (200 MB): vanban reads files up to 16 MB; split it into its documents\n`);
      expect(out).toBe("");
      expect(code).toBe(1);
      // Peak memory (kB) did not grow by anything like the file: it was never read.
      expect(process.resourceUsage().maxRSS - before).toBeLessThan(50 * 1024);
    } finally {
      rmSync(file);
    }
  });
});

describe("a 200 MB file in a folder", () => {
  it("is skipped by its size when listed, by vanban parse and vanban index alike", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a.txt"), seed);
    // Sparse: it is never read, which is the point (peak memory shows it).
    writeFileSync(join(dir, "huge.txt"), "");
    truncateSync(join(dir, "huge.txt"), 200 * 1024 * 1024);
    const message = `${dir}/huge.txt: too large (200 MB): vanban reads files up to 16 MB; split it into its documents`;
    const before = process.resourceUsage().maxRSS;
    const parsed = await runCli(["parse", "--json", dir]);
    expect(parsed.err).toBe(`vanban parse: ${message}\n`);
    expect(records(parsed.out)).toHaveLength(1);
    const indexed = await runCli(["index", dir, "--store", join(dir, ".store"), "--jobs", "1"]);
    expect(indexed.err).toContain(`skipped 1 file:\n  ${message}\n`);
    expect(indexed.code).toBe(0);
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(150 * 1024);
  });
});

describe("files that barely hold a document get a record with diagnostics", () => {
  const parseOne = async (name: string, bytes: Uint8Array) => {
    const file = join(folder(), name);
    writeFileSync(file, bytes);
    const result = await runCli(["parse", "--json", file]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const list = records(result.out);
    expect(list).toHaveLength(1);
    const record = list[0]!;
    expect(record.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
    return record;
  };

  it("invalid UTF-8: the bad line is read as Windows-1252, the rest as UTF-8", async () => {
    const bytes = Buffer.concat([seed, Buffer.from([0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x0a])]);
    const record = await parseOne("invalid.txt", bytes);
    expect(record.number?.raw).toBe("203 /TB-UBND");
    expect(record.diagnostics.some((d) => d.code === "invalid-utf-8" || d.code === "not-utf-8")).toBe(true);
  });

  it("truncated in the middle of a character", async () => {
    // `ạ` is 3 bytes (e1 ba a1): cut after the first two.
    const text = new TextEncoder().encode(seed.toString("utf8").replace(/\s*$/, "") + " Hạ");
    const record = await parseOne("cut.txt", text.subarray(0, text.length - 1));
    expect(record.number?.raw).toBe("203 /TB-UBND");
    expect(record.title).toContain("Kết luận");
    expect(record.diagnostics.some((d) => d.code === "invalid-utf-8")).toBe(true);
  });

  it("NUL bytes and control characters between the words", async () => {
    const text = seed.toString("utf8").replace(/THÔNG BÁO/, "THÔNG\u0000 BÁO").replace(/\n/g, "\u0001\u0007\n");
    const record = await parseOne("controls.txt", new TextEncoder().encode(text));
    expect(record.number?.raw).toBe("203 /TB-UBND");
  });

  it("a 5 MB single line", async () => {
    const record = await parseOne("line.txt", HOSTILE_DOCUMENTS["one long line of citations"]!.build(42_000));
    expect(record.citations.length).toBeGreaterThan(40_000);
  });

  it("thousands of numbering levels in one marker, and sections nested sixty deep", async () => {
    const one = await parseOne("levels.txt", HOSTILE_DOCUMENTS["one marker of many levels"]!.build(5000));
    expect(one.docType?.code).toBe("KH");
    const deep = await parseOne("deep.txt", HOSTILE_DOCUMENTS["deep numbering"]!.build(3000));
    expect(deep.sections.length).toBeGreaterThan(0);
  });

  it("a document of headings only", async () => {
    const record = await parseOne("headings.txt", HOSTILE_DOCUMENTS["headings only"]!.build(3000));
    expect(record.sections.length).toBeGreaterThan(900);
    expect(record.diagnostics.map((d) => d.code)).toContain("no-header");
  });

  it("50,000 recipients", async () => {
    const record = await parseOne("recipients.txt", HOSTILE_DOCUMENTS["recipients"]!.build(50_000));
    expect(record.recipients.length).toBeGreaterThanOrEqual(50_000);
    expect(record.signature?.signer).toBe("Nguyễn Văn A");
  });
});

describe("a folder is parsed to the end whatever it holds", () => {
  it("reports each bad entry once, parses the rest, and exits 1", async (context) => {
    const dir = folder();
    writeFileSync(join(dir, "a-good.txt"), seed);
    writeFileSync(join(dir, "b-empty.txt"), "");
    writeFileSync(join(dir, "c-scan.pdf"), PDF);
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "d-dangling.txt"));
    symlinkSync(join(dir, "e-loop-2.txt"), join(dir, "e-loop-1.txt"));
    symlinkSync(join(dir, "e-loop-1.txt"), join(dir, "e-loop-2.txt"));
    symlinkSync(dir, join(dir, "f-back-up"));
    mkdirSync(join(dir, "g-folder.md"));
    writeFileSync(join(dir, "g-folder.md", "inner.txt"), seed);
    writeFileSync(join(dir, "h-locked.txt"), seed);
    chmodSync(join(dir, "h-locked.txt"), 0o000);
    const fifo = spawnSync("mkfifo", [join(dir, "i-pipe.txt")]).status === 0;
    mkdirSync(join(dir, "j-locked-folder"));
    writeFileSync(join(dir, "j-locked-folder", "inside.txt"), seed);
    chmodSync(join(dir, "j-locked-folder"), 0o000);
    writeFileSync(join(dir, "z-last.md"), seed);
    const { code, out, err } = await runCli(["parse", "--json", dir]);
    const expected = [
      `vanban parse: ${dir}/c-scan.pdf: a damaged PDF (truncated, or not a PDF inside): Invalid PDF structure.`,
      `vanban parse: ${dir}/d-dangling.txt: broken symbolic link (its target does not exist)`,
      `vanban parse: ${dir}/e-loop-1.txt: symbolic link loop`,
      `vanban parse: ${dir}/e-loop-2.txt: symbolic link loop`,
      `vanban parse: ${dir}/f-back-up: symbolic link loop (leads back to a folder above it)`,
      `vanban parse: ${dir}/b-empty.txt: empty file`,
    ];
    if (!isRoot) expected.push(`vanban parse: ${dir}/h-locked.txt: permission denied`, `vanban parse: ${dir}/j-locked-folder: cannot list (permission denied)`);
    // Listing problems come first, then reading problems in file order.
    expect(err.split("\n").filter(Boolean).sort()).toEqual(expected.sort());
    expect(code).toBe(1);
    const paths = records(out).map((r) => r.source.path);
    expect(paths).toEqual([`${dir}/a-good.txt`, `${dir}/g-folder.md/inner.txt`, ...(isRoot ? [`${dir}/h-locked.txt`, `${dir}/j-locked-folder/inside.txt`] : []), `${dir}/z-last.md`]);
    // A FIFO among the documents is passed over, not read (which would block forever).
    expect(fifo ? err : "").not.toContain("i-pipe");
    // The one assertion root cannot make: chmod 000 does not stop root from reading.
    if (isRoot) await context.annotate("running as root: the permission-denied lines were not asserted (chmod 000 does not stop root); h-locked.txt and j-locked-folder were read instead");
  });

  it("names an unreadable file given explicitly", async (context) => {
    if (isRoot) context.skip("running as root: chmod 000 does not stop root from reading");
    const file = join(folder(), "locked.txt");
    writeFileSync(file, seed);
    chmodSync(file, 0o000);
    const { code, err } = await runCli(["parse", file]);
    expect(err).toBe(`vanban parse: ${file}: permission denied\n`);
    expect(code).toBe(1);
  });

  it("names a FIFO given explicitly as no regular file", async (context) => {
    const file = join(folder(), "pipe.txt");
    if (spawnSync("mkfifo", [file]).status !== 0) context.skip("mkfifo is not available here");
    const { code, err } = await runCli(["parse", file]);
    expect(err).toBe(`vanban parse: ${file}: not a regular file\n`);
    expect(code).toBe(1);
  });
});

const bin = new URL("../../dist/src/cli/main.js", import.meta.url).pathname;
describe.skipIf(!(await import("node:fs")).existsSync(bin))("the built binary", () => {
  it("stops quietly when its output is closed early (`vanban parse … | head -1`)", async () => {
    const { spawn } = await import("node:child_process");
    const corpus = new URL("../../corpus/", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "parse", "--json", corpus, corpus, corpus], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => void (err += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(err).toBe("");
    expect(code).toBe(0);
  });
});

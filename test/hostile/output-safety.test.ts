// Nothing from a document is ever interpreted by an output: NDJSON is escaped and parses back to
// the same strings, one record per line; the terminal view strips control and escape sequences;
// file names are printed escaped; the store is readable by its owner only.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocumentBytes, parseDocumentText } from "../../src/document/parse-document.js";
import { toJsonLine } from "../../src/cli/json-line.js";
import { safeName } from "../../src/cli/safe-name.js";
import { renderRecord, terminalSafe } from "../../src/cli/render-record.js";
import { runCli } from "../cli/cli-io.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-output-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
function folder(): string {
  const dir = join(scratch, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}

// A document whose text holds what could break a line, a string, or a terminal.
const HOSTILE_TEXT = [
  "ỦY BAN NHÂN DÂN",
  "HUYỆN BÌNH SƠN",
  "Số: 12/KH-UBND",
  "Bình Sơn, ngày 1 tháng 2 năm 2024",
  "KẾ HOẠCH",
  'Về việc "trích yếu" có \\ gạch\u2028ngược và \u2029 đoạn \u0085 NEL \u001b[31mđỏ\u001b[0m \u001b]8;;http://evil.example/\u0007liên kết\u001b]8;;\u0007 \u009b2J xóa \u001b]0;tiêu đề\u001b\\ \u0007chuông \u202eđảo\u202c',
  "I. MỤC ĐÍCH \u001bc reset",
  "Nơi nhận:",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn A",
].join("\n");

// Line splitters that count more than \n as a line end (Python's splitlines, JavaScript before
// ES2019 inside strings): one record must still be one line for all of them.
const ANY_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

describe("NDJSON", () => {
  it("escapes U+2028, U+2029, C1 controls and bidi overrides, and parses back to the same strings", () => {
    const value = { a: 'quote " backslash \\ line\u2028para\u2029nel\u0085csi\u009b31m ansi\u001b[31m rlo\u202e', b: ["\u0000", "\t\n"] };
    const line = toJsonLine(value);
    expect(line.split(ANY_LINE_BREAK)).toHaveLength(1);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/u);
    expect(JSON.parse(line)).toEqual(value);
  });

  it("keeps lone surrogates as escapes that parse back to the same strings", () => {
    const { record } = parseDocumentText(`KẾ HOẠCH\nVề việc nửa cặp \ud800 và \udfff ngược \udc00\ud800 thứ tự\nI. MỤC ĐÍCH`);
    const line = toJsonLine(record);
    expect(line).toMatch(/\\ud800/);
    expect(line.split(ANY_LINE_BREAK)).toHaveLength(1);
    expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(JSON.stringify(record)).toContain("\\ud800");
  });

  it("prints one record per line for hostile documents, each parsing back to the record", async () => {
    const dir = folder();
    const bytes = new TextEncoder().encode(HOSTILE_TEXT);
    writeFileSync(join(dir, "a.txt"), bytes);
    writeFileSync(join(dir, "b.txt"), bytes);
    const { code, out } = await runCli(["parse", "--json", dir]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    expect(out.split(ANY_LINE_BREAK).filter(Boolean)).toHaveLength(2);
    expect(out).not.toMatch(/[\u001b\u0085\u009b\u2028\u2029\u202e]/u);
    const expected = parseDocumentBytes(bytes, { path: join(dir, "a.txt") }).record;
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe("the terminal view", () => {
  it.each([
    ["đỏ \u001b[31mđỏ\u001b[0m", "đỏ đỏ", "an SGR colour sequence goes whole"],
    ["\u001b]8;;http://evil.example/\u0007liên kết\u001b]8;;\u0007", "liên kết", "an OSC 8 hyperlink goes, its text stays"],
    ["\u001b]0;tiêu đề\u001b\\văn bản", "văn bản", "an OSC window title ended by ST goes whole"],
    ["\u009b2Jxóa", "xóa", "a C1 CSI (clear screen) goes with its parameters"],
    ["\u001bPq#0;2;0;0;0\u001b\\ảnh", "ảnh", "a DCS string (sixel) goes whole"],
    ["\u001bcreset", "reset", "ESC c (full reset) goes"],
    ["\u001b(Bchữ", "chữ", "a character set designation goes"],
    ["\u001b]8;;http://unterminated", "8;;http://unterminated", "an unterminated string loses its introducer (ESC ]); the rest shows as inert text"],
    ["a\u0007b\u0008c\u000dd\u007fe", "abcde", "BEL, backspace, carriage return and DEL go"],
    ["\u202eđảo\u202c \u2066x\u2069", "đảo x", "bidi overrides and isolates go"],
    ["dòng 1\n\tdòng 2", "dòng 1\n\tdòng 2", "line feed and tab stay"],
  ])("%j → %j (%s)", (input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it("shows a hostile document with no escape or control character reaching the terminal", async () => {
    const file = join(folder(), "hostile.txt");
    writeFileSync(file, HOSTILE_TEXT);
    const { code, out } = await runCli(["parse", file], { isTTY: true });
    expect(code).toBe(0);
    // The view's own styling uses SGR (bold, dim, colour) and nothing else.
    const withoutStyling = out.replace(/\u001b\[(?:1|2|22|33|39)m/g, "");
    expect(withoutStyling).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(withoutStyling).not.toContain("]8;;");
    expect(withoutStyling).not.toContain("2J");
    expect(out).toContain("Kế hoạch (KH)");
  });

  it("keeps the view safe for records built elsewhere (from the library, with raw escapes in every field)", () => {
    const { record } = parseDocumentText("KẾ HOẠCH\nI. MỤC ĐÍCH");
    const poisoned = JSON.parse(JSON.stringify(record).replace(/"(KH|Kế hoạch|MỤC ĐÍCH)"/g, '"\\u001b]52;c;cGF5bG9hZA==\\u0007$1\\u009b6n"'));
    const view = renderRecord(poisoned, { color: false });
    expect(view).not.toMatch(/[\u001b\u0007\u009b]/u);
    expect(view).not.toContain("52;c;");
  });
});

describe("file names", () => {
  it("escapes controls, bidi overrides and line separators", () => {
    expect(safeName("a\nb\u001b[31m\u009b\u202e\u2028c.txt")).toBe("a\\u000ab\\u001b[31m\\u009b\\u202e\\u2028c.txt");
    expect(safeName("Quyết định số 12.txt")).toBe("Quyết định số 12.txt");
  });

  it("prints names holding a newline or an escape sequence on one line each, escaped", async () => {
    const dir = folder();
    const newline = join(dir, "a\nfake line.txt");
    const escape = join(dir, "b\u001b[2J\u001b]0;title\u0007.txt");
    writeFileSync(newline, "");
    writeFileSync(escape, "");
    const good = join(dir, "c\u001b[31mred.txt");
    writeFileSync(good, HOSTILE_TEXT);
    const { code, out, err } = await runCli(["parse", dir], { isTTY: true });
    expect(code).toBe(1);
    expect(err).toBe(`vanban parse: ${dir}/a\\u000afake line.txt: empty file\nvanban parse: ${dir}/b\\u001b[2J\\u001b]0;title\\u0007.txt: empty file\n`);
    expect(out).toContain(`${dir}/c\\u001b[31mred.txt`);
    expect(out.replace(/\u001b\[(?:1|2|22|33|39)m/g, "")).not.toContain("\u001b");
    // In JSON the name is the file's exact name.
    const json = await runCli(["parse", "--json", good]);
    expect(JSON.parse(json.out).source.path).toBe(good);
  });
});

describe("the store", () => {
  it("is created readable and writable by its owner only, whatever the umask", async () => {
    const dir = folder();
    cpSync(new URL("../../corpus/001_18e35584e7dafd68.txt", import.meta.url), join(dir, "docs", "a.txt"), { recursive: true });
    const store = join(dir, "store");
    const umask = process.umask(0);
    try {
      const { code, err } = await runCli(["index", join(dir, "docs"), "--store", store, "--jobs", "1"]);
      expect(err).not.toContain("Error");
      expect(code).toBe(0);
    } finally {
      process.umask(umask);
    }
    const modes: string[] = [];
    const walk = (path: string): void => {
      const info = statSync(path);
      modes.push(`${path.slice(store.length) || "/"} ${(info.mode & 0o777).toString(8)}`);
      if (info.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    };
    walk(store);
    expect(modes.length).toBeGreaterThan(3);
    for (const line of modes) expect(line).toMatch(/ (?:700|600)$/);
  });
});

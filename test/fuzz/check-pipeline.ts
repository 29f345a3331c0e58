// What must hold for any bytes at all: the parse returns a valid record without throwing and
// without hiding a throw of its own (an `internal` diagnostic), spans stay inside the clean text,
// the offset map stays inside the decoded text, and the outputs (NDJSON, the terminal view)
// carry nothing a terminal or a line splitter would act on.
import { expect } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import { toJsonLine } from "../../src/cli/json-line.js";
import { renderRecord } from "../../src/cli/render-record.js";
import { DocumentRecord } from "../../src/model/record.js";
import { decodeDocument } from "../../src/input/decode-document.js";
import { normalizeCharacters } from "../../src/input/normalize-characters.js";

const DEFECTS = new Set(["internal", "decode-failed"]);

/** Parses `bytes` and checks the record and its outputs; throws (an assertion) when anything is wrong. */
export function checkPipeline(bytes: Uint8Array): void {
  const { record, text, map, decoded } = parseDocumentBytes(bytes, { path: "fuzz.txt" });
  expect(record.diagnostics.filter((d) => DEFECTS.has(d.code))).toEqual([]);
  const valid = DocumentRecord.safeParse(record);
  expect(valid.success, valid.success ? "" : valid.error.message).toBe(true);
  for (const c of record.citations) {
    expect(c.span.offset).toBeGreaterThanOrEqual(0);
    expect(c.span.offset + c.span.length).toBeLessThanOrEqual(text.length);
    expect(text.slice(c.span.offset, c.span.offset + c.span.length)).toBe(c.raw);
  }
  for (const b of record.bases) expect(text.slice(b.span.offset, b.span.offset + b.span.length).replace(/\s+/g, " ").trim()).toBe(b.raw);
  // The map leads into the decoded text, in order.
  let last = 0;
  for (let at = 0; at <= text.length; at += Math.max(1, text.length >> 5)) {
    const source = map.toSource(at);
    expect(source).toBeGreaterThanOrEqual(last);
    expect(source).toBeLessThanOrEqual(decoded.length);
    last = source;
  }
  // Character repair is idempotent: what it made, it leaves as it is.
  const repaired = decodeDocument(bytes).text;
  expect(normalizeCharacters(repaired).text).toBe(repaired);
  const line = toJsonLine(record);
  expect(line).not.toMatch(/[\n\r\u0085\u2028\u2029]/u);
  expect(JSON.parse(line)).toEqual(record);
  expect(renderRecord(record, { color: false })).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
}

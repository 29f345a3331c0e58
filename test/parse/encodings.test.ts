// Each seed, converted to every encoding still met in government files, parses to the same record
// as the original: decoding is invisible to everything after it. The real VNI file of the corpus
// (067) gives the same header fields as its hand-checked transcript (068).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import type { DocumentRecord, Section } from "../../src/model/record.js";
import { asciiPunctuation, as1252Text, encodeMojibake, encodeTcvn3, encodeUtf16, encodeUtf8, encodeViqr, encodeVni, encodeWindows1258 } from "../input/encode-legacy.js";

const corpusDir = new URL("../../corpus/", import.meta.url);
const seeds = readdirSync(corpusDir).filter((f) => f.endsWith(".txt"));

/** The fields a reader sees, without what depends on the bytes themselves (hash, encoding). */
function view(r: DocumentRecord) {
  const outline = (list: Section[]): unknown[] => list.map((s) => [s.marker, s.heading, s.text, outline(s.children)]);
  return {
    system: r.system,
    issuer: r.issuer,
    number: r.number,
    place: r.place,
    date: r.date,
    docType: r.docType,
    title: r.title,
    addressees: r.addressees,
    bases: r.bases.map((b) => b.raw),
    sections: outline(r.sections),
    annexes: r.annexes.map((a) => a.title),
    footnotes: r.footnotes,
    recipients: r.recipients,
    signature: r.signature,
    citations: r.citations.map((c) => [c.raw, c.key]),
  };
}

// TCVN3 has no toned capitals (`Ủ`, `Ố`): a sentence opening `Ủy ban` comes back `ủy ban`, and
// only the decoder's heuristics restore headings. Its records are compared without letter case.
const caseless = (v: unknown) => JSON.parse(JSON.stringify(v).toLocaleLowerCase("vi")) as unknown;

const ENCODINGS: [string, (text: string) => Uint8Array, ((text: string) => string)?][] = [
  ["utf-16le with BOM", (t) => encodeUtf16(t, true, true)],
  ["utf-16be with BOM", (t) => encodeUtf16(t, false, true)],
  ["NFD", (t) => encodeUtf8(t.normalize("NFD"))],
  ["UTF-8 mojibake", encodeMojibake],
  ["windows-1258", encodeWindows1258],
  ["TCVN3 bytes", encodeTcvn3],
  ["TCVN3 read as Windows-1252", (t) => as1252Text(encodeTcvn3(t))],
  ["VNI bytes", encodeVni],
  ["VNI read as Windows-1252", (t) => as1252Text(encodeVni(t))],
  // VIQR is ASCII: typographic quotes and dashes become their ASCII stand-ins on both sides.
  ["VIQR", (t) => encodeViqr(asciiPunctuation(t)), asciiPunctuation],
];

describe.each(seeds)("seed %s in every encoding", (seed) => {
  const original = readFileSync(new URL(seed, corpusDir), "utf8");
  it.each(ENCODINGS)("%s parses to the same record", (_name, encode, adapt) => {
    const text = adapt ? adapt(original) : original;
    const expected = view(parseDocumentBytes(encodeUtf8(text), { path: seed }).record);
    const actual = view(parseDocumentBytes(encode(text), { path: seed }).record);
    if (_name.startsWith("TCVN3")) expect(caseless(actual)).toEqual(caseless(expected));
    else expect(actual).toEqual(expected);
  });
});

const shared = new URL("../../../shared/corpus/", import.meta.url);
const vni = "067_ubnd-binhphuoc-quyetdinh-991-2008-VNI-RAWBYTES.txt";
const transcript = "068_ubnd-binhphuoc-quyetdinh-991-2008-transcript.txt";

describe.skipIf(!existsSync(new URL(vni, shared)))("a real VNI file", () => {
  it("gives the header fields of its transcript", () => {
    const raw = parseDocumentBytes(readFileSync(new URL(vni, shared)), { path: vni }).record;
    const ref = parseDocumentBytes(readFileSync(new URL(transcript, shared)), { path: transcript }).record;
    // The signer's name was already typed in Unicode: the file is VNI with one Unicode line.
    expect(["vni", "mixed"]).toContain(raw.source.encoding);
    for (const field of ["system", "issuer", "number", "place", "date", "docType", "title"] as const) expect(raw[field], field).toEqual(ref[field]);
  });
});

// `npx tsx bench/decode-speed.ts`: how fast legacy text is decoded, against the floor of reading
// the same bytes as text at all (Windows-1252 and NFC, what any reader of these files pays). The
// shipped corpus is re-encoded as TCVN3 and as VNI raw bytes, as a mixed file (TCVN3 header lines
// above a VNI body) and as clean UTF-8, each repeated to a few megabytes; a .doc-like stream of
// font runs goes through the font decoder. Prints MB/s per case; nothing is asserted or written.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeBytes } from "../src/input/decode-bytes.js";
import { decodeFontRuns } from "../src/input/decode-font-runs.js";
import { decodeWindows1252 } from "../src/input/decode-windows-1252.js";
import { encodeTcvn3, encodeVni } from "../test/input/encode-legacy.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = readdirSync(join(root, "corpus"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(root, "corpus", f), "utf8").normalize("NFC"))
  .join("\n");
const TARGET = 4 * 1024 * 1024;

function repeat(bytes: Uint8Array): Uint8Array {
  const copies = Math.max(1, Math.ceil(TARGET / bytes.length));
  const out = new Uint8Array(bytes.length * copies + copies);
  for (let i = 0; i < copies; i++) {
    out.set(bytes, i * (bytes.length + 1));
    out[i * (bytes.length + 1) + bytes.length] = 0x0a;
  }
  return out;
}

function megabytesPerSecond(bytes: number, work: () => void): number {
  work(); // warm up
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < 3000 || rounds < 2) {
    work();
    rounds++;
  }
  return (bytes * rounds) / 1e6 / ((performance.now() - start) / 1000);
}

const lines = corpus.split("\n");
const cases: [string, Uint8Array][] = [
  ["TCVN3 bytes", repeat(encodeTcvn3(corpus))],
  ["VNI bytes", repeat(encodeVni(corpus))],
  ["mixed: TCVN3 and VNI lines", repeat(Uint8Array.from(lines.flatMap((l, i) => [...(i % 3 === 0 ? encodeTcvn3(l) : encodeVni(l)), 0x0a])))],
  ["clean UTF-8", repeat(new TextEncoder().encode(corpus))],
];

const rows: string[] = [];
for (const [name, bytes] of cases) {
  const floor = megabytesPerSecond(bytes.length, () => void decodeWindows1252(bytes).normalize("NFC"));
  const decode = megabytesPerSecond(bytes.length, () => void decodeBytes(bytes));
  rows.push(`${name.padEnd(28)} ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  decode ${decode.toFixed(1).padStart(6)} MB/s  floor ${floor.toFixed(1).padStart(6)} MB/s  ratio ${(floor / decode).toFixed(1)}×`);
}
// Font runs as a .doc gives them: each paragraph its own run, in .VnTime.
const tcvn3 = decodeWindows1252(repeat(encodeTcvn3(corpus)));
const runs = tcvn3.split("\n").map((text) => ({ text: `${text}\n`, font: ".VnTime" }));
const fontFloor = megabytesPerSecond(tcvn3.length, () => void tcvn3.normalize("NFC"));
const fontDecode = megabytesPerSecond(tcvn3.length, () => void decodeFontRuns(runs));
rows.push(`${"font runs in .VnTime".padEnd(28)} ${(tcvn3.length / 1e6).toFixed(1).padStart(5)} MB  decode ${fontDecode.toFixed(1).padStart(6)} MB/s  floor ${fontFloor.toFixed(1).padStart(6)} MB/s  ratio ${(fontFloor / fontDecode).toFixed(1)}×`);
console.log(rows.join("\n"));

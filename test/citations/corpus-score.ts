// Citation F1 of findCitations against the gold expectations in ../shared, folded the way
// ../shared/eval/score.mjs folds them (key `type|number|issuer`, lower-case ASCII, no zero padding).
// The raw files still hold what the input stage removes before the grammars run, so this strips
// markdown marks and <sup> footnote marks and joins lines first; it leaves out the portal chrome's
// Nghị định 13/2023/NĐ-CP and the document's own number, as score.mjs does.
// Run `npx tsx test/citations/corpus-score.ts` for the per-file table.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findCitations } from "../../src/citations/index.js";
import type { Citation } from "../../src/model/record.js";

/** Where the shared material lives (next to the checkout). */
export const SHARED_DIR = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../shared");

/** The gold fields this evaluation reads. */
interface Gold {
  file: string;
  system: "state" | "party" | null;
  number: { seq: string | null; year: number | null; typeCode: string | null; issuerCode: string | null } | null;
  docType: string | null;
  citations: string[];
  citesNQ29: boolean;
}

/** One document's result. */
export interface ScoreRow {
  set: "seeds" | "corpus";
  file: string;
  f1: number;
  missed: string[];
  extra: string[];
  citesNQ29: boolean;
  citesNQ29Expected: boolean;
}

// score.mjs's folding, verbatim in effect.
const fold = (s: unknown): string =>
  String(s ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\bubnd\b/g, "uy ban nhan dan")
    .replace(/\bhdnd\b/g, "hoi dong nhan dan")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
const code = (s: unknown): string => fold(s).replace(/[^a-z0-9]/g, "");
const num = (s: string | null | undefined): string | null => (s == null || s === "" ? null : String(s).replace(/^0+(?=\d)/, ""));
const citeKey = (c: Citation): string => `${code(c.docType?.code)}|${num(c.number)}|${code(c.issuerCode)}`;
const goldKey = (s: string): string => {
  const [t, n, i] = s.split("|");
  return `${code(t)}|${num(n)}|${code(i)}`;
};
const CHROME_KEY = "nd|13|cp";

/** What the input stage does before the grammars read a raw file, as far as citations care. */
export function cleanRawText(raw: string): string {
  return raw.replace(/<sup>[\s\S]*?<\/sup>/g, "").replace(/[*_]/g, "").replace(/\r?\n/g, " ");
}

/** The document's own number written out from the gold fields, as the parser would pass it. */
function ownNumber(g: Gold): string | null {
  const n = g.number;
  if (!n?.seq) return null;
  if (!n.typeCode) return `${n.seq}/${n.issuerCode}`;
  if (g.system === "party") return `${n.seq}-${n.typeCode}/${n.issuerCode}`;
  return `${n.seq}/${n.year ? `${n.year}/` : ""}${n.typeCode}-${n.issuerCode}`;
}

function f1(gold: Set<string>, pred: Set<string>): { f1: number; missed: string[]; extra: string[] } {
  const tp = [...gold].filter((x) => pred.has(x)).length;
  const prec = pred.size ? tp / pred.size : gold.size ? 0 : 1;
  const rec = gold.size ? tp / gold.size : 1;
  return {
    f1: prec + rec ? (2 * prec * rec) / (prec + rec) : 0,
    missed: [...gold].filter((x) => !pred.has(x)),
    extra: [...pred].filter((x) => !gold.has(x)),
  };
}

/** Scores every gold document of one set (`seeds` or `corpus`). */
export function scoreSet(set: "seeds" | "corpus", shared = SHARED_DIR): ScoreRow[] {
  const goldDir = join(shared, "gold", set);
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(goldDir, f), "utf8")) as Gold;
      const text = cleanRawText(readFileSync(join(shared, set, g.file), "utf8"));
      const cites = findCitations(text, [{ start: 0, end: text.length, context: "body" }], { selfNumber: ownNumber(g) });
      const own = g.number?.seq
        ? `${code(g.number.typeCode ?? (g.docType === "CV" ? "CV" : ""))}|${num(g.number.seq)}|${code(g.number.issuerCode)}`
        : null;
      const goldKeys = new Set(g.citations.map(goldKey));
      const pred = new Set(
        cites
          .filter((c) => c.number != null && c.context !== "self")
          .map(citeKey)
          .filter((k) => k !== own && (k !== CHROME_KEY || goldKeys.has(k))),
      );
      const nq29 = cites.some((c) => citeKey(c) === "nq|29|tw" || /(^|\D)29nqtw|nq29tw|nqtw29(\D|$)/.test(code(c.key ?? "")));
      return { set, file: g.file, ...f1(goldKeys, pred), citesNQ29: nq29, citesNQ29Expected: g.citesNQ29 };
    });
}

/** Mean F1 of rows. */
export const meanF1 = (rows: readonly ScoreRow[]): number => rows.reduce((a, r) => a + r.f1, 0) / (rows.length || 1);

/** Whether the shared material is there to score against. */
export const hasShared = (): boolean => existsSync(join(SHARED_DIR, "gold"));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const set of ["seeds", "corpus"] as const) {
    const rows = scoreSet(set);
    for (const r of rows) {
      const nq = r.citesNQ29 === r.citesNQ29Expected ? "" : `  citesNQ29 ${r.citesNQ29} ≠ ${r.citesNQ29Expected}`;
      console.log(`${set.padEnd(6)} ${r.file.slice(0, 48).padEnd(48)} ${r.f1.toFixed(3)}${nq}`);
      if (r.f1 < 1) console.log(`         missed ${JSON.stringify(r.missed)} extra ${JSON.stringify(r.extra)}`);
    }
    console.log(`${set} mean F1 ${meanF1(rows).toFixed(4)} over ${rows.length} documents`);
  }
}

// The viparse benchmark (../shared/collections/viparse): its real TCVN3 and VNI Word 97 and RTF
// documents read directly by `vanban text`, scored by the benchmark's own scorer against its
// transcripts. The floors may only go up. Skipped when ../shared is not beside the checkout.
//
// Two figures are asserted, both with the unchanged scorer. As the transcripts stand: their
// TCVN3 text in the capitals fonts (.VnTimeH …) keeps the lower case it is stored in, where the
// page shows capitals and vanban writes them (its PROVENANCE.md: "heading case in
// all-lowercase-ASCII lines unverified"). And with the letter case of both sides folded, which
// measures the diacritics alone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/cli-io.js";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const viparse = resolve(repoRoot, "../shared/collections/viparse");
const python = ["python3", "python"].find((p) => {
  try {
    execFileSync(p, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});
const available = existsSync(join(viparse, "scripts/score.py")) && python !== undefined;
const work = mkdtempSync(join(tmpdir(), "vanban-viparse-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The .doc and .rtf files of the public-domain subset, in every encoding folder. */
function documents(): string[] {
  const root = join(viparse, "corpus/public-domain");
  return readdirSync(root).flatMap((folder) =>
    existsSync(join(root, folder)) && !folder.startsWith(".")
      ? readdirSync(join(root, folder))
          .filter((f) => /\.(?:doc|rtf)$/i.test(f))
          .map((f) => join(root, folder, f))
      : [],
  );
}

interface Report {
  summary: { n_documents: number; n_failures: number; diacritic_accuracy: number };
  documents: { document: string; diacritic_accuracy: number }[];
}

function score(pred: string, truth: string): Report {
  const out = execFileSync(python!, [join(viparse, "scripts/score.py"), "--pred", pred, "--truth", truth, "--subset", "public-domain"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as Report;
}

function folded(from: string, to: string): string {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) writeFileSync(join(to, f), readFileSync(join(from, f), "utf8").toLowerCase());
  return to;
}

describe.skipIf(!available)("the viparse benchmark, read with vanban text", () => {
  it("recovers the diacritics of the .doc and .rtf documents: overall, and on the mixed TCVN3 + VNI document", { timeout: 600_000 }, async () => {
    const files = documents();
    expect(files.length).toBeGreaterThanOrEqual(50);
    // The transcripts of these documents only: the subset also holds spreadsheets and PDFs.
    const truth = join(work, "truth");
    mkdirSync(truth);
    for (const f of files) {
      const name = `${basename(f).replace(/\.[^.]+$/, "")}.txt`;
      writeFileSync(join(truth, name), readFileSync(join(viparse, "ground-truth", name)));
    }
    const pred = join(work, "pred");
    const { code, err } = await runCli(["text", "--out", pred, ...files]);
    expect(err).toBe("");
    expect(code).toBe(0);

    const asIs = score(pred, truth);
    expect(asIs.summary.n_failures).toBe(0);
    expect(asIs.summary.diacritic_accuracy).toBeGreaterThanOrEqual(0.982);
    const mixed = (r: Report) => r.documents.find((d) => d.document === "2004-duanLD9820")!.diacritic_accuracy;
    expect(mixed(asIs)).toBeGreaterThanOrEqual(0.99);

    const caseless = score(folded(pred, join(work, "pred-folded")), folded(truth, join(work, "truth-folded")));
    expect(caseless.summary.diacritic_accuracy).toBeGreaterThanOrEqual(0.998);
    expect(mixed(caseless)).toBeGreaterThanOrEqual(0.99);
  });
});

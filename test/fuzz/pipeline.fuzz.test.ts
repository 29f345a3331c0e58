// The bounded fuzz run of CI: FUZZ_RUNS inputs (10,000 by default) from a fixed seed (FUZZ_SEED
// to change it), through the whole pipeline, bytes → record → outputs, with no throw. An input
// that fails is saved under test/fuzz/regressions/ (named by its hash), where regressions.test.ts
// runs it on every `npm test` once the defect is fixed and the file committed.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, it } from "vitest";
import { checkPipeline } from "./check-pipeline.js";
import { pipelineInput } from "./pipeline-inputs.js";

const seed = Number(process.env.FUZZ_SEED ?? 20240618);
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const regressions = new URL("./regressions/", import.meta.url);

describe(`the pipeline on ${runs} generated inputs (FUZZ_SEED=${seed})`, () => {
  it("never throws, and its records and outputs hold", { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(pipelineInput, (input) => {
        try {
          checkPipeline(input.bytes);
        } catch (error) {
          const name = `${createHash("sha256").update(input.bytes).digest("hex").slice(0, 16)}.bin`;
          mkdirSync(regressions, { recursive: true });
          writeFileSync(new URL(name, regressions), input.bytes);
          throw new Error(`${input.how}: ${(error as Error).message}\n(saved as test/fuzz/regressions/${name})`);
        }
      }),
      // Shrinking would re-run the slowest inputs hundreds of times; the failing input is saved.
      { seed, numRuns: runs, endOnFailure: true },
    );
  });
});

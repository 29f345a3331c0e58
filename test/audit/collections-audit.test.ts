// The audit of real documents nobody tuned the parser for (../shared/collections/tvpl-2025) and of
// pages that are not documents (not-documents): per check, the number of files that fail it may
// not exceed its budget in audit-budget.json. A budget only ever goes down: when a fix brings a
// count under it, lower it to the new count in the same commit (the test says so).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RECORD_CHECKS } from "../../src/parse/check-record.js";
import { auditDocuments, auditNotDocuments, collectionsDir, type AuditResult } from "./audit-collections.js";

const budget = JSON.parse(readFileSync(new URL("./audit-budget.json", import.meta.url), "utf8")) as Record<string, Record<string, number>>;

function report(set: string, result: AuditResult): void {
  const lines = Object.entries(budget[set]!).map(([check, max]) => {
    const n = result.counts[check] ?? 0;
    return `  ${check.padEnd(18)} ${String(n).padStart(3)} / budget ${max}${n < max ? "  (lower the budget)" : ""}`;
  });
  console.log(`audit ${set}: ${result.files} files, ${result.complete} with number, date, issuer, type and title\n${lines.join("\n")}`);
}

function expectWithinBudget(set: string, result: AuditResult): void {
  for (const [check, max] of Object.entries(budget[set]!)) {
    const names = result.flagged.filter((f) => f.failed.includes(check)).map((f) => f.name);
    expect(names.length, `${set}: ${check} fails on ${names.join(", ")}`).toBeLessThanOrEqual(max);
  }
}

describe.skipIf(!collectionsDir)("audit of the shared collections", () => {
  it("budgets every check the parser makes", () => {
    expect(Object.keys(budget["tvpl-2025"]!).sort()).toEqual([...RECORD_CHECKS].sort());
  });

  it("keeps tvpl-2025 within the failure budget of each check", { timeout: 300_000 }, () => {
    const result = auditDocuments(collectionsDir!);
    report("tvpl-2025", result);
    expect(result.files).toBeGreaterThan(200);
    expectWithinBudget("tvpl-2025", result);
  });

  it("reads no type and no number on pages that are not documents", { timeout: 300_000 }, () => {
    const result = auditNotDocuments(collectionsDir!);
    report("not-documents", result);
    expect(result.files).toBeGreaterThan(200);
    expectWithinBudget("not-documents", result);
  });
});

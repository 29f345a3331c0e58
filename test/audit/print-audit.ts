// Prints the audit's figures and, with a check's name as argument, the records that fail it:
// `npx tsx test/audit/print-audit.ts [check]`.
import { auditDocuments, auditNotDocuments, collectionsDir } from "./audit-collections.js";

if (!collectionsDir) {
  console.log("../shared/collections is absent: nothing to audit");
  process.exit(0);
}
const only = process.argv[2];
for (const [set, result] of [["tvpl-2025", auditDocuments(collectionsDir)], ["not-documents", auditNotDocuments(collectionsDir)]] as const) {
  console.log(`${set}: ${result.files} files, ${result.complete} complete, ${result.flagged.length} flagged`, JSON.stringify(result.counts));
  for (const f of result.flagged) {
    if (only && !f.failed.includes(only)) continue;
    if (!only) continue;
    const r = f.record;
    console.log(`  ${f.name} [${f.failed.join(",")}] type=${r.docType?.code} no=${r.number?.raw} date=${r.date?.iso} issuer=${r.issuer?.name}${r.issuer?.parent ? ` <${r.issuer.parent}>` : ""} title=${r.title?.slice(0, 90)} sig=${r.signature?.authority}|${r.signature?.principal}|${r.signature?.title}`);
    for (const d of r.diagnostics.filter((d) => d.severity === "suspect")) console.log(`      ${d.message}`);
  }
}

// `vanban refs FILE|ID`: what a document cites, each citation with its status in the collection.
import { existsSync } from "node:fs";
import { printCsv } from "../print-csv.js";
import { resolve, sep } from "node:path";
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { terminalSafe } from "../render-record.js";
import { terminalStyle, usesColor } from "../terminal-style.js";
import { DocumentNotFoundError, type RefsAnswer } from "../../kb/collection.js";
import type { DocumentReference } from "../../kb/query-results.js";
import { safeName } from "../safe-name.js";
import { outputFormatOf } from "../list-options.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban refs FILE|ID [--format text|json|csv] [--store DIR]

Lists what a document cites — by its file or its record id — each citation with its status in the
store's collection:

  resolved           the collection holds the cited document (its file is shown)
  ambiguous          several documents of the collection have that number; the candidates are shown
  not-in-collection  the collection does not hold it
  conflict           it is cited with another date than the document bears, or with two dates
  self               the document itself (shown only with --json)

A file the store does not hold is parsed now and its citations resolved against the collection.

  --json        one JSON object per citation per line: citation, index, status, candidates, note,
                sentence, label, resolvedTo
  --format F    text (default), json (as --json) or csv (RFC 4180, UTF-8 with a byte-order mark,
                for Excel: one row per citation with its status and where it leads)
  --store DIR   the store (default .vanban; built from the shipped corpus when there is none)

Exit status: 0, 1 when the document is neither in the store nor a readable file, 2 on bad usage.
`;

const STATUS_WORDS: Record<DocumentReference["status"], string> = {
  resolved: "resolved",
  ambiguous: "ambiguous",
  "not-in-collection": "not in collection",
  conflict: "conflict",
  self: "self",
};

function renderReference(ref: DocumentReference, io: CommandIo): string {
  const style = terminalStyle(usesColor(io));
  const dim = style.dim;
  const mark = ref.status === "resolved" ? style.green : ref.status === "conflict" ? style.red : ref.status === "ambiguous" ? style.yellow : (s: string) => s;
  const lines = [`  ${mark(STATUS_WORDS[ref.status].padEnd(17))} ${dim(ref.citation.context.padEnd(9))} ${terminalSafe(ref.label)}  ${dim(`“${terminalSafe(ref.citation.raw.replace(/\s+/g, " "))}”`)}`];
  const indent = " ".repeat(30);
  if (ref.resolvedTo) lines.push(`${indent}→ ${displayPath(ref.resolvedTo.path, io)}${ref.resolvedTo.title ? `  ${terminalSafe(ref.resolvedTo.title)}` : ""}`);
  if (ref.status === "ambiguous") lines.push(`${indent}may be: ${ref.candidates.map(terminalSafe).join(", ")}`);
  if (ref.note && ref.status !== "ambiguous") lines.push(`${indent}${dim(terminalSafe(ref.note))}`);
  return lines.join("\n");
}

/** `vanban refs`: a document's citations with their statuses. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", "format"], ["json"]);
  const format = outputFormatOf(options);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "no FILE or ID given (see vanban refs --help)" : `one FILE or ID at a time, not ${positional.length}`);
  const wanted = positional[0]!;
  const store = storeDirOf(options, io);
  return reportingStoreErrors("refs", io, async () => {
    const collection = await openCollectionForReading(store, io, "refs");
    // A path is the user's, relative to where they are; anything else may be a record id.
    const path = resolve(io.cwd, wanted);
    let answer: RefsAnswer;
    try {
      answer = await collection.refs(wanted.includes(sep) || existsSync(path) ? path : wanted);
    } catch (error) {
      if (!(error instanceof DocumentNotFoundError)) throw error;
      io.err(`vanban refs: ${displayPath(path, io)}: ${safeName(error.reason.replace(collection.location, displayPath(collection.location, io)))}\n`);
      return 1;
    }
    const { document, references: refs } = answer;
    const heading = `${document.path ? displayPath(document.path, io) : ""}  ${terminalSafe(document.title ?? "—")} (${terminalSafe(document.id)})`;
    if (!answer.inCollection) io.err(`vanban refs: ${displayPath(path, io)} is not in the store; its citations are resolved against it\n`);
    if (format === "csv") return printCsv(io, (t) => t.refsTable(refs));
    if (format === "json") {
      for (const ref of refs) io.out(JSON.stringify(ref) + "\n");
      return 0;
    }
    const shown = refs.filter((r) => r.status !== "self");
    const selfCount = refs.length - shown.length;
    io.out(`${heading}\n`);
    if (shown.length === 0) io.out("  cites no other document\n");
    for (const ref of shown) io.out(`${renderReference(ref, io)}\n`);
    if (selfCount > 0) io.out(`  (and ${selfCount} mention${selfCount === 1 ? "" : "s"} of the document itself)\n`);
    return 0;
  });
}

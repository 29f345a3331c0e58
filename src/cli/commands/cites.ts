// `vanban cites REF`: the documents of the store that cite a document, given in any spelling or
// by its name, each with the sentences that cite it; with --transitive also those that cite it
// through other documents, with the chain.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { printCsv } from "../print-csv.js";
import { terminalSafe } from "../render-record.js";
import { terminalStyle, usesColor } from "../terminal-style.js";
import type { CitesAnswer } from "../../kb/collection.js";
import { ReferenceQueryError } from "../../kb/knowledge-base.js";
import type { CitingDocument } from "../../kb/query-results.js";
import { asUsageError, FILTER_HELP, FILTER_OPTIONS, listFiltersOf, outputFormatOf } from "../list-options.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban cites REF [--transitive] [filters] [--format text|json|csv] [--store DIR]

Lists the documents of the store that cite REF, each with the sentence that cites it. REF is a
document in any spelling — 29-NQ/TW, 29/NQ-TW, "NQ 29", "Nghị quyết 29", "nghi quyet so 29/NQ-TW" —
a name it is known by ("Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện
giáo dục và đào tạo"), a canonical key (NQ:29:TW@2013) or a record id of the store.

  --transitive  also the documents that cite it through others (a plan → Kết luận 91-KL/TW →
                Nghị quyết 29-NQ/TW), each with its chain
${FILTER_HELP.split("\n").filter((l) => !l.includes("--cites")).join("\n")}
  --format F    text (default), json or csv (RFC 4180, UTF-8 with a byte-order mark, for Excel:
                one row per citing document, with the first citing sentence and the chain)
  --json        the same as --format json: one JSON object per citing document per line: id, path,
                title, docType, number, date, issuer, direct, citations (raw, span, context,
                sentence, key, status, target) and chain (null for direct citations)
  --store DIR   the store (default .vanban; built from the shipped corpus when there is none)

Exit status: 0 (also when nothing cites REF), 1 when the store cannot be read, 2 on bad usage.
`;


/** The sentence with the citation's own words in bold (terminal only); document text made safe first. */
function sentenceWithCitation(sentence: string, raw: string, color: boolean): string {
  const safe = terminalSafe(sentence);
  const words = terminalSafe(raw).replace(/\s+/g, " ");
  if (!color) return safe;
  const at = safe.indexOf(words);
  return at < 0 ? safe : `${safe.slice(0, at)}${terminalStyle(color).bold(words)}${safe.slice(at + words.length)}`;
}

function renderDocument(doc: CitingDocument, io: CommandIo): string {
  const color = usesColor(io);
  const s = terminalStyle(color);
  const lines = [`${s.bold(displayPath(doc.path, io))}  ${terminalSafe(doc.title ?? "—")} ${s.dim(`(${terminalSafe(doc.id)})`)}`];
  if (doc.chain) lines.push(`  ${s.dim("via")}  ${doc.chain.map((l, i) => (i === 0 ? "this document" : `${l.relation === "cites" ? "" : `${l.relation} `}${terminalSafe(l.label)}`)).join(" → ")}`);
  const seen = new Set<string>();
  for (const c of doc.citations) {
    if (seen.has(c.sentence)) continue;
    seen.add(c.sentence);
    lines.push(`  ${s.dim(c.context.padEnd(9))} ${sentenceWithCitation(c.sentence, c.raw, color)}`);
  }
  return lines.join("\n");
}

// The documents that cite one target, direct ones first; a line on stderr when there are none.
function printFound(found: readonly CitingDocument[], target: string, store: string, io: CommandIo, transitive: boolean): void {
  const direct = found.filter((d) => d.direct);
  const through = found.filter((d) => !d.direct);
  if (found.length === 0) {
    io.err(`vanban cites: no document in ${displayPath(store, io)} cites ${target}${transitive ? "" : " (--transitive also looks for citations through other documents)"}\n`);
    return;
  }
  io.out(`${direct.length} document${direct.length === 1 ? "" : "s"} cite${direct.length === 1 ? "s" : ""} ${target}\n`);
  for (const doc of direct) io.out(`\n${renderDocument(doc, io)}\n`);
  if (transitive) {
    io.out(`\n${through.length} more cite${through.length === 1 ? "s" : ""} it through other documents\n`);
    for (const doc of through) io.out(`\n${renderDocument(doc, io)}\n`);
  }
}

/** `vanban cites`: who cites a document. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", "format", ...FILTER_OPTIONS.filter((o) => o !== "cites")], ["transitive", "json"]);
  const format = outputFormatOf(options);
  const filters = listFiltersOf(options);
  if (positional.length === 0) throw new UsageError("no REF given (see vanban cites --help)");
  // A name of several words may come unquoted: the words are one reference.
  const ref = positional.join(" ");
  const store = storeDirOf(options, io);
  return reportingStoreErrors("cites", io, async () => {
    const collection = await openCollectionForReading(store, io, "cites");
    const transitive = options.transitive === true;
    let answer: CitesAnswer;
    try {
      answer = await collection.cites(ref, { transitive, ...filters });
    } catch (error) {
      if (error instanceof ReferenceQueryError) throw new UsageError(error.message);
      throw asUsageError(error);
    }
    if (format === "csv") return printCsv(io, (t) => t.citesTable(answer));
    if (format === "json") {
      // One line per citing document, whichever of the documents the reference stands for it cites.
      const printed = new Set<string>();
      for (const doc of answer.groups.flatMap((g) => g.documents)) {
        if (printed.has(doc.path)) continue;
        printed.add(doc.path);
        io.out(JSON.stringify(doc) + "\n");
      }
      return 0;
    }
    if (answer.groups.length === 1) {
      printFound(answer.groups[0]!.documents, terminalSafe(answer.groups[0]!.label), collection.location, io, transitive);
      return 0;
    }
    // A name several documents bear (laws of one name over the years): each one's citing
    // documents apart, then how to ask for one of them.
    for (const group of answer.groups) {
      if (group.documents.length === 0) io.out(`no document cites ${terminalSafe(group.label)}\n\n`);
      else {
        printFound(group.documents, terminalSafe(group.label), collection.location, io, transitive);
        io.out("\n");
      }
    }
    io.out(`"${terminalSafe(ref)}" names several documents; ask for one of them by its key:\n`);
    for (const group of answer.groups) io.out(`  vanban cites '${terminalSafe(group.key ?? "")}'   ${terminalSafe(group.label)}\n`);
    return 0;
  });
}

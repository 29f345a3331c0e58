// `vanban list`: the documents of the store narrowed by filters, with no query — all plans of a
// province in a year that cite a resolution — as text, JSON lines or CSV.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { printCsv } from "../print-csv.js";
import { terminalSafe } from "../render-record.js";
import { terminalStyle, usesColor } from "../terminal-style.js";
import type { ListedDocument } from "../../kb/collection-results.js";
import { asUsageError, FILTER_HELP, FILTER_OPTIONS, listFiltersOf, outputFormatOf } from "../list-options.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban list [--type KH] [--issuer NAME] [--place NAME] [--province NAME] [--level L]
                   [--system state|party] [--year 2023..2025] [--cites REF]
                   [--format text|json|csv] [--store DIR]

Lists the documents of the store that pass every filter given (all of them with none), sorted by
path: type, number, date, issuer, province and level, title.

${FILTER_HELP}
  --format F        text (default), json (one JSON object per document per line: id, path, title,
                    docType, number, date, issuer, system, place, province, formerProvince, level)
                    or csv (RFC 4180, UTF-8 with a byte-order mark, for Excel)
  --json            the same as --format json
  --store DIR       the store (default .vanban; built from the shipped corpus when there is none)

Exit status: 0 (also when no document passes), 1 when the store cannot be read, 2 on bad usage.
`;

function renderDocument(doc: ListedDocument, io: CommandIo): string {
  const { dim } = terminalStyle(usesColor(io));
  const where = [doc.province ? (doc.formerProvince ? `${doc.province} (${doc.formerProvince})` : doc.province) : null, doc.level].filter(Boolean).join(", ");
  const head = [doc.docType ? `${doc.docType.name}${doc.number ? ` ${doc.number}` : ""}` : doc.number, doc.date, doc.issuer, where || null].filter(Boolean).map((s) => terminalSafe(s!));
  return [`${head.join(" · ") || terminalSafe(doc.id)}`, `  ${terminalSafe(doc.title ?? "—")}`, `  ${dim(displayPath(doc.path, io))}`].join("\n");
}

/** `vanban list`: documents by filters. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", ...FILTER_OPTIONS, "format"], ["json"]);
  if (positional.length > 0) throw new UsageError(`list takes no QUERY ('${positional[0]}'); vanban search QUERY searches the text`);
  const filters = listFiltersOf(options);
  const format = outputFormatOf(options);
  const store = storeDirOf(options, io);
  return reportingStoreErrors("list", io, async () => {
    const collection = await openCollectionForReading(store, io, "list");
    try {
      let documents: ListedDocument[];
      try {
        documents = await collection.list(filters);
      } catch (error) {
        if ((error as Error)?.name === "ReferenceQueryError") throw new UsageError(`--cites: cannot read "${filters.cites}" as a reference to a document`);
        throw asUsageError(error);
      }
      if (format === "csv") await printCsv(io, (t) => t.listTable(documents));
      else if (format === "json") {
        for (const doc of documents) io.out(JSON.stringify(doc) + "\n");
      } else if (documents.length === 0) {
        io.err(`vanban list: no document in ${displayPath(store.dir, io)} passes these filters\n`);
      } else {
        io.out(documents.map((d) => renderDocument(d, io)).join("\n\n") + `\n\n${documents.length} document${documents.length === 1 ? "" : "s"}\n`);
      }
      return 0;
    } finally {
      await collection.close();
    }
  });
}

// `vanban search QUERY`: full-text search over the store's search index (src/search), with the
// knowledge base's reading of references for --cites.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { printCsv } from "../print-csv.js";
import { terminalSafe } from "../render-record.js";
import { terminalStyle, usesColor } from "../terminal-style.js";
import type { CollectionSearchOptions } from "../../kb/collection.js";
import type { SearchResult } from "../../search/search.js";
import { asUsageError, FILTER_HELP, FILTER_OPTIONS, listFiltersOf, outputFormatOf } from "../list-options.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban search QUERY [--type KH] [--issuer NAME] [--place NAME] [--province NAME]
                     [--level L] [--system state|party] [--year 2023..2025] [--cites REF]
                     [--limit N] [--format text|json|csv] [--store DIR]

Searches the documents of the store, with or without diacritics, in old or new tone placement, by
number in any spelling, by "quoted phrase". Each result shows its type, number, date, issuer,
title and the passage that matches best, the matched words highlighted on a terminal.

${FILTER_HELP}
  --limit N         at most N results (default 20)
  --format F        text (default), json (one JSON object per result per line, in rank order) or
                    csv (RFC 4180, UTF-8 with a byte-order mark, for Excel)
  --json            the same as --format json
  --store DIR       the store (default .vanban; built from the shipped corpus when there is none)

The place, province and level filters look through the first 1,000 results.

Exit status: 0 (also when nothing matches), 1 when the store cannot be read, 2 on bad usage.
`;

function filtersOf(options: Record<string, string | true>): CollectionSearchOptions {
  const filters: CollectionSearchOptions = listFiltersOf(options);
  const limit = options.limit;
  if (limit === true) throw new UsageError("--limit needs a value");
  if (limit !== undefined) {
    filters.limit = Number(limit);
    if (!Number.isInteger(filters.limit) || filters.limit < 1) throw new UsageError(`--limit needs a whole number, not '${limit}'`);
  }
  return filters;
}

/** The passage with its highlights in bold on a terminal; each piece of document text made safe on its own. */
function renderSnippet(result: SearchResult, color: boolean): string {
  const { text, highlights } = result.snippet;
  let out = "";
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += terminalSafe(text.slice(at, h.start));
    const word = terminalSafe(text.slice(h.start, h.start + h.length));
    out += terminalStyle(color).bold(word);
    at = h.start + h.length;
  }
  out += terminalSafe(text.slice(at));
  return out.replace(/\s+/g, " ").trim();
}

function renderResult(result: SearchResult, rank: number, io: CommandIo): string {
  const { dim } = terminalStyle(usesColor(io));
  const head = [result.docType ? `${result.docType.name}${result.number ? ` ${result.number}` : ""}` : result.number, result.date, result.issuer].filter(Boolean).map((s) => terminalSafe(s!));
  return [
    `${String(rank).padStart(2)}. ${head.join(" · ") || terminalSafe(result.id)}`,
    `    ${terminalSafe(result.title ?? "—")}`,
    `    ${renderSnippet(result, usesColor(io))}`,
    `    ${dim(result.path ? displayPath(result.path, io) : result.id)}`,
  ].join("\n");
}

/** `vanban search`: ranked full-text results. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", ...FILTER_OPTIONS, "limit", "format"], ["json"]);
  const format = outputFormatOf(options);
  const query = positional.join(" ").trim();
  if (!query) throw new UsageError("no QUERY given (see vanban search --help)");
  const filters = filtersOf(options);
  const store = storeDirOf(options, io);
  return reportingStoreErrors("search", io, async () => {
    const collection = await openCollectionForReading(store, io, "search");
    try {
      let results: SearchResult[];
      try {
        results = await collection.search(query, filters);
      } catch (error) {
        // By name: importing the class would load the knowledge base and its grammars into every search.
        if ((error as Error)?.name === "ReferenceQueryError") throw new UsageError(`--cites: cannot read "${filters.cites}" as a reference to a document`);
        throw asUsageError(error);
      }
      if (format === "csv") return printCsv(io, (t) => t.searchTable(results));
      if (format === "json") {
        for (const result of results) io.out(JSON.stringify(result) + "\n");
        return 0;
      }
      if (results.length === 0) {
        io.err(`vanban search: nothing in ${displayPath(store.dir, io)} matches ${terminalSafe(query)}\n`);
        return 0;
      }
      io.out(results.map((r, i) => renderResult(r, i + 1, io)).join("\n\n") + "\n");
      return 0;
    } finally {
      await collection.close();
    }
  });
}

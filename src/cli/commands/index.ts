// `vanban index`: reads folders of documents into the store (records, citation graph, search
// index) and says what it did.
import { resolve } from "node:path";
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { buildStore } from "../build-store.js";
import { displayPath, reportingStoreErrors, storeDirOf } from "../store-access.js";
import { DOCUMENT_EXTENSIONS } from "../../input/document-formats.js";
import { shippedCorpusDir } from "../../kb/package-info.js";
import type { SearchIndexUpdate } from "../../kb/update-search-index.js";

const HELP = `Usage: vanban index [DIR...] [--store DIR] [--jobs N]

Reads the documents under each DIR (folders, recursively: ${[...DOCUMENT_EXTENSIONS].join(" ")} files;
default: the corpus shipped with vanban) into a store: their records, the citation graph and the
search index. The store is .vanban in the working directory unless --store names another. Running
it again re-reads only the files that changed and drops those gone from a folder that is still
there; a DIR that is missing or cannot be listed stops the run and changes nothing. A damaged
store is rebuilt. Files with identical content are one document with several paths.

A file that cannot be read is skipped; the others are indexed, and the skipped ones are listed at
the end with the reason. On a terminal a progress bar shows files, MB/s and the time left.

  --store DIR   the store directory (created readable by you only), or a postgres:// URL
                (also VANBAN_STORE): the collection in a PostgreSQL database
  --jobs N      parse, and build the search index, on N threads (default: the number
                of cores, at most 4)

Exit status: 0 when the store holds documents, 1 when nothing could be indexed, a DIR cannot be
read or the store could not be written (another vanban index is writing it, or the --store
directory is not a store), 2 on bad usage.
`;

/** The search index's part of a run, in a few words: `built (9 documents) in 0.4 s`. */
export function describeSearchUpdate(update: SearchIndexUpdate | null): string {
  if (!update) return "not updated";
  // The time of the search index apart, since it follows the parse: where the time went.
  const took = ` in ${update.seconds.toFixed(1)} s`;
  if (update.action === "up-to-date") return `up to date (${update.documents} documents)`;
  if (update.action === "built") return `built (${update.documents} documents)${took}`;
  return `updated (${update.added} added, ${update.removed} removed)${took}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `vanban index`: the store of a collection. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", "jobs"], []);
  let jobs: number | undefined;
  if (options.jobs !== undefined) {
    jobs = Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of threads, not '${String(options.jobs)}'`);
  }
  const store = storeDirOf(options, io);
  const paths = positional.length > 0 ? positional.map((p) => resolve(io.cwd, p)) : [shippedCorpusDir()];
  return reportingStoreErrors("index", io, async () => {
    const started = Date.now();
    const report = await buildStore(paths, store.dir, io, { jobs });
    if (report.listed === 0) {
      for (const s of report.skipped) io.err(`vanban index: ${displayPath(s.path, io)}: ${s.reason}\n`);
      io.err(`vanban index: no documents found in ${paths.map((p) => displayPath(p, io)).join(", ")}${report.documents > 0 ? "; the store was left as it was" : ""}\n`);
      return 1;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const c = report.citations;
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    io.out(
      `${report.changed ? "indexed" : "unchanged:"} ${plural(report.documents, "document")} in ${displayPath(report.store, io)} ` +
        `(${report.parsed} read, ${report.unchanged} unchanged, ${report.removed} removed) in ${seconds} s\n`,
    );
    io.out(
      `citations: ${total}: ${c.resolved} resolved, ${c.ambiguous} ambiguous, ${c["not-in-collection"]} not in the collection, ` +
        `${c.conflict} in conflict${report.conflicts ? ` (${plural(report.conflicts, "document")} cited with different dates)` : ""}, ${c.self} to the document itself\n`,
    );
    io.out(`search index: ${describeSearchUpdate(report.search)}\n`);
    for (const d of report.duplicates) io.err(`vanban index: ${displayPath(d.path, io)}: duplicate of ${displayPath(d.of, io)} (one document)\n`);
    if (report.skipped.length > 0) {
      io.err(`vanban index: skipped ${plural(report.skipped.length, "file")}:\n`);
      for (const s of report.skipped) io.err(`  ${displayPath(s.path, io)}: ${s.reason}\n`);
    }
    return report.documents > 0 ? 0 : 1;
  });
}

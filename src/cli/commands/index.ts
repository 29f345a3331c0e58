// `vanban index`: reads folders of documents into the store (records, citation graph, search
// index), with a progress bar on a terminal and plain lines otherwise; and bringing a store's
// search index up to date, for the reading commands too.
import { resolve } from "node:path";
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { listDocuments, safeName } from "../list-documents.js";
import { displayPath, reportingStoreErrors, storeDirOf } from "../store-access.js";
import { indexFolder, shippedCorpusDir, type IndexProgress, type IndexReport, type KnowledgeBase } from "../../kb/index.js";

const HELP = `Usage: vanban index [DIR...] [--store DIR] [--jobs N]

Reads the documents under each DIR (folders, recursively: .txt and .md files; default: the corpus
shipped with vanban) into a store: their records, the citation graph and the search index.
The store is .vanban in the working directory unless --store names another. Running it again
re-reads only the files that changed and drops those that are gone; a damaged store is rebuilt.

A file that cannot be read is skipped; the others are indexed, and the skipped ones are listed at
the end with the reason. On a terminal a progress bar shows files, MB/s and the time left.

  --store DIR   the store directory (created readable by you only)
  --jobs N      parse, and build the search index, on N threads (default: the number
                of cores, at most 4)

Exit status: 0 when the store holds documents, 1 when nothing could be indexed or the store could
not be written (another vanban index is writing it, or DIR is not a store), 2 on bad usage.
`;

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1);

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return "?";
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** Reports progress: a cli-progress bar on a terminal, a plain line every tenth of the way (or 5 s) otherwise. */
async function progressReporter(io: CommandIo, quiet: boolean): Promise<{ update: (p: IndexProgress) => void; stop: () => void }> {
  const started = Date.now();
  const rate = (p: IndexProgress) => {
    const seconds = (Date.now() - started) / 1000;
    const speed = seconds > 0 ? p.bytesDone / seconds : 0;
    const left = speed > 0 ? (p.bytesTotal - p.bytesDone) / speed : Number.NaN;
    return { speed: `${mb(speed)} MB/s`, left: formatSeconds(left) };
  };
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (io.isTTY) {
    const { SingleBar, Presets } = (await import("cli-progress")).default;
    // cli-progress writes to a stream: this one sends its output through the command's io.
    const stream = { isTTY: true, columns: 100, write: (s: string) => (io.err(s), true), on: () => stream, removeListener: () => stream };
    const bar = new SingleBar(
      {
        format: "indexing {bar} {value}/{total} files | {speed} | {left} left",
        stream: stream as unknown as NodeJS.WriteStream,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (p.phase !== "reading" || p.filesTotal === 0) return;
        if (!started) {
          bar.start(p.filesTotal, 0, rate(p));
          started = true;
        }
        bar.update(p.filesDone, rate(p));
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let nextShare = 0.1;
  let lastLine = Date.now();
  return {
    update: (p) => {
      if (p.phase !== "reading" || p.filesTotal === 0) return;
      if (p.filesDone === 0) {
        io.err(`vanban index: reading ${p.filesTotal} file${p.filesTotal === 1 ? "" : "s"} (${mb(p.bytesTotal)} MB)\n`);
        return;
      }
      const share = p.filesDone / p.filesTotal;
      if (p.filesDone === p.filesTotal || share >= nextShare || Date.now() - lastLine >= 5000) {
        const { speed, left } = rate(p);
        io.err(`vanban index: ${p.filesDone}/${p.filesTotal} files, ${speed}${p.filesDone < p.filesTotal ? `, about ${left} left` : ""}\n`);
        while (nextShare <= share) nextShare += 0.1;
        lastLine = Date.now();
      }
    },
    stop: () => undefined,
  };
}

/**
 * Brings the search index in the store up to date with its records (src/search saves it in the
 * store's `search/` folder with its own manifest and checksums); returns what it did, in a few words.
 */
export async function updateSearchIndex(kb: KnowledgeBase, onMessage: (message: string) => void, options: { jobs?: number } = {}): Promise<string> {
  const { checkIndex, loadIndex, saveIndex } = await import("../../search/index.js");
  const { buildSearchIndex } = await import("../../kb/build-search-index.js");
  const { searchableDocuments } = await import("../../kb/open-search-index.js");
  const documents = searchableDocuments(kb.documents());
  const expectedHashes = documents.map((entry) => entry.sha256);
  const rebuild = async () => `built (${(await buildSearchIndex(kb, kb.searchDir, { jobs: options.jobs })).documents} documents)`;
  // Built from nothing, or when most of it changed (seen from its manifest, before loading what
  // would be thrown away): shards in parallel, written by the workers that build them.
  const check = await checkIndex(kb.searchDir, { expectedHashes });
  if (check.status === "missing" || (check.status === "stale" && check.added.length > documents.length / 2)) return rebuild();
  const loaded = await loadIndex(kb.searchDir, { expectedHashes });
  if (loaded.status === "ok") {
    const size = loaded.index.size;
    loaded.index.close();
    return `up to date (${size} documents)`;
  }
  if (loaded.status !== "stale") {
    if (loaded.status !== "missing") onMessage(`${loaded.message}; rebuilding it`);
    return rebuild();
  }
  // A few documents added or removed: the index is updated document by document.
  const index = loaded.index;
  try {
    for (const gone of loaded.removed) index.remove(gone.id);
    const added = new Set(loaded.added);
    for (const entry of documents) if (added.has(entry.sha256)) index.replace(await kb.record(entry));
    await saveIndex(index, kb.searchDir);
  } finally {
    index.close();
  }
  return `updated (${loaded.added.length} added, ${loaded.removed.length} removed)`;
}

/** Indexes `paths` into `store`, reporting progress and messages on `io`; the search index is updated under the same lock. */
export async function buildStore(paths: string[], store: string, io: CommandIo, options: { jobs?: number; quiet?: boolean } = {}): Promise<{ report: IndexReport; search: string }> {
  const progress = await progressReporter(io, options.quiet ?? false);
  let search = "not updated";
  try {
    const report = await indexFolder(paths, {
      store,
      jobs: options.jobs,
      onProgress: progress.update,
      onMessage: (m) => io.err(`vanban index: ${safeName(m)}\n`),
      listFiles: (roots) => {
        const { files, skipped } = listDocuments(roots);
        return { files: files.map((f) => resolve(io.cwd, f)), skipped };
      },
      afterCommit: async (kb) => {
        const started = Date.now();
        search = await updateSearchIndex(kb, (m) => io.err(`vanban index: ${safeName(m)}\n`), { jobs: options.jobs });
        // The time of the search index apart, since it follows the parse: where the time went.
        if (!search.startsWith("up to date")) search += ` in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      },
    });
    return { report, search };
  } finally {
    progress.stop();
  }
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
    const { report, search } = await buildStore(paths, store, io, { jobs });
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
    io.out(`search index: ${search}\n`);
    if (report.skipped.length > 0) {
      io.err(`vanban index: skipped ${plural(report.skipped.length, "file")}:\n`);
      for (const s of report.skipped) io.err(`  ${displayPath(s.path, io)}: ${s.reason}\n`);
    }
    return report.documents > 0 ? 0 : 1;
  });
}

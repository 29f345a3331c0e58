// Running an index from the command line: `indexFolder` with progress on the terminal (a
// progress bar) or as plain lines (piped, in a log), and its messages on stderr. Shared by
// `vanban index` and by the reading commands that build the default store on first use.
import type { CommandIo } from "./command-io.js";
import { safeName } from "./safe-name.js";
import { openCollectionAt } from "../pg/open-collection-at.js";
import type { IndexProgress, IndexReport } from "../kb/index-folder.js";

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

/** Indexes `paths` into `store` (records, citation graph and search index, under one lock), reporting progress and messages on `io`. */
export async function buildStore(paths: string[], store: string, io: CommandIo, options: { jobs?: number; quiet?: boolean } = {}): Promise<IndexReport> {
  const progress = await progressReporter(io, options.quiet ?? false);
  try {
    const collection = await openCollectionAt(store);
    try {
      return await collection.index(paths, {
        jobs: options.jobs,
        onProgress: progress.update,
        onMessage: (m) => io.err(`vanban index: ${safeName(m)}\n`),
      });
    } finally {
      await collection.close();
    }
  } finally {
    progress.stop();
  }
}


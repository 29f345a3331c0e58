// `vanban stats`: what the store holds — documents by type, issuer and year, and the documents
// its documents cite most.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { terminalSafe } from "../render-record.js";
import type { FacetCount } from "../../kb/collection-results.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban stats [--json] [--store DIR]

Shows the size of the store's collection, its documents counted by type, issuer (the 50 most
frequent) and year, and the 20 documents cited by the most of its documents.

  --json        one JSON object: documents, files, generation, createdAt, roots, byType, byIssuer,
                byYear, mostCited (node, id, label, citedBy)
  --store DIR   the store (default .vanban; built from the shipped corpus when there is none)

Exit status: 0, 1 when the store cannot be read, 2 on bad usage.
`;

function table(title: string, counts: readonly FacetCount[], limit: number): string {
  const shown = counts.slice(0, limit);
  const width = Math.max(0, ...shown.map((c) => String(c.count).length));
  return [`${title}:`, ...shown.map((c) => `  ${String(c.count).padStart(width)}  ${terminalSafe(c.value)}`), ...(counts.length > limit ? [`  … and ${counts.length - limit} more`] : [])].join("\n");
}

/** `vanban stats`: counts over the collection. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store"], ["json"]);
  if (positional.length > 0) throw new UsageError(`stats takes no arguments ('${positional[0]}')`);
  const store = storeDirOf(options, io);
  return reportingStoreErrors("stats", io, async () => {
    const collection = await openCollectionForReading(store, io, "stats");
    try {
      const stats = await collection.stats();
      if (options.json) {
        io.out(JSON.stringify(stats) + "\n");
        return 0;
      }
      const byYear = [...stats.byYear].sort((a, b) => (a.value < b.value ? -1 : 1));
      io.out(
        [
          `${stats.documents} documents (${stats.files} files) in ${displayPath(store.dir, io)}, indexed ${stats.createdAt}`,
          table("by type", stats.byType, 20),
          table("by issuer", stats.byIssuer, 15),
          table("by year", byYear, 100),
          table("most cited", stats.mostCited.map((c) => ({ value: c.label, count: c.citedBy })), 20),
        ].join("\n\n") + "\n",
      );
      return 0;
    } finally {
      await collection.close();
    }
  });
}

// `vanban graph`: the citation graph of the store, whole or around one document, for Graphviz,
// GraphML tools, Mermaid or as JSON.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from "../../kb/format-graph.js";
import { ReferenceQueryError } from "../../kb/knowledge-base.js";
import { openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban graph [--around REF] [--depth N] [--format dot|json|graphml|mermaid] [--store DIR]

Prints the citation graph of the store: its documents and the documents they cite, with an edge
for each citation (cites) and for each relation the documents state (a subject clause "về tiếp tục
thực hiện Nghị quyết số 29-NQ/TW": continues; "thực hiện": implements; "sửa đổi, bổ sung":
amends; "thay thế": replaces) or the known-documents table records.

  --around REF  only the documents within --depth links of REF (any spelling, a name, a key or an id)
  --depth N     how many links from REF (default 1)
  --format F    dot (Graphviz, the default), json, graphml or mermaid
  --store DIR   the store (default .vanban; built from the shipped corpus when there is none)

  vanban graph --around 29-NQ/TW --depth 2 | dot -Tsvg > nq29.svg

Exit status: 0, 1 when the store cannot be read, 2 on bad usage.
`;

/** `vanban graph`: the citation graph. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", "around", "depth", "format"], []);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}' (did you mean --around ${positional[0]}?)`);
  const format = (options.format ?? "dot") as GraphFormat;
  if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format is one of ${GRAPH_FORMATS.join(", ")}, not '${String(options.format)}'`);
  let depth: number | undefined;
  if (options.depth !== undefined) {
    if (options.around === undefined) throw new UsageError("--depth goes with --around");
    depth = Number(options.depth);
    if (!Number.isInteger(depth) || depth < 0) throw new UsageError(`--depth needs a whole number of links, not '${String(options.depth)}'`);
  }
  const store = storeDirOf(options, io);
  return reportingStoreErrors("graph", io, async () => {
    const collection = await openCollectionForReading(store, io, "graph");
    let graph;
    try {
      graph = await collection.graph({ around: typeof options.around === "string" ? options.around : undefined, depth });
    } catch (error) {
      if (error instanceof ReferenceQueryError) throw new UsageError(error.message);
      throw error;
    }
    io.out(formatGraph(graph, format));
    return 0;
  });
}

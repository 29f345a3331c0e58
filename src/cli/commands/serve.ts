// `vanban serve`: the researchers' workbench, a local web application over the store — search,
// facets, documents with their citations, the graph, timelines, statistics and exports — bound
// to this machine and read-only.
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { displayPath, openCollectionForReading, reportingStoreErrors, storeDirOf } from "../store-access.js";

const HELP = `Usage: vanban serve [--port N] [--host ADDRESS] [--store DIR]

Serves the store's collection as a web page and a JSON API at http://127.0.0.1:PORT/ (printed
when it is ready), until interrupted (Ctrl-C). Read-only: nothing is written to the store.

  --port N        the port (default 8080; 0 takes any free one)
  --host ADDRESS  the address to listen on (default 127.0.0.1: only this machine can connect;
                  the server has no authentication, so think twice before widening it)
  --store DIR     the store (default .vanban; built from the shipped corpus when there is none)

Pages: /?q=WORDS (search, with the filters as parameters: type, issuer, place, level, system,
year, cites), /?doc=ID, /?graph=REF&depth=N, /?timeline=REF, /?stats=1. API: /api/documents,
/api/documents/ID, /api/documents/ID/refs, /api/cites?ref=REF, /api/graph?around=REF,
/api/timeline?ref=REF, /api/stats; lists take format=csv or format=excel.

Exit status: 0 when interrupted, 1 when the store cannot be read or the port is taken, 2 on bad usage.
`;

/** `vanban serve`: runs the web application until SIGINT or SIGTERM. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["store", "port", "host"], []);
  if (positional.length > 0) throw new UsageError(`serve takes no arguments ('${positional[0]}')`);
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port is a port number from 0 to 65535, not '${String(options.port)}'`);
  if (options.host === true) throw new UsageError("--host needs an address");
  const host = options.host;
  const store = storeDirOf(options, io);
  return reportingStoreErrors("serve", io, async () => {
    const collection = await openCollectionForReading(store, io, "serve");
    // Warm: the catalog and the search index are loaded before the address is printed, so the
    // first search answers as fast as the next.
    await collection.list();
    await collection.search("vanban", { limit: 1 });
    const { startServer } = await import("../../serve/start-server.js");
    let server;
    try {
      server = await startServer(collection, { port, ...(host ? { host } : {}) });
    } catch (error) {
      await collection.close();
      io.err(`vanban serve: cannot listen on port ${port}: ${(error as Error).message}\n`);
      return 1;
    }
    io.out(`vanban serve: ${displayPath(store.dir, io)} at ${server.url} (Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await server.close();
    await collection.close();
    return 0;
  });
}

// `--format csv` of the commands that print a list (list, search, cites, refs): the answer made
// into its table (export/result-tables.ts) and written as CSV. Loaded only when asked for, so
// the other formats do not load the exporters.
import type { CommandIo } from "./command-io.js";
import type { Table } from "../export/write-csv.js";

type ResultTables = typeof import("../export/result-tables.js");

/** Prints the table `tableOf` makes of an answer as CSV; returns the exit status (0). */
export async function printCsv(io: CommandIo, tableOf: (tables: ResultTables) => Table): Promise<number> {
  const [{ toCsv }, tables] = await Promise.all([import("../export/write-csv.js"), import("../export/result-tables.js")]);
  io.out(toCsv(tableOf(tables)));
  return 0;
}

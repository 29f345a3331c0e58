import { readFileSync } from "node:fs";
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { listDocuments, safeName } from "../list-documents.js";
import { parseDocumentBytes } from "../../citations/parse-with-citations.js";
import { renderRecord } from "../render-record.js";

const HELP = `Usage: vanban parse PATH... [--json]

Parses documents (files, or folders read recursively for .txt and .md files) into records.
On a terminal it shows each record: header fields, the section tree, signature, recipients and
diagnostics. With --json it prints one JSON record per line (NDJSON).

Exit status: 0 when every file was read (diagnostics do not count), 1 when a file could not be
read, 2 on bad usage.
`;

/** `vanban parse`: records of documents, as a readable view or NDJSON. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, [], ["json"]);
  if (positional.length === 0) throw new UsageError("no PATH given (see vanban parse --help)");
  const { files, skipped } = listDocuments(positional);
  let failed = skipped.length > 0;
  for (const s of skipped) io.err(`vanban parse: ${safeName(s.path)}: ${s.reason}\n`);
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      io.err(`vanban parse: ${safeName(file)}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})\n`);
      failed = true;
      continue;
    }
    const { record } = parseDocumentBytes(bytes, { path: file });
    if (options.json) io.out(JSON.stringify(record) + "\n");
    else io.out(renderRecord(record, { color: io.isTTY }) + "\n");
  }
  return failed ? 1 : 0;
}

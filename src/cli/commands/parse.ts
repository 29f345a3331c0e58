import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { safeName } from "../safe-name.js";
import { usesColor } from "../terminal-style.js";
import { readListedDocuments } from "../read-listed-documents.js";
import { parseDocumentAsync } from "../../document/parse-document.js";
import { DOCUMENT_EXTENSIONS } from "../../input/document-formats.js";
import { UNREADABLE_CODES } from "../../input/decode-document.js";
import { renderRecord } from "../render-record.js";
import { toJsonLine } from "../json-line.js";

const HELP = `Usage: vanban parse PATH... [--json]

Parses documents (files, or folders read recursively for ${[...DOCUMENT_EXTENSIONS].join(" ")} files)
into records.
On a terminal it shows each record: header fields, the section tree, signature, recipients and
diagnostics. With --json it prints one JSON record per line (NDJSON).

Reads text, markdown, Word (.docx, .doc), RTF, saved web pages and PDF (its text layer; scanned
pages by OCR when Tesseract is installed). A file that holds no document vanban can read (empty,
binary, too large, unreadable) gets a one-line message on stderr naming it and saying why, and the
other files are still parsed.

Exit status: 0 when every file was read (diagnostics do not count), 1 when a file could not be
read or holds no text document, 2 on bad usage.
`;

/** `vanban parse`: records of documents, as a readable view or NDJSON; one bad file never stops the rest. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, [], ["json"]);
  if (positional.length === 0) throw new UsageError("no PATH given (see vanban parse --help)");
  let failed = false;
  const report = (path: string, reason: string) => {
    failed = true;
    io.err(`vanban parse: ${safeName(path)}: ${safeName(reason)}\n`);
  };
  for (const { file, bytes } of readListedDocuments(positional, report)) {
    let output: string;
    try {
      const { record } = await parseDocumentAsync(bytes, { path: file });
      // A file whose text could not be read (a damaged .docx or PDF, a ZIP bomb) is no record.
      const unreadable = record.diagnostics.find((d) => UNREADABLE_CODES.has(d.code));
      if (unreadable) {
        report(file, unreadable.message);
        continue;
      }
      output = options.json ? `${toJsonLine(record)}\n` : `${renderRecord(record, { color: usesColor(io) })}\n`;
    } catch (error) {
      // The parse is meant never to throw; if it does, this file is reported and the rest parsed.
      report(file, `could not be parsed: ${(error as Error)?.message ?? String(error)}${io.debug ? "" : " (--debug shows details)"}`);
      if (io.debug) io.err(`${((error as Error)?.stack ?? "").split("\n").map(safeName).join("\n")}\n`);
      continue;
    }
    io.out(output);
  }
  return failed ? 1 : 0;
}

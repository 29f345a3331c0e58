import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs, UsageError, type CommandIo } from "../command-io.js";
import { safeName } from "../safe-name.js";
import { readListedDocuments } from "../read-listed-documents.js";
import { parseDocumentAsync } from "../../document/parse-document.js";
import { UNREADABLE_CODES } from "../../input/decode-document.js";

const HELP = `Usage: vanban text PATH... [--out DIR]

Prints the clean Unicode text of documents, as the parser reads it: decoded from any encoding
(legacy TCVN3 and VNI fonts included), characters repaired, markup and page furniture removed,
wrapped lines joined. Reads what vanban parse reads: text, markdown, Word (.docx, .doc), RTF and
saved web pages; folders are read recursively.

With one file the text is printed as it is; with several (or a folder), each follows a line
\`==> PATH <==\`.
With --out DIR, each file's text is written to DIR/NAME.txt instead (NAME: the file's name without
its extension).

Exit status: 0 when every file was read, 1 when a file could not be read or holds no text (a
one-line message on stderr names it; the other files are still read), 2 on bad usage.
`;

/** `vanban text`: the clean text of documents, on stdout or as files in a folder. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out(HELP);
    return 0;
  }
  const { positional, options } = parseArgs(args, ["out"], []);
  if (positional.length === 0) throw new UsageError("no PATH given (see vanban text --help)");
  const out = typeof options.out === "string" ? resolve(io.cwd, options.out) : null;
  if (out) mkdirSync(out, { recursive: true });
  let failed = false;
  const report = (path: string, reason: string) => {
    failed = true;
    io.err(`vanban text: ${safeName(path)}: ${safeName(reason)}\n`);
  };
  const several = positional.length > 1 || positional.some((p) => existsSync(p) && statSync(p).isDirectory());
  for (const { file, bytes } of readListedDocuments(positional, report)) {
    const { record, text } = await parseDocumentAsync(bytes, { path: file });
    const unreadable = record.diagnostics.find((d) => UNREADABLE_CODES.has(d.code));
    if (unreadable) {
      report(file, unreadable.message);
      continue;
    }
    const body = text.endsWith("\n") ? text : `${text}\n`;
    if (out) writeAtomically(join(out, `${basename(file, extname(file))}.txt`), body);
    else io.out(several ? `==> ${safeName(file)} <==\n${body}` : body);
  }
  return failed ? 1 : 0;
}

// A reader of DIR never sees half a file: the text is written beside it and renamed into place.
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

#!/usr/bin/env node
// The `vanban` command: a thin dispatcher that loads each subcommand only when it is called, so
// `vanban --version` does not pay for the grammars.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { UsageError, type CommandIo } from "./command-io.js";
import { safeName } from "./safe-name.js";
import { noColorRequested } from "./terminal-style.js";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: CommandIo) => Promise<number> }> }> = {
  parse: { summary: "parse documents into records (PATH... ; --json for NDJSON)", load: () => import("./commands/parse.js") },
  text: { summary: "print the clean text of documents, as the parser reads it (PATH... ; --out DIR)", load: () => import("./commands/text.js") },
  schema: { summary: "print the JSON Schema of the record", load: () => import("./commands/schema.js") },
  index: { summary: "read folders of documents into the store (DIR... ; --store, --jobs)", load: () => import("./commands/index.js") },
  cites: { summary: "documents that cite a document (REF ; --transitive, filters, --format csv)", load: () => import("./commands/cites.js") },
  refs: { summary: "what a document cites, with each citation's status (FILE|ID ; --format csv)", load: () => import("./commands/refs.js") },
  graph: { summary: "the citation graph (--around REF --depth N --format dot|json|graphml|mermaid)", load: () => import("./commands/graph.js") },
  search: { summary: "full-text search (QUERY ; --type, --issuer, --place, --level, --year, --cites, --format csv)", load: () => import("./commands/search.js") },
  list: { summary: "documents by filters, no query (--type, --issuer, --place, --level, --year, --cites, --format csv)", load: () => import("./commands/list.js") },
  serve: { summary: "the web workbench on 127.0.0.1: search, documents, graph, timeline, exports (--port)", load: () => import("./commands/serve.js") },
  stats: { summary: "counts by type, issuer and year; the most cited documents", load: () => import("./commands/stats.js") },
};

function version(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["../..", "../../.."]) {
    try {
      return (JSON.parse(readFileSync(join(here, up, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      // not this level
    }
  }
  return "unknown";
}

function help(): string {
  const lines = ["vanban: read Vietnamese administrative documents into typed, linked, searchable records", "", "Usage: vanban <command> [options]", "", "Commands:"];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${c.summary}`);
  lines.push("", "Options:", "  --help     show this help (or a command's: vanban <command> --help)", "  --version  print the version", "  --debug    show stack traces of unexpected failures");
  return lines.join("\n");
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  // No command at all is a request for the help, as for git and npm.
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help() + "\n");
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(version() + "\n");
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`vanban: unknown command '${name}' (see vanban --help)\n`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, { ...io, noColor: io.noColor ?? noColorRequested(process.env), ...(debug ? { debug } : {}) });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`vanban ${name}: ${error.message}\n`);
      return 2;
    }
    // An error's message can quote a file name or document text: escaped, it stays one safe line.
    const stack = debug ? `\n${((error as Error)?.stack ?? "").split("\n").map(safeName).join("\n")}` : " (--debug shows details)";
    io.err(`vanban ${name}: ${safeName((error as Error)?.message ?? String(error))}${stack}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === (await import("node:fs")).realpathSync(process.argv[1]);
if (invokedDirectly) {
  const io: CommandIo = {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
  // Output piped into `head` or a closed pager: stop quietly, as other Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

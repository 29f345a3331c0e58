// The vanban command bundled into one file for tests that start it many times: a child process
// then starts in a fraction of a second instead of compiling TypeScript each time (tsx), and the
// bundle is made from the current sources (a built dist/ may be stale or absent).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

const entry = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** Bundles src/cli/main.ts into `dir/vanban.mjs` and returns its path. */
export async function bundleCli(dir: string): Promise<string> {
  const outfile = join(dir, "vanban.mjs");
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "error",
    // Some dependencies are CommonJS and call require(): give the ES module one.
    banner: { js: "import { createRequire as __vanbanRequire } from 'node:module'; const require = __vanbanRequire(import.meta.url);" },
  });
  return outfile;
}

/** A running `vanban` child, with what it printed so far and a promise of its exit. */
export interface CliChild {
  child: ChildProcess;
  output: () => string;
  /** resolves once the output matches `pattern` (true), or the child has exited without it (false) */
  waitFor: (pattern: RegExp) => Promise<boolean>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the bundled CLI with `args`. */
export function startCli(bundle: string, args: string[], cwd: string): CliChild {
  const child = spawn(process.execPath, [bundle, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const watchers: { pattern: RegExp; resolve: (found: boolean) => void }[] = [];
  const took = (d: Buffer) => {
    output += d.toString();
    for (const w of watchers.splice(0)) if (w.pattern.test(output)) w.resolve(true);
    else watchers.push(w);
  };
  child.stdout!.on("data", took);
  child.stderr!.on("data", took);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      for (const w of watchers.splice(0)) w.resolve(false);
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp) => (pattern.test(output) || child.exitCode !== null ? Promise.resolve(pattern.test(output)) : new Promise<boolean>((resolve) => watchers.push({ pattern, resolve })));
  return { child, output: () => output, waitFor, exited };
}

import { main } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/command-io.js";

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[], options: { isTTY?: boolean; cwd?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CommandIo = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: options.isTTY ?? false, cwd: options.cwd ?? process.cwd() };
  const code = await main(args, io);
  return { code, out, err };
}

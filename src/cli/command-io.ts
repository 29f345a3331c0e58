/** Where a command writes, and what it knows of its terminal: injected so tests can capture it. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  cwd: string;
  /** NO_COLOR is set: no styles, even on a terminal (see terminal-style.ts) */
  noColor?: boolean;
  /** `--debug` was given: unexpected failures show their stack trace. */
  debug?: boolean;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

/** Splits argv into positional arguments and `--flag [value]` options, given which flags take values. */
export function parseArgs(args: string[], valued: readonly string[], flags: readonly string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      if (valued.includes(key)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`--${key} needs a value`);
        options[key] = value;
      } else if (flags.includes(key)) options[key] = true;
      else throw new UsageError(`unknown option --${key}`);
      continue;
    }
    positional.push(a);
  }
  return { positional, options };
}

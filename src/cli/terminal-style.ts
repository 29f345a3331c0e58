// Styles on the terminal, one home for every command: bold, dim and colours only when the output
// is a terminal and the user has not asked for none (NO_COLOR, https://no-color.org: set and not
// empty); text piped to a file or another program stays plain.
import type { CommandIo } from "./command-io.js";

/** Whether a command's output may carry styles: a terminal, and NO_COLOR not set. */
export function usesColor(io: CommandIo): boolean {
  return io.isTTY && !io.noColor;
}

/** Whether the environment asks for no colours (NO_COLOR set to anything but the empty string). */
export function noColorRequested(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== "";
}

/** The styles of a command's output, each the identity when `color` is false. */
export function terminalStyle(color: boolean) {
  const sgr = (on: number, off: number) => (s: string) => (color ? `\u001b[${on}m${s}\u001b[${off}m` : s);
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39) };
}

// What can be wrong with a store, as typed errors: the CLI turns each into one line that says
// what happened and which command rebuilds the store, and library users can tell them apart.

/** Why a store cannot be used: absent, damaged, written by another format version, not a store, locked, or replaced while being read. */
export type StoreProblem = "missing" | "corrupt" | "other-version" | "not-a-store" | "locked" | "changed";

/** A store that cannot be opened or written as it is, with the command that fixes it. */
export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    /** the store directory */
    readonly dir: string,
    /** what is wrong, in a few words, without the remedy */
    readonly reason: string,
    /** the shell command that rebuilds or otherwise fixes the store, when there is one */
    readonly remedy: string | null,
  ) {
    super(remedy ? `${reason}; ${remedy}` : reason);
    this.name = "StoreError";
  }
}

/** Quotes a path for a shell command line only when it needs it. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/u.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The `vanban index` command line that rebuilds the store in `dir` from `roots` (unknown roots: a placeholder). */
export function rebuildCommand(dir: string, roots: readonly string[] | null): string {
  const folders = roots && roots.length > 0 ? roots.map(shellQuote).join(" ") : "FOLDER";
  return `rebuild it with: vanban index ${folders} --store ${shellQuote(dir)}`;
}

/** Folders or files given to index that are missing or cannot be listed: the run refuses and the store is left as it was. */
export class SourceFolderError extends Error {
  constructor(
    /** each path given that could not be read, with the reason */
    readonly paths: readonly { path: string; reason: string }[],
  ) {
    super(`${paths.map((p) => `${p.path}: ${p.reason}`).join("; ")}; nothing was indexed and the store was left as it was`);
    this.name = "SourceFolderError";
  }
}

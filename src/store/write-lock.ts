// One writer per directory of the store (the store's own, and a search index saved anywhere
// else): the one lock of vanban. The lock is a file created with O_EXCL holding the writer's pid, the
// start time of its process and its host. A lock whose holder has died (killed mid-index) is stale
// and is taken over, with a message; the start time tells a dead holder from a new process that
// happens to reuse its pid. Taking over goes through a second O_EXCL file, so two processes that
// both find the lock stale cannot both break it and then both write.
import { readFileSync } from "node:fs";
import { open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { FILE_MODE } from "./atomic-write.js";
import { StoreError } from "./store-errors.js";

/** The lock file's name inside the store directory. */
export const LOCK_FILE = "lock";
const BREAK_FILE = "lock.break";

/** What a lock file holds. */
export const LockHolder = z.object({
  pid: z.number().int().positive(),
  /** the process's start time as the kernel counts it (Linux), to recognise pid reuse; null elsewhere */
  startTime: z.string().nullable(),
  host: z.string(),
  since: z.string().describe("ISO time the lock was taken"),
  command: z.string(),
});
/** What a lock file holds. */
export type LockHolder = z.infer<typeof LockHolder>;

/** Options of `acquireStoreLock`. */
export interface LockOptions {
  /** how long to wait for another writer to finish before refusing (ms); 0 refuses at once */
  waitMs?: number;
  /** told once when the lock is busy and we wait, and when a stale lock is taken over */
  onMessage?: (message: string) => void;
  /** what the holder is doing, written into the lock for the messages of others */
  command?: string;
}

/** The directory is being written by another live process (a `StoreError` with problem "locked"). */
export class LockedError extends StoreError {
  /** the holder's process id, when the lock could be read */
  readonly pid: number | null;
  constructor(dir: string, holder: LockHolder | null, who: string) {
    super("locked", dir, `the store ${dir} is being written by ${who}`, "try again when it has finished");
    this.pid = holder?.pid ?? null;
    this.name = "LockedError";
  }
}

/** A held lock; `release` removes it (only if it is still ours). */
export interface StoreLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** The start time of a process as the kernel reports it (Linux `/proc/PID/stat` field 22), or null. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (holder.startTime === null) return true;
  const now = processStartTime(holder.pid);
  return now === null || now === holder.startTime;
}

/** Whether a lock's holder is certainly gone: same host and no such process (or its pid now belongs to another). */
function isStale(holder: LockHolder | null): boolean {
  if (holder === null) return true; // unreadable or half-written: its writer died between create and write
  if (holder.host !== hostname()) return false; // cannot see the processes of another machine
  return !isAlive(holder);
}

async function readHolder(path: string): Promise<{ raw: string; holder: LockHolder | null } | null> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = LockHolder.safeParse(JSON.parse(raw));
    return { raw, holder: parsed.success ? parsed.data : null };
  } catch {
    return { raw, holder: null };
  }
}

async function createExclusive(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx", FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Describes a holder for messages: `process 1234 (vanban index, since 10:42:07)`. */
export function describeHolder(holder: LockHolder): string {
  // Local time, as the user reads the clock: HH:MM:SS.
  const at = new Date(holder.since);
  const since = Number.isNaN(at.getTime()) ? holder.since : [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
  const host = holder.host === hostname() ? "" : ` on ${holder.host}`;
  return `process ${holder.pid}${host} (${holder.command}, since ${since})`;
}

// Removes a stale lock unless someone else is doing the same or the lock changed meanwhile.
async function breakStaleLock(dir: string, staleRaw: string): Promise<void> {
  const breakPath = join(dir, BREAK_FILE);
  const marker = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid), host: hostname(), since: new Date().toISOString(), command: "taking over a stale lock" });
  if (!(await createExclusive(breakPath, marker))) {
    // Another process is breaking the lock now, or died doing it: a dead breaker's file is removed.
    const breaker = await readHolder(breakPath);
    if (breaker && isStale(breaker.holder)) await rm(breakPath, { force: true });
    return;
  }
  try {
    const current = await readHolder(join(dir, LOCK_FILE));
    if (current && current.raw === staleRaw) await rm(join(dir, LOCK_FILE), { force: true });
  } finally {
    await rm(breakPath, { force: true });
  }
}

/**
 * Takes the write lock of the directory `dir`, waiting up to `waitMs` for another writer; throws a
 * `LockedError` naming the holder when it does not get it. A stale lock is taken over with a message.
 */
export async function acquireStoreLock(dir: string, options: LockOptions = {}): Promise<StoreLock> {
  const path = join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    since: new Date().toISOString(),
    command: options.command ?? "vanban index",
  };
  const content = JSON.stringify(holder);
  const deadline = Date.now() + (options.waitMs ?? 0);
  let toldWaiting = false;
  for (;;) {
    if (await createExclusive(path, content)) {
      return {
        holder,
        release: async () => {
          const current = await readHolder(path);
          if (current?.raw === content) await rm(path, { force: true });
        },
      };
    }
    const current = await readHolder(path);
    if (current === null) continue; // released between our attempt and the read
    if (isStale(current.holder)) {
      // A lock file without a holder may be one being written right now: give its writer a moment.
      if (current.holder === null) await delay(50);
      const again = await readHolder(path);
      if (again && again.raw === current.raw) {
        options.onMessage?.(current.holder ? `taking over the lock of ${describeHolder(current.holder)}, which is no longer running` : "taking over an unreadable lock left by a writer that died");
        await breakStaleLock(dir, current.raw);
      }
      continue;
    }
    const who = current.holder ? describeHolder(current.holder) : "another process";
    if (Date.now() >= deadline) throw new LockedError(dir, current.holder, who);
    if (!toldWaiting) {
      options.onMessage?.(`waiting for ${who} to finish writing the store`);
      toldWaiting = true;
    }
    await delay(Math.min(100 + Math.random() * 50, Math.max(1, deadline - Date.now())));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

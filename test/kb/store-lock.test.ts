import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexFolder, openStore, StoreError } from "../../src/kb/index.js";
import { processStartTime } from "../../src/store/write-lock.js";
import { bundleCli, startCli } from "./bundle-cli.js";
import { writeGeneratedDocuments } from "./generate-documents.js";

const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => join(scratch, `${name}-${counter++}`);

function folderOf(numbers: number[]): string {
  const folder = fresh("docs");
  writeGeneratedDocuments(folder, numbers);
  return folder;
}

const namesIn = async (store: string) => (await openStore(store, { verify: "full" })).documents().map((d) => d.path.replace(/.*\//, ""));

function writeLock(store: string, holder: object | string): void {
  mkdirSync(join(store, "records"), { recursive: true, mode: 0o700 });
  writeFileSync(join(store, "lock"), typeof holder === "string" ? holder : JSON.stringify(holder), { mode: 0o600 });
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("two writers on one store", () => {
  it("the second refuses at once when told not to wait, naming the first; the store is the first's", async () => {
    const store = fresh("store");
    const folders = [[0, 1, 2, 3], [10, 11]].map(folderOf);
    const results = await Promise.allSettled(folders.map((folder) => indexFolder(folder, { store, jobs: 1, lockWaitMs: 0 })));
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.findIndex((r) => r.status === "rejected");
    expect([won, lost].sort()).toEqual([0, 1]);
    const error = (results[lost] as PromiseRejectedResult).reason as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.problem).toBe("locked");
    expect(error.message).toMatch(new RegExp(`is being written by process ${process.pid} \\(vanban index, since \\d\\d:\\d\\d:\\d\\d\\); try again when it has finished`));
    expect(await namesIn(store)).toEqual(readdirSync(folders[won]!).sort());
    expect(readdirSync(store)).not.toContain("lock");
  });

  it("the second waits for the first, says so, then writes its own state whole", async () => {
    const store = fresh("store");
    const messages: string[] = [];
    const folders = [[0, 1, 2, 3], [10, 11]].map(folderOf);
    const reports = await Promise.all(folders.map((folder) => indexFolder(folder, { store, jobs: 1, lockWaitMs: 60_000, onMessage: (m) => messages.push(m) })));
    expect(messages).toEqual([expect.stringMatching(/^waiting for process \d+ \(vanban index, since .*\) to finish writing the store$/)]);
    expect(reports.map((r) => r.generation).sort()).toEqual([1, 2]);
    const last = reports.findIndex((r) => r.generation === 2);
    expect(await namesIn(store)).toEqual(readdirSync(folders[last]!).sort());
  });

  it("two vanban index processes at once: each finishes or refuses with a message, and the store is one of their states, never a mix", async () => {
    const bundle = await bundleCli(mkdtempSync(join(scratch, "bundle-")));
    const store = fresh("store");
    const a = folderOf([0, 1, 2, 3, 4, 5]);
    const b = folderOf([20, 21, 22]);
    const runs = [startCli(bundle, ["index", a, "--store", store, "--jobs", "1"], scratch), startCli(bundle, ["index", b, "--store", store, "--jobs", "1"], scratch)];
    const exits = await Promise.all(runs.map((r) => r.exited));
    for (const [i, exit] of exits.entries()) {
      if (exit.code !== 0) expect(runs[i]!.output()).toMatch(/is being written by process \d+/);
      else expect(runs[i]!.output()).toMatch(/^indexed \d documents/m);
    }
    expect(exits.some((e) => e.code === 0)).toBe(true);
    const names = await namesIn(store);
    expect([["doc-000.txt", "doc-001.txt", "doc-002.txt", "doc-003.txt", "doc-004.txt", "doc-005.txt"], ["doc-020.txt", "doc-021.txt", "doc-022.txt"]]).toContainEqual(names);
  });
});

describe("a lock left behind", () => {
  it("by a process that is gone is taken over, with a message", async () => {
    const store = fresh("store");
    const pid = deadPid();
    writeLock(store, { pid, startTime: "12345", host: hostname(), since: new Date().toISOString(), command: "vanban index" });
    const messages: string[] = [];
    const report = await indexFolder(folderOf([0]), { store, jobs: 1, lockWaitMs: 0, onMessage: (m) => messages.push(m) });
    expect(report.documents).toBe(1);
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^taking over the lock of process ${pid} \\(vanban index, since .*\\), which is no longer running$`))]);
  });

  it("by a process whose pid now belongs to another (a different start time) is taken over", async () => {
    const store = fresh("store");
    writeLock(store, { pid: process.pid, startTime: "1", host: hostname(), since: new Date().toISOString(), command: "vanban index" });
    const messages: string[] = [];
    await indexFolder(folderOf([0]), { store, jobs: 1, lockWaitMs: 0, onMessage: (m) => messages.push(m) });
    expect(messages.join("\n")).toMatch(/taking over the lock of process/);
  });

  it("half-written (empty) by a writer that died is taken over", async () => {
    const store = fresh("store");
    writeLock(store, "");
    const messages: string[] = [];
    await indexFolder(folderOf([0]), { store, jobs: 1, lockWaitMs: 0, onMessage: (m) => messages.push(m) });
    expect(messages).toEqual(["taking over an unreadable lock left by a writer that died"]);
  });

  it.skipIf(processStartTime(process.pid) === null)("by a process that is still running is respected", async () => {
    const store = fresh("store");
    const sleeper = spawn("sleep", ["30"]);
    try {
      const pid = sleeper.pid!;
      for (let i = 0; i < 50 && processStartTime(pid) === null; i++) await new Promise((r) => setTimeout(r, 10));
      writeLock(store, { pid, startTime: processStartTime(pid), host: hostname(), since: new Date().toISOString(), command: "vanban index" });
      const error = await indexFolder(folderOf([0]), { store, jobs: 1, lockWaitMs: 300 }).then(
        () => null,
        (e: unknown) => e as StoreError,
      );
      expect(error?.problem).toBe("locked");
      expect(error?.message).toContain(`process ${pid}`);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });
});

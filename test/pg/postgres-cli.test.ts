// The vanban command on a PostgreSQL store: `--store postgres://…` and VANBAN_STORE select it, the
// answers are the embedded store's, `vanban index` killed (SIGKILL) at random moments leaves a
// consistent database that the next run completes, and what can go wrong with a database — a
// wrong URL, a refused password, a server that goes away mid-index, a database of another schema
// version, a database with no store — is one line and exit status 1. The workbench's commands
// (`vanban list`, `vanban stats`, `vanban serve`) answer from a database as from a folder.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli, startCli } from "../kb/bundle-cli.js";
import { writeGeneratedDocuments } from "../kb/generate-documents.js";
import { PASSWORD, PASSWORD_ROLE, postgresUnavailable, startPostgres, type PostgresServer } from "./postgres-server.js";

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL command-line tests: ${unavailable}`);

const corpus = resolve(import.meta.dirname, "../../corpus");
const repo = resolve(import.meta.dirname, "../..");
const fixtures = resolve(import.meta.dirname, "../kb/fixtures/collection");
let server: PostgresServer;
let scratch = "";
let bundle = "";

beforeAll(async () => {
  if (unavailable) return;
  scratch = mkdtempSync(join(tmpdir(), "vanban-pg-cli-"));
  bundle = await bundleCli(scratch);
  server = await startPostgres();
}, 120_000);
afterAll(() => {
  server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 60_000);

/** Runs the bundled CLI to its end. */
function vanban(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: scratch, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(unavailable !== null)("vanban on a PostgreSQL store", () => {
  it("indexes and answers through --store and VANBAN_STORE as the embedded store does", async () => {
    server.createDatabase("cli");
    const url = server.urlOf("cli");
    const indexed = await vanban(["index", corpus, "--store", url, "--jobs", "1"]);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stdout).toMatch(/^indexed 5 documents in postgres:\/\/.*\(5 read, 0 unchanged, 0 removed\)/);
    const again = await vanban(["index", corpus, "--store", url, "--jobs", "1"]);
    expect(again.stdout).toMatch(/^unchanged: 5 documents .*\(0 read, 5 unchanged, 0 removed\)/);
    const store = join(scratch, "embedded");
    expect((await vanban(["index", corpus, "--store", store, "--jobs", "1"])).code).toBe(0);
    for (const args of [["cites", "Nghị quyết 29"], ["cites", "29-NQ/TW", "--transitive", "--json"], ["refs", join(corpus, "000_d5494e9567b7496d.txt"), "--json"], ["graph", "--around", "91-KL/TW", "--format", "json"]]) {
      const fromPg = await vanban(args, { VANBAN_STORE: url });
      const fromDir = await vanban([...args, "--store", store]);
      expect(fromPg.code, args.join(" ")).toBe(0);
      expect(fromPg.stdout.replaceAll(url, "STORE"), args.join(" ")).toBe(fromDir.stdout.replaceAll(store, "STORE"));
    }
    const search = await vanban(["search", "giáo dục", "--json"], { VANBAN_STORE: url });
    expect(search.code).toBe(0);
    expect(search.stdout.trim().split("\n").length).toBeGreaterThan(0);
  }, 120_000);

  it("lists, counts and serves the workbench from a database as from a folder", async () => {
    server.createDatabase("workbench");
    const url = server.urlOf("workbench");
    const store = join(scratch, "workbench");
    expect((await vanban(["index", corpus, fixtures, "--store", url, "--jobs", "1"])).code).toBe(0);
    expect((await vanban(["index", corpus, fixtures, "--store", store, "--jobs", "1"])).code).toBe(0);
    const lists = [["list"], ["list", "--json"], ["list", "--format", "csv"], ["list", "--level", "huyện", "--json"], ["list", "--province", "Quảng Ngãi"], ["list", "--cites", "29-NQ/TW", "--json"], ["list", "--type", "KH", "--year", "2015..2025"]];
    let listed = 0;
    for (const args of lists) {
      const [fromPg, fromDir] = [await vanban([...args, "--store", url]), await vanban([...args, "--store", store])];
      expect(fromPg.code, `${args.join(" ")}: ${fromPg.stderr}`).toBe(fromDir.code);
      expect(fromPg.stdout.replaceAll(url, "STORE"), args.join(" ")).toBe(fromDir.stdout.replaceAll(store, "STORE"));
      listed += fromPg.stdout.trim() ? 1 : 0;
    }
    expect(listed).toBeGreaterThan(3);
    const [statsPg, statsDir] = [await vanban(["stats", "--json", "--store", url]), await vanban(["stats", "--json", "--store", store])];
    expect(statsPg.code, statsPg.stderr).toBe(0);
    const counts = (out: string) => {
      const s = JSON.parse(out) as Record<string, unknown>;
      return { documents: s.documents, files: s.files, byType: s.byType, byIssuer: s.byIssuer, byYear: s.byYear, mostCited: s.mostCited };
    };
    expect(counts(statsPg.stdout)).toEqual(counts(statsDir.stdout));
    expect((await vanban(["stats", "--store", url])).code).toBe(0);

    // The served API: the same JSON from both stores. The server finds its page beside the
    // package.json of a package named vanban, and its script modules in node_modules: the bundle is
    // given both beside it.
    const pkg = join(scratch, "pkg");
    mkdirSync(pkg, { recursive: true });
    copyFileSync(join(repo, "package.json"), join(pkg, "package.json"));
    for (const dir of ["web", "node_modules"]) symlinkSync(join(repo, dir), join(pkg, dir));
    const served = await bundleCli(pkg);
    const serve = async (where: string) => {
      const cli = startCli(served, ["serve", "--store", where, "--port", "0"], scratch);
      expect(await cli.waitFor(/ at http:\/\/\S+/), cli.output()).toBe(true);
      return { cli, base: /at (http:\/\/\S+?)\/? /.exec(cli.output())![1]! };
    };
    const [pgServer, dirServer] = [await serve(url), await serve(store)];
    try {
      const first = ((await (await fetch(`${dirServer.base}/api/documents?limit=1`)).json()) as { documents: { id: string }[] }).documents[0]!.id;
      for (const path of ["/api/documents?limit=1000", "/api/documents?level=huy%E1%BB%87n", "/api/documents?q=gi%C3%A1o+d%E1%BB%A5c&facets=1", `/api/documents/${encodeURIComponent(first)}`, "/api/timeline?ref=29-NQ%2FTW&by=month&split=level", "/api/cites?ref=29-NQ%2FTW&transitive=1"]) {
        const [a, b] = await Promise.all([fetch(pgServer.base + path), fetch(dirServer.base + path)]);
        expect(a.status, path).toBe(b.status);
        const [ja, jb] = [await a.json(), await b.json()];
        if (path.includes("q=")) {
          // Search order may differ between the stores (see the parity test): the same documents and facets.
          const ids = (j: { documents: { id: string }[] }) => j.documents.map((d) => d.id).sort();
          expect(ids(ja as never), path).toEqual(ids(jb as never));
          expect((ja as { facets: unknown }).facets, path).toEqual((jb as { facets: unknown }).facets);
        } else expect(ja, path).toEqual(jb);
      }
      const stats = (await (await fetch(`${pgServer.base}/api/stats`)).json()) as Record<string, unknown>;
      expect(stats).toMatchObject({ store: "postgres", schemaVersion: 2 });
    } finally {
      for (const { cli } of [pgServer, dirServer]) cli.child.kill("SIGTERM");
      await Promise.all([pgServer.cli.exited, dirServer.cli.exited]);
    }
  }, 180_000);

  it("leaves a consistent database when killed mid-index, and the next run completes it", async () => {
    server.createDatabase("kill");
    const url = server.urlOf("kill");
    const folder = join(scratch, "generated");
    writeGeneratedDocuments(folder, Array.from({ length: 500 }, (_, i) => i));
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      // Each round rewrites every file (another variant), so every run reads them all and is
      // killed while reading or writing batches, or while settling.
      writeGeneratedDocuments(folder, Array.from({ length: 500 }, (_, i) => i), () => round + 1);
      const run = startCli(bundle, ["index", folder, "--store", url, "--jobs", "1"], scratch);
      await run.waitFor(/reading \d+ files/);
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 2000));
      run.child.kill("SIGKILL");
      const { signal } = await run.exited;
      outcomes.push(signal ?? "finished");
      // Whatever was committed is whole: no citation without its document, no file without its content.
      const orphans = await query<{ n: string }>(
        url,
        `SELECT (SELECT count(*) FROM vanban_citations c WHERE NOT EXISTS (SELECT 1 FROM vanban_documents d WHERE d.sha256 = c.doc_sha))
              + (SELECT count(*) FROM vanban_files f WHERE NOT EXISTS (SELECT 1 FROM vanban_documents d WHERE d.sha256 = f.sha256)) AS n`,
      ).catch(() => [{ n: "0" }]);
      expect(Number(orphans[0]!.n), `round ${round}`).toBe(0);
    }
    expect(outcomes).toContain("SIGKILL");
    // A question on an interrupted store settles what its batches committed, and answers.
    const stats = await vanban(["cites", "29-NQ/TW"], { VANBAN_STORE: url });
    expect(stats.code).toBe(0);
    // The next run completes it: the same documents and graph as an uninterrupted run into another database.
    const finished = await vanban(["index", folder, "--store", url, "--jobs", "1"]);
    expect(finished.code, finished.stderr).toBe(0);
    server.createDatabase("whole");
    const whole = server.urlOf("whole");
    expect((await vanban(["index", folder, "--store", whole, "--jobs", "1"])).code).toBe(0);
    const state = (u: string) => query<{ sha256: string; id: string; path: string }>(u, "SELECT d.sha256, d.id, f.path FROM vanban_documents d JOIN vanban_files f USING (sha256) ORDER BY f.path");
    expect(await state(url)).toEqual(await state(whole));
    expect((await state(url)).length).toBe(500);
    const graph = (u: string) => vanban(["graph", "--format", "json"], { VANBAN_STORE: u });
    expect((await graph(url)).stdout).toBe((await graph(whole)).stdout);
    const dirty = await query<{ value: boolean }>(url, "SELECT value FROM vanban_meta WHERE name = 'dirty'");
    expect(dirty[0]!.value).toBe(false);
  }, 300_000);

  it("says in one line what is wrong with a database, exit status 1", async () => {
    const oneLine = (r: { code: number | null; stderr: string }, pattern: RegExp) => {
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    };
    // Nothing listens on port 1.
    oneLine(await vanban(["cites", "29-NQ/TW", "--store", "postgres://nobody@127.0.0.1:1/vanban"]), /cannot use the database postgres:\/\/nobody@127\.0\.0\.1:1\/vanban: .*ECONNREFUSED/);
    const withPassword = (password: string) => `postgres://${PASSWORD_ROLE}:${password}@localhost:${server.port}/vanban?host=${encodeURIComponent(server.socketDir)}`;
    const refused = await vanban(["index", corpus, "--store", withPassword("wrong")]);
    oneLine(refused, /password authentication failed/);
    expect(refused.stderr).not.toContain("wrong");
    oneLine(await vanban(["search", "x", "--store", server.urlOf("no_such_database")]), /database "no_such_database" does not exist/);
    server.createDatabase("empty");
    oneLine(await vanban(["cites", "29-NQ/TW", "--store", server.urlOf("empty")]), /holds no vanban store; create it with: vanban index/);
    server.createDatabase("future");
    expect((await vanban(["index", corpus, "--store", server.urlOf("future"), "--jobs", "1"])).code).toBe(0);
    server.psql("future", "INSERT INTO vanban_schema (version) VALUES (99)");
    oneLine(await vanban(["cites", "29-NQ/TW", "--store", server.urlOf("future")]), /schema version 99.*use a newer vanban/);
    expect((await vanban(["index", corpus, "--store", withPassword(PASSWORD), "--jobs", "1"])).code).toBe(0);
  }, 120_000);

  it("stops with one line when the server goes away mid-index", async () => {
    const other = await startPostgres();
    try {
      const folder = join(scratch, "generated-2");
      writeGeneratedDocuments(folder, Array.from({ length: 500 }, (_, i) => i));
      const run = startCli(bundle, ["index", folder, "--store", other.url, "--jobs", "1"], scratch);
      await run.waitFor(/\d+\/500 files/);
      other.stop();
      const { code } = await run.exited;
      expect(code).toBe(1);
      const lines = run.output().split("\n").filter((l) => l.includes("cannot use the database"));
      expect(lines, run.output()).toHaveLength(1);
    } finally {
      other.stop();
    }
  }, 120_000);
});

// A real PostgreSQL server for tests and benchmarks: Debian's postgresql-15 binaries, a fresh data
// directory in a temporary folder, a free port, its unix socket in that folder, stopped (and the
// folder deleted) afterwards. PostgreSQL refuses to run as root, so as root the server runs as the
// `postgres` user the Debian package creates (through `runuser`), owning the temporary folder.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian installs the server's binaries. */
export const POSTGRES_BIN = process.env.VANBAN_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why no server can be started here, or null when one can. */
export function postgresUnavailable(): string | null {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(join(POSTGRES_BIN, tool))) return `PostgreSQL is not installed (${join(POSTGRES_BIN, tool)} is missing: apt-get install postgresql-15 postgresql-15-rum)`;
  }
  if (process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status !== 0) return "running as root and there is no postgres user to run the server as";
  return null;
}

/** A role that must log in with the password `PASSWORD` (created by `startPostgres`). */
export const PASSWORD_ROLE = "vanban_pw";
export const PASSWORD = "right-password";

/** A started server. */
export interface PostgresServer {
  /** a connection URL to the database `vanban` over the unix socket */
  url: string;
  /** runs SQL as the superuser */
  psql(database: string, sql: string): void;
  /** a URL to another database of the same server (created on demand by `createDatabase`) */
  urlOf(database: string): string;
  createDatabase(name: string): void;
  port: number;
  socketDir: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server on a new data directory; throws with the server's log when it cannot. */
export async function startPostgres(): Promise<PostgresServer> {
  const root = mkdtempSync(join(tmpdir(), "vanban-pg-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? "postgres" : (process.env.USER ?? "postgres");
  // The server's user must own its folder (and reach it: /tmp folders are 0700 by mkdtemp).
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ["runuser", "-u", "postgres", "--", join(POSTGRES_BIN, tool), ...args] : [join(POSTGRES_BIN, tool), ...args];
    const result = spawnSync(command[0]!, command.slice(1), { encoding: "utf8", cwd: root });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const data = join(root, "data");
  run("initdb", ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  // One role must give its password (the tests of a refused password); every other is trusted.
  const hba = join(data, "pg_hba.conf");
  writeFileSync(hba, `local all ${PASSWORD_ROLE} scram-sha-256\n${readFileSync(hba, "utf8")}`);
  const port = await freePort();
  // Small and fast for tests: no durability waits (a killed client is what the tests kill, not the server).
  const conf = [`port = ${port}`, `unix_socket_directories = '${root}'`, "listen_addresses = ''", "fsync = off", "synchronous_commit = off", "full_page_writes = off", "shared_buffers = 64MB", "max_connections = 40"];
  writeFileSync(join(data, "postgresql.auto.conf"), conf.join("\n") + "\n");
  if (asRoot) execFileSync("chown", ["postgres:postgres", join(data, "postgresql.auto.conf"), hba]);
  try {
    run("pg_ctl", ["-D", data, "-l", join(root, "log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    const log = existsSync(join(root, "log")) ? execFileSync("cat", [join(root, "log")]).toString() : "";
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  const urlOf = (database: string) => `postgres://${encodeURIComponent(user)}@localhost:${port}/${database}?host=${encodeURIComponent(root)}`;
  const psql = (database: string, sql: string) => {
    const args = ["-h", root, "-p", String(port), "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qc", sql];
    const command = asRoot ? ["runuser", "-u", "postgres", "--", join(POSTGRES_BIN, "psql"), ...args] : [join(POSTGRES_BIN, "psql"), ...args];
    const result = spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  };
  const createDatabase = (name: string) => psql("postgres", `CREATE DATABASE "${name}"`);
  createDatabase("vanban");
  psql("postgres", `CREATE ROLE ${PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
  let stopped = false;
  return {
    url: urlOf("vanban"),
    urlOf,
    createDatabase,
    psql,
    port,
    socketDir: root,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

// The PostgreSQL store gives the embedded store's answers: the shipped corpus, the fixture
// collection and, when present, ../shared/seeds and ../shared/corpus are indexed into both, and
// cites (direct and transitive, in every spelling the README lists), refs, graph, list and search
// are compared, and the workbench's questions: list filters, facets, document, timeline, stats
// counts and cites narrowed by the list filters. Search is compared as sets of documents (rank order may differ: PostgreSQL ranks
// with ts_rank/RUM, the embedded store with BM25 and its re-ranking).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCollection, type Collection } from "../../src/kb/index.js";
import type { ListFilters } from "../../src/kb/collection.js";
import { openPostgresCollection } from "../../src/pg/postgres-collection.js";
import { postgresUnavailable, startPostgres, type PostgresServer } from "./postgres-server.js";

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL parity tests: ${unavailable}`);

const root = resolve(import.meta.dirname, "../..");
const folders = [join(root, "corpus"), join(root, "test/kb/fixtures/collection"), resolve(root, "../shared/seeds"), resolve(root, "../shared/corpus")].filter((f) => existsSync(f));

let server: PostgresServer;
let embedded: Collection;
let postgres: Collection;
let scratch: string;

beforeAll(async () => {
  if (unavailable) return;
  scratch = mkdtempSync(join(tmpdir(), "vanban-parity-"));
  server = await startPostgres();
  embedded = await openCollection(join(scratch, "store"));
  postgres = await openPostgresCollection(server.url);
  await embedded.index(folders, { jobs: 1 });
  await postgres.index(folders, { jobs: 1 });
}, 300_000);

afterAll(async () => {
  await embedded?.close();
  await postgres?.close();
  server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 60_000);

const CITES = ["29-NQ/TW", "29/NQ-TW", "NQ 29", "Nghị quyết 29", "nghi quyet so 29/NQ-TW", "91-KL/TW", "Kết luận 91", "253-KH/HU", "Luật Giáo dục", "Luật Tổ chức chính quyền địa phương", "Quyết định 1779"];
// List filter sets of the workbench: places in several spellings, today's and former provinces, levels, systems, citations.
const FILTER_SETS: ListFilters[] = [
  { place: "Bình Sơn" },
  { place: "TP. Cần Thơ" },
  { place: "Quảng Ngãi" },
  { province: "Quảng Ngãi" },
  { province: "Cần Thơ" },
  { province: "Sóc Trăng" },
  { province: "ha noi" },
  { level: "huyện" },
  { level: "tinh" },
  { level: "trung ương" },
  { level: "xã" },
  { system: "party" },
  { system: "state", level: "tỉnh" },
  { cites: "29-NQ/TW" },
  { cites: "Luật Giáo dục", yearFrom: 2015 },
  { type: "ke hoach", level: "huyện" },
  { issuer: "ủy ban nhân dân", province: "Quảng Ngãi" },
];
const SEARCHES = ["giáo dục", "xa hoi hoa giao duc", "giao duc dao tao", "\"giáo dục và đào tạo\"", "29/NQ-TW", "NQ-TW", "253-KH/HU", "Bình Sơn", "binh son", "chuyển đổi số", "kế hoạch", "ủy ban nhân dân", "\"ban chấp hành trung ương\"", "phòng chống tham nhũng"];

describe.skipIf(unavailable !== null)("the PostgreSQL store against the embedded store", () => {
  it("holds the same documents, in the same order, with the same stats", async () => {
    const [a, b] = [await embedded.list(), await postgres.list()];
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(5);
    const [sa, sb] = [await embedded.stats(), await postgres.stats()];
    expect({ documents: sb.documents, files: sb.files, roots: sb.roots }).toEqual({ documents: sa.documents, files: sa.files, roots: sa.roots });
    // With postgresql-15-rum installed (.ci/run installs it) the default store uses RUM.
    const rum = existsSync("/usr/share/postgresql/15/extension/rum.control");
    expect((sb as { searchIndex?: string }).searchIndex).toBe(rum ? "rum" : "gin");
  });

  it("lists with filters as the embedded store does", async () => {
    for (const filters of [{ type: "KH" }, { type: "Kế hoạch" }, { issuer: "Bình Sơn" }, { yearFrom: 2020, yearTo: 2024 }, { type: "NQ", yearFrom: 2013 }, ...FILTER_SETS]) {
      expect(await postgres.list(filters), JSON.stringify(filters)).toEqual(await embedded.list(filters));
    }
    // The filters are not vacuous here: places, provinces and levels narrow the collection.
    const all = (await embedded.list()).length;
    const narrowed = await Promise.all(FILTER_SETS.map(async (f) => (await embedded.list(f)).length));
    expect(narrowed.some((n) => n > 0 && n < all)).toBe(true);
    for (const bad of [{ province: "Atlantis" }, { level: "county" }]) {
      const [a, b] = await Promise.all([embedded.list(bad).catch((e: Error) => e.name), postgres.list(bad).catch((e: Error) => e.name)]);
      expect(b, JSON.stringify(bad)).toEqual(a);
      expect(a).toBe("ListFilterError");
    }
  });

  it("counts the same facets, over the list and over a search", async () => {
    for (const filters of [{}, ...FILTER_SETS]) {
      expect(await postgres.facets(filters), JSON.stringify(filters)).toEqual(await embedded.facets(filters));
    }
    const whole = await embedded.facets();
    expect(whole.level.length).toBeGreaterThan(1);
    expect(whole.province.length).toBeGreaterThan(0);
    for (const query of ["giáo dục", "kế hoạch", "ủy ban nhân dân"]) {
      for (const filters of [{}, { level: "huyện" }, { system: "party" as const }]) {
        expect(await postgres.facets(filters, query), `${query} ${JSON.stringify(filters)}`).toEqual(await embedded.facets(filters, query));
      }
    }
  });

  it("gives each document whole, by id and by path", async () => {
    for (const doc of await embedded.list()) {
      expect(await postgres.document(doc.id), doc.id).toEqual(await embedded.document(doc.id));
      expect(await postgres.document(doc.path), doc.path).toEqual(await embedded.document(doc.path));
    }
    const [a, b] = await Promise.all([embedded.document("no-such-document").catch((e: Error) => e.name), postgres.document("no-such-document").catch((e: Error) => e.name)]);
    expect(b).toEqual(a);
    expect(a).toBe("DocumentNotFoundError");
  });

  it("draws the same timelines, by year and month, split by province and by level", async () => {
    for (const ref of CITES.slice(0, 8)) {
      for (const by of ["year", "month"] as const) {
        for (const split of [null, "province", "level"] as const) {
          for (const transitive of [false, true]) {
            const options = { by, split, transitive };
            const [a, b] = await Promise.all([embedded.timeline(ref, options).catch((e: Error) => e.name), postgres.timeline(ref, options).catch((e: Error) => e.name)]);
            expect(b, `${ref} ${JSON.stringify(options)}`).toEqual(a);
          }
        }
      }
    }
  });

  it("counts the same statistics: by type, issuer and year, and the most cited documents", async () => {
    const [a, b] = [await embedded.stats(), await postgres.stats()];
    const counts = (s: typeof a) => ({ byType: s.byType, byIssuer: s.byIssuer, byYear: s.byYear, mostCited: s.mostCited });
    expect(counts(b)).toEqual(counts(a));
    expect(a.mostCited.length).toBeGreaterThan(0);
  });

  it("narrows who cites a document by the list filters", async () => {
    for (const ref of ["29-NQ/TW", "Nghị quyết 29", "Luật Giáo dục", "253-KH/HU"]) {
      for (const filters of FILTER_SETS) {
        for (const transitive of [false, true]) {
          const options = { ...filters, transitive };
          const [a, b] = await Promise.all([embedded.cites(ref, options).catch((e: Error) => e.name), postgres.cites(ref, options).catch((e: Error) => e.name)]);
          expect(b, `${ref} ${JSON.stringify(options)}`).toEqual(a);
        }
      }
    }
  });

  it("narrows a search by place, province and level as the embedded store does", async () => {
    for (const query of ["giáo dục", "kế hoạch", "ủy ban nhân dân"]) {
      for (const filters of [{ level: "huyện" }, { province: "Quảng Ngãi" }, { place: "Bình Sơn" }, { level: "tỉnh", province: "Cần Thơ" }]) {
        const ids = async (c: Collection) => (await c.search(query, { ...filters, limit: 1000 })).map((r) => r.id).sort();
        expect(await ids(postgres), `${query} ${JSON.stringify(filters)}`).toEqual(await ids(embedded));
      }
    }
  });

  it("answers who cites a document, directly and through others, in every spelling", async () => {
    for (const ref of CITES) {
      const [a, b] = await Promise.all([embedded.cites(ref).catch((e: Error) => e.name), postgres.cites(ref).catch((e: Error) => e.name)]);
      expect(b, ref).toEqual(a);
      const [ta, tb] = await Promise.all([embedded.cites(ref, { transitive: true }).catch((e: Error) => e.name), postgres.cites(ref, { transitive: true }).catch((e: Error) => e.name)]);
      expect(tb, `${ref} --transitive`).toEqual(ta);
    }
  });

  it("gives each document's references with the same statuses", async () => {
    for (const doc of await embedded.list()) {
      expect(await postgres.refs(doc.id), doc.id).toEqual(await embedded.refs(doc.id));
    }
  });

  it("gives the same graph, whole and around a document", async () => {
    expect(await postgres.graph()).toEqual(await embedded.graph());
    for (const around of ["29-NQ/TW", "91-KL/TW", "253-KH/HU"]) {
      for (const depth of [1, 2]) {
        const [a, b] = await Promise.all([embedded.graph({ around, depth }).catch((e: Error) => e.name), postgres.graph({ around, depth }).catch((e: Error) => e.name)]);
        expect(b, `${around} depth ${depth}`).toEqual(a);
      }
    }
  });

  it("finds the same documents for each search", async () => {
    for (const query of SEARCHES) {
      const ids = async (c: Collection) => (await c.search(query, { limit: 1000 })).map((r) => r.id).sort();
      expect(await ids(postgres), query).toEqual(await ids(embedded));
    }
  });

  it("finds the same documents with a GIN index as with RUM", async () => {
    server.createDatabase("gin");
    const gin = await openPostgresCollection(server.urlOf("gin"), { searchIndex: "gin" });
    try {
      await gin.index(folders, { jobs: 1 });
      expect(await gin.stats()).toMatchObject({ searchIndex: "gin" });
      for (const query of SEARCHES) {
        const ids = async (c: Collection) => (await c.search(query, { limit: 1000 })).map((r) => r.id).sort();
        expect(await ids(gin), query).toEqual(await ids(embedded));
      }
    } finally {
      await gin.close();
    }
  }, 120_000);

  it("finds the same top ten, as a set, where the embedded top ten is not cut from a tie", async () => {
    let same = 0;
    for (const query of SEARCHES) {
      const top = async (c: Collection) => (await c.search(query, { limit: 10 })).map((r) => r.id);
      const [a, b] = [await top(embedded), await top(postgres)];
      expect(b.length, query).toBe(a.length);
      if ([...a].sort().join() === [...b].sort().join()) same++;
    }
    console.log(`search parity: the same top-10 set for ${same} of ${SEARCHES.length} queries`);
    expect(same).toBeGreaterThan(0);
  });

  // Last: it takes the database back to schema version 1 (the list columns dropped) and lets the
  // next open migrate it, which must fill the columns from the rows' header columns.
  it("fills the list columns of a database indexed before they existed when it is next opened", async () => {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`ALTER TABLE vanban_documents DROP COLUMN province, DROP COLUMN former_province, DROP COLUMN level, DROP COLUMN place_key,
        DROP COLUMN issuer_words, DROP COLUMN type_code_folded, DROP COLUMN type_name_folded, DROP COLUMN listed`);
      await admin.query("DELETE FROM vanban_schema WHERE version = 2");
    } finally {
      await admin.end();
    }
    const reopened = await openPostgresCollection(server.url);
    try {
      for (const filters of [{}, ...FILTER_SETS]) expect(await reopened.list(filters), JSON.stringify(filters)).toEqual(await embedded.list(filters));
      expect(await reopened.facets()).toEqual(await embedded.facets());
      expect(await reopened.stats()).toMatchObject({ schemaVersion: 2 });
    } finally {
      await reopened.close();
    }
  });
});

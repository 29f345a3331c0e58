// The PostgreSQL store's schema and its migrations. Every migration is appended, never edited, and
// none drops data: a database written by an older vanban is brought forward in place, and one
// written by a newer vanban (a version this one does not know) is refused, not guessed at.
//
// The tables, and how each is laid out for Citus (see README "PostgreSQL as the store"):
//   vanban_schema           the migrations applied                              (local, coordinator)
//   vanban_meta             generation, roots, conflicts, search index kind     (reference table)
//   vanban_documents        one row per content (sha256): record JSONB, the columns filters and
//                           lists read, the search text and its terms (tsvector) (distributed by sha256)
//   vanban_files            the paths a content is held at, with size and mtime (distributed by sha256, co-located)
//   vanban_citations        one row per citation: its facts, span, sentence and resolution
//                                                                                (distributed by doc_sha, co-located)
//   vanban_edges            the citation graph's edges, looked up by the node cited
//                                                                                (distributed by to_node)
//   vanban_references       labels of cited documents outside the collection     (distributed by key)
//   vanban_known_documents  the known-documents table                           (reference table)
import type pg from "pg";
import { fillListColumns } from "./list-columns.js";

/** The schema version this vanban writes; a database at a higher version is refused. */
export const PG_SCHEMA_VERSION = 2;

/** What kind of index serves full-text search: RUM (ranking and positions in the index) when the extension is there, else GIN. */
export type SearchIndexKind = "rum" | "gin";

// Migration n brings the schema from version n to n + 1. Only additions. A migration may end with
// a step in JavaScript, run in the same transaction (columns that vanban's own rules compute).
interface Migration {
  sql: string;
  then?: (client: pg.ClientBase) => Promise<unknown>;
}

const MIGRATIONS: readonly Migration[] = [
  {
    sql: `
  CREATE TABLE vanban_meta (name text PRIMARY KEY, value jsonb NOT NULL);
  CREATE TABLE vanban_documents (
    sha256 text PRIMARY KEY,
    record_id text NOT NULL,
    id text,
    first_path text,
    key text,
    k_type text, k_number text, k_issuer text, k_name text, k_year int, k_date text,
    doc_type_code text, doc_type_name text,
    number text,
    date_iso text,
    year int,
    issuer_name text,
    issuer jsonb,
    title text,
    system text,
    place text,
    cited_keys text[] NOT NULL DEFAULT '{}',
    record jsonb NOT NULL,
    search_text text NOT NULL,
    segment_ends int[] NOT NULL,
    terms tsvector NOT NULL,
    parser text NOT NULL
  );
  CREATE INDEX vanban_documents_id ON vanban_documents (id);
  CREATE INDEX vanban_documents_k_number ON vanban_documents (k_number);
  CREATE INDEX vanban_documents_k_name ON vanban_documents (k_name);
  CREATE INDEX vanban_documents_year ON vanban_documents (year);
  CREATE TABLE vanban_files (
    sha256 text NOT NULL,
    path text NOT NULL,
    size bigint NOT NULL,
    mtime_ms double precision NOT NULL,
    PRIMARY KEY (sha256, path)
  );
  CREATE INDEX vanban_files_path ON vanban_files (path);
  CREATE TABLE vanban_citations (
    doc_sha text NOT NULL,
    idx int NOT NULL,
    key text,
    k_type text, k_number text, k_issuer text, k_name text, k_year int, k_date text,
    cited_date text,
    cited_issuer text,
    context text NOT NULL,
    parent int,
    relation text,
    label text NOT NULL,
    raw text NOT NULL,
    span json NOT NULL,
    citation json NOT NULL,
    sentence text NOT NULL,
    status text,
    target text,
    candidates text[] NOT NULL DEFAULT '{}',
    note text,
    node text,
    PRIMARY KEY (doc_sha, idx)
  );
  CREATE INDEX vanban_citations_k_number ON vanban_citations (k_number);
  CREATE INDEX vanban_citations_k_name ON vanban_citations (k_name);
  CREATE INDEX vanban_citations_target ON vanban_citations (target);
  CREATE INDEX vanban_citations_candidates ON vanban_citations USING gin (candidates);
  CREATE TABLE vanban_edges (
    to_node text NOT NULL,
    from_node text NOT NULL,
    relation text NOT NULL,
    source text NOT NULL,
    stated_in text,
    ord int NOT NULL
  );
  CREATE INDEX vanban_edges_to ON vanban_edges (to_node);
  CREATE INDEX vanban_edges_from ON vanban_edges (from_node);
  CREATE TABLE vanban_references (key text PRIMARY KEY, label text NOT NULL, k_number text, k_name text);
  CREATE INDEX vanban_references_k_number ON vanban_references (k_number);
  CREATE INDEX vanban_references_k_name ON vanban_references (k_name);
  CREATE TABLE vanban_known_documents (key text PRIMARY KEY, label text NOT NULL, relations jsonb NOT NULL);
  `,
  },
  // 2: the columns the workbench's list filters, facets and statistics read (list-columns.ts):
  // where a document stands and the folded forms the filters compare. `listed` is true once they
  // are computed; the rows of a database indexed before are filled here, in the migration's
  // transaction, from the header columns each row already has.
  {
    sql: `
  ALTER TABLE vanban_documents ADD COLUMN province text, ADD COLUMN former_province text, ADD COLUMN level text,
    ADD COLUMN place_key text, ADD COLUMN issuer_words text[] NOT NULL DEFAULT '{}',
    ADD COLUMN type_code_folded text, ADD COLUMN type_name_folded text, ADD COLUMN listed boolean NOT NULL DEFAULT false;
  CREATE INDEX vanban_documents_province ON vanban_documents (province);
  CREATE INDEX vanban_documents_former_province ON vanban_documents (former_province);
  CREATE INDEX vanban_documents_level ON vanban_documents (level);
  `,
    then: fillListColumns,
  },
];

/** A database that is not (or not yet, or no longer) a store this vanban can use. */
export class PgSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PgSchemaError";
  }
}

// One number for the advisory locks of one database's vanban store (any constant; shared by all vanbans).
export const MIGRATION_LOCK = 0x7661_6e01;
export const INDEX_LOCK = 0x7661_6e02;

/** The schema version of the database: 0 for one vanban never wrote to. */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('vanban_schema')::text AS t");
  if (exists.rows[0]?.t === null) return 0;
  const r = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM vanban_schema");
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the schema to `PG_SCHEMA_VERSION` (each migration in its own transaction, under an
 * advisory lock so two processes do not both migrate), and makes the search index (RUM when the
 * extension can be created, else GIN). Throws a `PgSchemaError` for a database of a newer version.
 */
export async function migrate(client: pg.ClientBase, prefer: SearchIndexKind = "rum"): Promise<{ version: number; searchIndex: SearchIndexKind }> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query("CREATE TABLE IF NOT EXISTS vanban_schema (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    let version = await schemaVersion(client);
    if (version > PG_SCHEMA_VERSION) {
      throw new PgSchemaError(`the database holds a vanban store of schema version ${version}, and this vanban knows versions up to ${PG_SCHEMA_VERSION}: use a newer vanban`);
    }
    for (; version < PG_SCHEMA_VERSION; version++) {
      await client.query("BEGIN");
      try {
        const migration = MIGRATIONS[version]!;
        await client.query(migration.sql);
        await migration.then?.(client);
        await client.query("INSERT INTO vanban_schema (version) VALUES ($1)", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return { version, searchIndex: await ensureSearchIndex(client, prefer) };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}

// The terms index: RUM orders by rank from the index itself (`terms <=> query`); GIN only finds,
// and ranking reads each match's tsvector. Which one was made is remembered in vanban_meta.
async function ensureSearchIndex(client: pg.ClientBase, prefer: SearchIndexKind): Promise<SearchIndexKind> {
  const known = await client.query<{ value: SearchIndexKind }>("SELECT value #>> '{}' AS value FROM vanban_meta WHERE name = 'search_index'");
  if (known.rows[0]) return known.rows[0].value;
  let kind: SearchIndexKind = "gin";
  await client.query("BEGIN");
  try {
    await client.query("SAVEPOINT rum");
    try {
      if (prefer !== "rum") throw new Error("GIN asked for");
      await client.query("CREATE EXTENSION IF NOT EXISTS rum");
      await client.query("CREATE INDEX vanban_documents_terms ON vanban_documents USING rum (terms rum_tsvector_ops)");
      kind = "rum";
    } catch {
      // No RUM here (not installed, or not allowed to create extensions): GIN does the finding.
      await client.query("ROLLBACK TO SAVEPOINT rum");
      await client.query("CREATE INDEX vanban_documents_terms ON vanban_documents USING gin (terms)");
    }
    await client.query("INSERT INTO vanban_meta (name, value) VALUES ('search_index', to_jsonb($1::text))", [kind]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return kind;
}

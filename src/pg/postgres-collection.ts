// The PostgreSQL store as a `Collection`: the same questions as the embedded store, answered by
// SQL on a database vanban creates and migrates (pg-schema.ts), through node-postgres. One
// connection per collection, opened on the first question. Errors a user can meet — a wrong URL,
// a refused password, a server that goes away, a database of another schema version, one that
// holds no store yet — become a `StoreError` with one line that says so.
import { compileCitesMatch } from "../kb/compile-cites-match.js";
import { resolve } from "node:path";
import type pg from "pg";
import type { CitationGraph, CitingOptions, GraphOptions } from "../kb/knowledge-base.js";

// How many search results a filter the search does not apply itself (a province, a level, a place
// in any spelling) or a facet count looks through, as in the embedded store.
const SEARCH_FILTER_DEPTH = 1000;
import type { IndexReport } from "../kb/index-folder.js";
import type { DocumentReference, DocumentSummary } from "../kb/query-results.js";
import type { DocumentAnswer, Facets, ListedDocument, Timeline } from "../kb/collection-results.js";
import type { CitationStatus } from "../kb/store-format.js";
import type { DocumentRecord } from "../model/record.js";
import type { SearchResult } from "../search/search.js";
import { StoreError } from "../store/store-errors.js";
import {
  DocumentNotFoundError,
  type CitesAnswer,
  type CitesOptions,
  type Collection,
  type CollectionIndexOptions,
  type CollectionSearchOptions,
  type CollectionStats,
  type ListFilters,
  type RefsAnswer,
  type TimelineOptions,
} from "../kb/collection.js";
import { DOCUMENT_COLUMNS, citing, describe, graphOf, matchRef, readings, summaryOf, type DocumentRow } from "./citation-queries.js";
import { migrate, PG_SCHEMA_VERSION, PgSchemaError, schemaVersion, type SearchIndexKind } from "./pg-schema.js";
import { isDirty, settleCollection } from "./settle-collection.js";
import { countFacetsSql, facetsSql, LISTED_COLUMNS, listedDocuments, listedOf, mostCitedSql, sqlListFilter, type ListedRow } from "./list-queries.js";
import { redactUrl } from "./store-url.js";

export { isPostgresUrl, redactUrl } from "./store-url.js";

/** The stats of a PostgreSQL collection: the common ones and which index serves search. */
export interface PostgresCollectionStats extends CollectionStats {
  store: "postgres";
  schemaVersion: number;
  /** RUM when the extension was there when the schema was made, else GIN */
  searchIndex: SearchIndexKind;
  /** bytes the database's vanban tables take, indexes included */
  bytes: number;
}

/** Options of `openPostgresCollection`. */
export interface OpenPostgresOptions {
  onMessage?: (message: string) => void;
  /** the search index made with the schema: RUM when the extension can be created (the default), or GIN */
  searchIndex?: SearchIndexKind;
}

/**
 * Opens the collection stored in the PostgreSQL database at `url`. Nothing is connected until a
 * question is asked; `index` creates (or migrates) the schema, a question to a database that holds
 * no store throws a `StoreError` ("missing").
 * @example
 * const collection = await openPostgresCollection("postgres://vanban@db.example/archive");
 * await collection.index(["documents"]);
 * const { groups } = await collection.cites("Nghị quyết 29");
 * await collection.close();
 */
export async function openPostgresCollection(url: string, options: OpenPostgresOptions = {}): Promise<Collection> {
  return new PostgresCollection(url, options);
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENOENT", "ETIMEDOUT", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "28P01", "28000", "3D000", "57P01", "57P02", "57P03", "08006", "08001", "08003"]);

class PostgresCollection implements Collection {
  readonly location: string;
  private client: pg.Client | null = null;
  // The connection being opened: questions asked at once (a server's) share it, not one each.
  private connecting: Promise<pg.Client> | null = null;
  private searchIndex: SearchIndexKind = "gin";
  private lost: Error | null = null;

  constructor(
    private readonly url: string,
    private readonly options: OpenPostgresOptions,
  ) {
    this.location = redactUrl(url);
  }

  // Errors of the connection become one line naming the database.
  private storeError(error: unknown): unknown {
    if (error instanceof StoreError || error instanceof DocumentNotFoundError) return error;
    if (error instanceof PgSchemaError) return new StoreError("other-version", this.location, error.message, null);
    const e = error as { code?: string; message?: string };
    const message = e?.message ?? String(error);
    if ((e?.code && UNREACHABLE.has(e.code)) || /Connection terminated|connection.*(closed|ended)|not queryable|terminating connection/i.test(message)) {
      this.client = null;
      return new StoreError("missing", this.location, `cannot use the database ${this.location}: ${message}`, null);
    }
    return error;
  }

  private async run<T>(body: (client: pg.Client) => Promise<T>, forWriting = false): Promise<T> {
    try {
      const client = await this.connected(forWriting);
      return await body(client);
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private async connected(forWriting: boolean): Promise<pg.Client> {
    if (this.client && !this.lost) {
      if (forWriting) await migrate(this.client, this.options.searchIndex);
      return this.client;
    }
    if (this.connecting) {
      const client = await this.connecting;
      if (forWriting) await migrate(client, this.options.searchIndex);
      return client;
    }
    this.connecting = this.connect(forWriting);
    try {
      return await this.connecting;
    } finally {
      this.connecting = null;
    }
  }

  private async connect(forWriting: boolean): Promise<pg.Client> {
    // node-postgres is loaded only by a collection that uses it: the embedded store never does.
    const { default: pgModule } = await import("pg");
    const client = new pgModule.Client({ connectionString: this.url, connectionTimeoutMillis: 10_000 });
    // A server that goes away mid-question rejects the query; this keeps the event from crashing the process.
    client.on("error", (error) => {
      this.lost = error;
    });
    this.lost = null;
    await client.connect();
    this.client = client;
    const version = await schemaVersion(client);
    if (version === 0 && !forWriting) {
      throw new StoreError("missing", this.location, `the database ${this.location} holds no vanban store`, `create it with: vanban index FOLDER --store ${this.location}`);
    }
    if (version > PG_SCHEMA_VERSION || version < PG_SCHEMA_VERSION || forWriting) {
      ({ searchIndex: this.searchIndex } = await migrate(client, this.options.searchIndex));
    } else {
      const r = await client.query<{ kind: SearchIndexKind }>("SELECT value #>> '{}' AS kind FROM vanban_meta WHERE name = 'search_index'");
      this.searchIndex = r.rows[0]?.kind ?? "gin";
    }
    return client;
  }

  // A question on a database an interrupted index run left unsettled settles it first.
  private async reading<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.run(async (client) => {
      if (await isDirty(client)) {
        this.options.onMessage?.("an index run was interrupted; resolving the citations of the documents it stored");
        await settleCollection(client, { onlyWhenDirty: true });
      }
      return body(client);
    });
  }

  async index(paths: string | readonly string[], options: CollectionIndexOptions = {}): Promise<IndexReport> {
    const { indexIntoPostgres } = await import("./index-postgres.js");
    return this.run((client) => indexIntoPostgres(client, this.location, paths, { onMessage: this.options.onMessage, ...options }), true);
  }

  async search(query: string, options: CollectionSearchOptions = {}): Promise<SearchResult[]> {
    return this.reading(async (client) => {
      const { level, province, place } = options;
      if (level === undefined && province === undefined && place === undefined) return this.searchOn(client, query, options);
      // Places in any spelling, provinces and levels are the list's filters: the search's first
      // results (at least 1,000) narrowed by them in SQL.
      const limit = options.limit ?? 20;
      const found = await this.searchOn(client, query, { ...options, level: undefined, province: undefined, place: undefined, limit: Math.max(SEARCH_FILTER_DEPTH, limit) });
      const keep = await this.idsPassing(client, sqlListFilter({ level, province, place }, found.map((r) => r.id)));
      return found.filter((r) => keep.has(r.id)).slice(0, limit);
    });
  }

  private async searchOn(client: pg.Client, query: string, options: CollectionSearchOptions): Promise<SearchResult[]> {
    const { cites, level: _level, province: _province, ...filters } = options;
    const { searchPostgres } = await import("./search-postgres.js");
    const citesMatch = cites === undefined ? undefined : await compileCitesMatch(cites);
    return searchPostgres(client, this.searchIndex, query, { ...filters, ...(citesMatch ? { citesMatch } : {}) });
  }

  // The ids of the documents a filter passes.
  private async idsPassing(client: pg.ClientBase, filter: { where: string; params: unknown[] }): Promise<Set<string>> {
    const rows = await client.query<{ id: string }>(`SELECT d.id FROM vanban_documents d WHERE ${filter.where}`, filter.params);
    return new Set(rows.rows.map((r) => r.id));
  }

  async list(filters: ListFilters = {}): Promise<ListedDocument[]> {
    return this.reading(async (client) => {
      const { cites, ...rest } = filters;
      const citing = cites === undefined ? null : await this.directlyCiting(client, cites);
      return listedDocuments(client, sqlListFilter(rest, citing));
    });
  }

  // The ids of the documents that cite a reference directly, whichever document it stands for.
  private async directlyCiting(client: pg.Client, ref: string): Promise<string[]> {
    const answer = await this.citesOn(client, ref, {});
    return [...new Set(answer.groups.flatMap((g) => g.documents.map((d) => d.id)))];
  }

  async facets(filters: ListFilters = {}, query?: string): Promise<Facets> {
    return this.reading(async (client) => {
      const { cites, ...rest } = filters;
      if (query === undefined || query.trim() === "") {
        const citing = cites === undefined ? null : await this.directlyCiting(client, cites);
        return facetsSql(client, sqlListFilter(rest, citing));
      }
      // With a query: the documents its first 1,000 results hold that pass the filters (`cites`
      // as the search reads it: a cited key that matches).
      const found = await this.searchOn(client, query, { ...(cites !== undefined ? { cites } : {}), limit: SEARCH_FILTER_DEPTH });
      return facetsSql(client, sqlListFilter(rest, [...new Set(found.map((r) => r.id))]));
    });
  }

  async document(idOrPath: string): Promise<DocumentAnswer> {
    return this.reading(async (client) => {
      type Row = ListedRow & { record: DocumentRecord; file_path: string };
      let row = (await client.query<Row>(`SELECT ${LISTED_COLUMNS}, d.record, d.first_path AS file_path FROM vanban_documents d WHERE d.id = $1 ORDER BY d.first_path COLLATE "C" LIMIT 1`, [idOrPath])).rows[0];
      row ??= (
        await client.query<Row>(`SELECT ${LISTED_COLUMNS}, d.record, f.path AS file_path FROM vanban_files f JOIN vanban_documents d ON d.sha256 = f.sha256 WHERE f.path = $1`, [resolve(idOrPath)])
      ).rows[0];
      if (!row) throw new DocumentNotFoundError(idOrPath, `no such document in ${this.location}`);
      // The record with its citations' targets as the collection resolves them, its id and the path asked for.
      const targets = new Map((await client.query<{ idx: number; target: string | null }>("SELECT idx, target FROM vanban_citations WHERE doc_sha = $1", [row.sha256])).rows.map((r) => [r.idx, r.target]));
      const record: DocumentRecord = {
        ...row.record,
        id: row.id,
        source: { ...row.record.source, path: row.file_path },
        citations: row.record.citations.map((c, i) => ({ ...c, target: targets.get(i) ?? null })),
      };
      return { document: listedOf(row), record };
    });
  }

  async cites(ref: string, options: CitesOptions = {}): Promise<CitesAnswer> {
    return this.reading(async (client) => {
      const { transitive, maxDepth, ...filters } = options;
      const answer = await this.citesOn(client, ref, { ...(transitive !== undefined ? { transitive } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}) });
      if (Object.values(filters).every((v) => v === undefined)) return answer;
      const ids = [...new Set(answer.groups.flatMap((g) => g.documents.map((d) => d.id)))];
      const keep = await this.idsPassing(client, sqlListFilter(filters, ids));
      return { ...answer, groups: answer.groups.map((g) => ({ ...g, documents: g.documents.filter((d) => keep.has(d.id)) })) };
    });
  }

  async timeline(ref: string, options: TimelineOptions = {}): Promise<Timeline> {
    return this.reading(async (client) => {
      const answer = await this.citesOn(client, ref, { transitive: options.transitive ?? false });
      const ids = [...new Set(answer.groups.flatMap((g) => g.documents.map((d) => d.id)))];
      const [{ buildTimeline }, documents] = await Promise.all([import("../kb/citing-timeline.js"), listedDocuments(client, sqlListFilter({}, ids))]);
      return buildTimeline(answer.target, documents, options);
    });
  }

  private async citesOn(client: pg.Client, ref: string, options: CitingOptions): Promise<CitesAnswer> {
    const match = await matchRef(client, ref);
    const several = await readings(client, match);
    if (several.length > 1) {
      const groups = [];
      for (const reading of several) groups.push({ key: reading.key, label: reading.label, documents: await citing(client, await matchRef(client, reading.key), options) });
      return { target: ref, groups };
    }
    const target = await describe(client, ref, match);
    return { target, groups: [{ key: null, label: target, documents: await citing(client, match, options) }] };
  }

  async refs(idOrPath: string): Promise<RefsAnswer> {
    return this.reading(async (client) => {
      let doc = (await client.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM vanban_documents d WHERE d.id = $1`, [idOrPath])).rows[0];
      doc ??= (
        await client.query<DocumentRow>(
          `SELECT ${DOCUMENT_COLUMNS} FROM vanban_files f JOIN vanban_documents d ON d.sha256 = f.sha256 WHERE f.path = $1`,
          [resolve(idOrPath)],
        )
      ).rows[0];
      if (doc) {
        // The citation as the parser wrote it (json keeps its text; the record's jsonb orders keys its own way).
        const rows = await client.query<{ idx: number; citation: DocumentRecord["citations"][number]; status: CitationStatus; target: string | null; candidates: string[]; note: string | null; sentence: string; label: string }>(
          "SELECT idx, citation, status, target, candidates, note, sentence, label FROM vanban_citations WHERE doc_sha = $1 ORDER BY idx",
          [doc.sha256],
        );
        const targets = await this.summaries(client, rows.rows.filter((r) => r.status === "resolved" && r.target).map((r) => r.target!));
        const references: DocumentReference[] = rows.rows.map((r) => ({
          citation: { ...r.citation, target: r.target },
          index: r.idx,
          status: r.status,
          candidates: r.candidates,
          note: r.note,
          sentence: r.sentence,
          label: r.label,
          resolvedTo: r.status === "resolved" && r.target ? (targets.get(r.target) ?? null) : null,
        }));
        return { document: { id: doc.id, path: doc.first_path, title: doc.title }, inCollection: true, references };
      }
      return this.refsOfFile(client, idOrPath);
    });
  }

  private async summaries(client: pg.ClientBase, ids: readonly string[]): Promise<Map<string, DocumentSummary>> {
    const rows = await client.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM vanban_documents d WHERE d.id = ANY($1::text[])`, [ids]);
    return new Map(rows.rows.map((r) => [r.id, summaryOf(r)]));
  }

  // A file outside the collection: parsed now, each citation resolved against the documents
  // that share its number or name (all that resolution looks at).
  private async refsOfFile(client: pg.ClientBase, idOrPath: string): Promise<RefsAnswer> {
    const [{ readDocumentFile }, { parseDocumentAsync }, { readCitationFacts }, { CollectionIndex }, { keyColumns }] = await Promise.all([
      import("../input/read-document-file.js"),
      import("../document/parse-document.js"),
      import("../kb/citation-facts.js"),
      import("../kb/resolve-citations.js"),
      import("./key-columns.js"),
    ]);
    const file = resolve(idOrPath);
    const read = readDocumentFile(file, { acceptPdf: true });
    if ("problem" in read) throw new DocumentNotFoundError(idOrPath, `no such document in ${this.location} and ${read.problem === "no such file or directory" ? "no such file" : `the file cannot be read: ${read.problem}`}`);
    const { record, text } = await parseDocumentAsync(read.bytes, { path: file });
    const { facts, sentences } = readCitationFacts(record, text);
    const numbers = facts.map((f) => keyColumns(f.key)[1]).filter((n): n is string => typeof n === "string");
    const names = facts.map((f) => keyColumns(f.key)[3]).filter((n): n is string => typeof n === "string");
    const near = await client.query<{ id: string; key: string | null; date_iso: string | null; issuer: { name: string; parent: string | null } | null }>(
      "SELECT id, key, date_iso, issuer FROM vanban_documents WHERE k_number = ANY($1::text[]) OR k_name = ANY($2::text[])",
      [numbers, names],
    );
    const index = new CollectionIndex(near.rows.map((r) => ({ id: r.id, key: r.key, date: r.date_iso, issuer: r.issuer })));
    const resolutions = record.citations.map((_, i) => index.resolve(facts[i]!, record.id));
    const targets = await this.summaries(client, resolutions.filter((r) => r.status === "resolved" && r.target).map((r) => r.target!));
    const references: DocumentReference[] = record.citations.map((c, i) => {
      const r = resolutions[i]!;
      return {
        citation: { ...c, target: r.target },
        index: i,
        status: r.status,
        candidates: r.candidates,
        note: r.note,
        sentence: sentences[i]!,
        label: facts[i]!.label,
        resolvedTo: r.status === "resolved" && r.target ? (targets.get(r.target) ?? null) : null,
      };
    });
    return { document: { id: record.id, path: file, title: record.title }, inCollection: false, references };
  }

  async graph(options: GraphOptions = {}): Promise<CitationGraph> {
    return this.reading((client) => graphOf(client, options));
  }

  async stats(): Promise<PostgresCollectionStats> {
    return this.reading(async (client) => {
      const meta = new Map((await client.query<{ name: string; value: unknown }>("SELECT name, value FROM vanban_meta")).rows.map((r) => [r.name, r.value]));
      const counts = (await client.query<{ documents: string; files: string; bytes: string }>(
        `SELECT (SELECT count(*) FROM vanban_documents) AS documents, (SELECT count(*) FROM vanban_files) AS files,
           (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'vanban\\_%') AS bytes`,
      )).rows[0]!;
      const facets = await countFacetsSql(client, { where: "true", params: [] }, ["type", "issuer", "year"]);
      return {
        documents: Number(counts.documents),
        files: Number(counts.files),
        generation: Number(meta.get("generation") ?? 0),
        createdAt: String(meta.get("created_at") ?? ""),
        roots: (meta.get("roots") as string[] | undefined) ?? [],
        store: "postgres",
        schemaVersion: await schemaVersion(client),
        searchIndex: this.searchIndex,
        bytes: Number(counts.bytes ?? 0),
        byType: facets.type,
        byIssuer: facets.issuer.slice(0, 50),
        byYear: facets.year,
        mostCited: await mostCitedSql(client, 20),
      };
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

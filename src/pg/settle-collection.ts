// The settling transaction of an index run: drop the files not listed and the contents no file
// holds any more, give each content its collection id (the embedded store's rule:
// assignCollectionIds), resolve every citation against the collection and rewrite the graph, with
// the same code the embedded store runs (CollectionIndex, findDateConflicts, buildCitationGraph),
// so both stores give the same statuses and edges. One transaction: a reader sees the old graph
// or the new one, and a run killed before it commits leaves the `dirty` mark for the next one.
import type pg from "pg";
import { buildCitationGraph } from "../kb/build-citation-graph.js";
import { knownDocuments } from "../citations/known-documents.js";
import { knownDocumentLabel } from "../kb/build-citation-graph.js";
import { assignCollectionIds, type DuplicateFile } from "../kb/document-identity.js";
import { CollectionIndex, findDateConflicts, type PlacedFact } from "../kb/resolve-citations.js";
import type { CatalogEntry, CitationFact, CitationStatus, Relation, Resolution } from "../kb/store-format.js";
import { keyColumns } from "./key-columns.js";

/** What settling left. */
export interface SettleReport {
  /** false when nothing needed settling (`onlyWhenDirty` and a clean database) */
  settled: boolean;
  generation: number;
  documents: number;
  citations: Record<CitationStatus, number>;
  conflicts: number;
  duplicates: DuplicateFile[];
}

/** Options of `settleCollection`. */
export interface SettleOptions {
  /** the files of the collection now: any other file row is dropped (absent: keep every file) */
  keepPaths?: readonly string[];
  /** the folders indexed, remembered for stats */
  roots?: readonly string[];
  /** settle only when an interrupted or unsettled run left the `dirty` mark; otherwise just report */
  onlyWhenDirty?: boolean;
}

const ROWS_PER_STATEMENT = 5_000;

function emptyCounts(): Record<CitationStatus, number> {
  return { resolved: 0, ambiguous: 0, "not-in-collection": 0, conflict: 0, self: 0 };
}

async function countsOf(client: pg.ClientBase): Promise<Omit<SettleReport, "settled" | "duplicates">> {
  const meta = await client.query<{ name: string; value: unknown }>("SELECT name, value FROM vanban_meta WHERE name IN ('generation', 'conflicts')");
  const byName = new Map(meta.rows.map((r) => [r.name, r.value]));
  const docs = await client.query<{ n: string }>("SELECT count(*) AS n FROM vanban_documents");
  const statuses = await client.query<{ status: CitationStatus | null; n: string }>("SELECT status, count(*) AS n FROM vanban_citations GROUP BY status");
  const citations = emptyCounts();
  for (const r of statuses.rows) if (r.status) citations[r.status] = Number(r.n);
  return { generation: Number(byName.get("generation") ?? 0), documents: Number(docs.rows[0]!.n), citations, conflicts: ((byName.get("conflicts") as unknown[]) ?? []).length };
}

/** Whether an index run left the graph unsettled (killed between its batches and its settling). */
export async function isDirty(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ value: boolean }>("SELECT value FROM vanban_meta WHERE name = 'dirty'");
  return r.rows[0]?.value === true;
}

/** Settles the collection (see the file comment) in one transaction. */
export async function settleCollection(client: pg.ClientBase, options: SettleOptions = {}): Promise<SettleReport> {
  if (options.onlyWhenDirty && !(await isDirty(client))) return { settled: false, duplicates: [], ...(await countsOf(client)) };
  let duplicates: DuplicateFile[] = [];
  await client.query("BEGIN");
  try {
    // One settler at a time, and readers see the old state until the commit.
    await client.query("LOCK TABLE vanban_meta IN SHARE ROW EXCLUSIVE MODE");
    if (options.keepPaths) await client.query("DELETE FROM vanban_files WHERE NOT (path = ANY($1::text[]))", [options.keepPaths]);
    await client.query("DELETE FROM vanban_citations c WHERE NOT EXISTS (SELECT 1 FROM vanban_files f WHERE f.sha256 = c.doc_sha)");
    await client.query("DELETE FROM vanban_documents d WHERE NOT EXISTS (SELECT 1 FROM vanban_files f WHERE f.sha256 = d.sha256)");

    const files = await client.query<{ path: string; sha256: string; record_id: string; key: string | null; date_iso: string | null; issuer: CatalogEntry["issuer"] }>(
      "SELECT f.path, f.sha256, d.record_id, d.key, d.date_iso, d.issuer FROM vanban_files f JOIN vanban_documents d ON d.sha256 = f.sha256",
    );
    const entries = files.rows
      .map((r) => ({ path: r.path, sha256: r.sha256, recordId: r.record_id, id: r.record_id, key: r.key, date: r.date_iso, issuer: r.issuer }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    duplicates = assignCollectionIds(entries as unknown as CatalogEntry[]);
    // The documents, once each, in path order (as the embedded store's graph lists them).
    const documents: typeof entries = [];
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.sha256)) continue;
      seen.add(e.sha256);
      documents.push(e);
    }
    for (let i = 0; i < documents.length; i += ROWS_PER_STATEMENT) {
      const part = documents.slice(i, i + ROWS_PER_STATEMENT);
      await client.query(
        "UPDATE vanban_documents d SET id = u.id, first_path = u.path FROM unnest($1::text[], $2::text[], $3::text[]) AS u(sha256, id, path) WHERE d.sha256 = u.sha256",
        [part.map((d) => d.sha256), part.map((d) => d.id), part.map((d) => d.path)],
      );
    }

    const factRows = await client.query<{ doc_sha: string; idx: number; key: string | null; cited_date: string | null; cited_issuer: string | null; context: CitationFact["context"]; parent: number | null; relation: Relation | null; label: string }>(
      "SELECT doc_sha, idx, key, cited_date, cited_issuer, context, parent, relation, label FROM vanban_citations ORDER BY doc_sha, idx",
    );
    const factsBySha = new Map<string, CitationFact[]>();
    for (const r of factRows.rows) {
      let list = factsBySha.get(r.doc_sha);
      if (!list) factsBySha.set(r.doc_sha, (list = []));
      list[r.idx] = { key: r.key, date: r.cited_date, issuer: r.cited_issuer, context: r.context, parent: r.parent, relation: r.relation, label: r.label };
    }
    const facts = documents.map((d) => factsBySha.get(d.sha256) ?? []);
    const index = new CollectionIndex(documents.map((d) => ({ id: d.id, key: d.key, date: d.date, issuer: d.issuer })));
    const resolutions: Resolution[][] = documents.map((d, i) => facts[i]!.map((f) => index.resolve(f, d.id)));
    const placed: PlacedFact[] = documents.flatMap((d, i) => facts[i]!.map((fact, citation) => ({ id: d.id, citation, fact, resolution: resolutions[i]![citation]! })));
    const conflicts = findDateConflicts(placed);
    const built = buildCitationGraph(documents.map((d, i) => ({ id: d.id, key: d.key, facts: facts[i]!, resolutions: resolutions[i]! })));

    const rows: unknown[][] = [[], [], [], [], [], [], []];
    const citations = emptyCounts();
    documents.forEach((d, i) => {
      resolutions[i]!.forEach((r, idx) => {
        citations[r.status]++;
        [d.sha256, idx, r.status, r.target, `{${r.candidates.map((c) => JSON.stringify(c)).join(",")}}`, r.note, built.nodes[i]![idx]].forEach((v, j) => rows[j]!.push(v));
      });
    });
    for (let i = 0; i < rows[0]!.length; i += ROWS_PER_STATEMENT) {
      await client.query(
        `UPDATE vanban_citations c SET status = u.status, target = u.target, candidates = u.candidates::text[], note = u.note, node = u.node
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(doc_sha, idx, status, target, candidates, note, node)
         WHERE c.doc_sha = u.doc_sha AND c.idx = u.idx`,
        rows.map((column) => column.slice(i, i + ROWS_PER_STATEMENT)),
      );
    }
    await client.query("DELETE FROM vanban_edges");
    for (let i = 0; i < built.edges.length; i += ROWS_PER_STATEMENT) {
      const part = built.edges.slice(i, i + ROWS_PER_STATEMENT);
      await client.query(
        "INSERT INTO vanban_edges (to_node, from_node, relation, source, stated_in, ord) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])",
        [part.map((e) => e.to), part.map((e) => e.from), part.map((e) => e.relation), part.map((e) => e.source), part.map((e) => e.statedIn), part.map((_, j) => i + j)],
      );
    }
    await client.query("DELETE FROM vanban_references");
    for (let i = 0; i < built.references.length; i += ROWS_PER_STATEMENT) {
      const part = built.references.slice(i, i + ROWS_PER_STATEMENT);
      const keyParts = part.map((r) => keyColumns(r.key));
      await client.query(
        "INSERT INTO vanban_references (key, label, k_number, k_name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])",
        [part.map((r) => r.key), part.map((r) => r.label), keyParts.map((k) => k[1]), keyParts.map((k) => k[3])],
      );
    }
    const known = knownDocuments();
    await client.query("DELETE FROM vanban_known_documents");
    await client.query("INSERT INTO vanban_known_documents (key, label, relations) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])", [
      known.map((k) => k.key),
      known.map((k) => knownDocumentLabel(k)),
      known.map((k) => JSON.stringify(k.relations)),
    ]);
    const meta: [string, unknown][] = [
      ["conflicts", conflicts],
      ["dirty", false],
      ["created_at", new Date().toISOString()],
    ];
    if (options.roots) meta.push(["roots", options.roots]);
    for (const [name, value] of meta) {
      await client.query("INSERT INTO vanban_meta (name, value) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [name, JSON.stringify(value)]);
    }
    await client.query(
      "INSERT INTO vanban_meta (name, value) VALUES ('generation', '1') ON CONFLICT (name) DO UPDATE SET value = to_jsonb((vanban_meta.value #>> '{}')::int + 1)",
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  const counts = await countsOf(client);
  return { settled: true, duplicates, ...counts };
}

// "Who cites X", "what does X cite" and the graph around X, answered in SQL from the citations and
// edges tables, never by loading the graph: a reference is read into key queries by vanban's
// reference grammar, the rows that may match are found through the indexed key columns (the
// unpadded number, the name slug), and `keyMatches` decides exactly, as the embedded store does.
// Chains (--transitive) and neighbourhoods (graph --around) are walked level by level with one
// indexed query per level (`to_node = ANY(frontier)`), which Citus runs on a distributed table;
// a WITH RECURSIVE query would do the same walk in one statement on plain PostgreSQL, but Citus
// refuses recursive CTEs over distributed tables.
import type pg from "pg";
import { keyMatches, nameSlug, parseKey, queryKey, unpaddedSeq, type ReferenceQuery } from "../citations/canonical-key.js";
import { parseReferenceQueries } from "../citations/parse-reference-query.js";
import { knownDocuments } from "../citations/known-documents.js";
import { documentLabel, type CitationGraph, type CitingOptions, type GraphOptions } from "../kb/knowledge-base.js";
import { ReferenceQueryError, STRICT_KEY } from "../kb/citing-query.js";
import type { ChainLink, CitingDocument, CitingSpan, DocumentSummary, GraphNode } from "../kb/query-results.js";
import type { CitationStatus, GraphEdge, Relation } from "../kb/store-format.js";
import type { DocType } from "../model/record.js";

/** The columns of a document row that summaries and labels read. */
export const DOCUMENT_COLUMNS = "d.sha256, d.id, d.first_path, d.key, d.title, d.doc_type_code, d.doc_type_name, d.number, d.date_iso, d.issuer_name";

/** A document row with those columns. */
export interface DocumentRow {
  sha256: string;
  id: string;
  first_path: string;
  key: string | null;
  title: string | null;
  doc_type_code: string | null;
  doc_type_name: string | null;
  number: string | null;
  date_iso: string | null;
  issuer_name: string | null;
}

function docTypeOf(row: DocumentRow): DocType | null {
  return row.doc_type_code !== null && row.doc_type_name !== null ? ({ code: row.doc_type_code, name: row.doc_type_name } as DocType) : null;
}

/** The list fields of a document row (as `summarizeEntry` makes them from a catalog entry). */
export function summaryOf(row: DocumentRow): DocumentSummary {
  return { id: row.id, path: row.first_path, title: row.title, docType: docTypeOf(row), number: row.number, date: row.date_iso, issuer: row.issuer_name };
}

/** What a reference given by a user matches: key queries and collection documents (by id). */
export interface RefMatch {
  queries: ReferenceQuery[];
  ids: Set<string>;
}

// The indexed columns that narrow a search for keys matching the queries.
function keyFilter(queries: readonly ReferenceQuery[]): { numbers: string[]; names: string[] } {
  return {
    numbers: [...new Set(queries.flatMap((q) => (q.number !== null ? [unpaddedSeq(q.number)] : [])))],
    names: [...new Set(queries.flatMap((q) => (q.name !== null ? [nameSlug(q.name)] : [])))],
  };
}

const matchesKey = (match: RefMatch, key: string | null) => match.queries.some((q) => keyMatches(q, key));

/** Reads a reference (any spelling, alias name, key or record id) as the embedded store does. */
export async function matchRef(client: pg.ClientBase, ref: string): Promise<RefMatch> {
  const text = ref.trim();
  const byId = await client.query("SELECT 1 FROM vanban_documents WHERE id = $1 LIMIT 1", [text]);
  if (byId.rows.length > 0) return { queries: [], ids: new Set([text]) };
  const key = STRICT_KEY.test(text) ? parseKey(text) : null;
  const queries: ReferenceQuery[] = key
    ? [{ types: [key.type], number: key.number, issuer: key.issuer, name: key.name ? key.name.replace(/-/g, " ") : null, year: key.year, date: key.date }]
    : parseReferenceQueries(text);
  if (queries.length === 0) throw new ReferenceQueryError(text);
  const { numbers, names } = keyFilter(queries);
  const docs = await client.query<{ id: string; key: string | null }>("SELECT id, key FROM vanban_documents WHERE k_number = ANY($1::text[]) OR k_name = ANY($2::text[])", [numbers, names]);
  return { queries, ids: new Set(docs.rows.filter((d) => matchesKey({ queries, ids: new Set() }, d.key)).map((d) => d.id)) };
}

/** The cited documents outside the collection (graph reference nodes) a match names. */
export async function matchingReferences(client: pg.ClientBase, match: RefMatch): Promise<{ key: string; label: string }[]> {
  if (match.queries.length === 0) return [];
  const { numbers, names } = keyFilter(match.queries);
  const r = await client.query<{ key: string; label: string }>(`SELECT key, label FROM vanban_references WHERE k_number = ANY($1::text[]) OR k_name = ANY($2::text[]) ORDER BY key COLLATE "C"`, [numbers, names]);
  return r.rows.filter((row) => matchesKey(match, row.key));
}

/** The documents a reference may stand for when several (a name three laws bear), each with a key that asks for it alone. */
export async function readings(client: pg.ClientBase, match: RefMatch): Promise<{ key: string; label: string }[]> {
  if (match.queries.length < 2) return [];
  const known = new Map(knownDocuments().map((d) => [d.key, `${d.docType.name} ${d.number}`]));
  const keys = match.queries.map((q) => queryKey(q)).filter((k): k is string => k !== null);
  const labels = new Map((await client.query<{ key: string; label: string }>("SELECT key, label FROM vanban_references WHERE key = ANY($1::text[])", [keys])).rows.map((r) => [r.key, r.label]));
  return match.queries.flatMap((q) => {
    const key = queryKey(q);
    return key ? [{ key, label: known.get(key) ?? labels.get(key) ?? (q.name !== null ? `${q.types?.[0] ?? ""} ${q.name}`.trim() : key) }] : [];
  });
}

/** How a reference is named for a heading: the labels of what it matches, else as given. */
export async function describe(client: pg.ClientBase, ref: string, match: RefMatch): Promise<string> {
  const references = await matchingReferences(client, match);
  const docs = await client.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM vanban_documents d WHERE d.id = ANY($1::text[]) ORDER BY d.first_path COLLATE "C"`, [[...match.ids]]);
  const labels = [...new Set([...references.map((r) => r.label), ...docs.rows.map((d) => (d.doc_type_name && d.number ? `${d.doc_type_name} ${d.number}` : d.id))])];
  return labels.length > 0 ? labels.join(", ") : ref;
}

interface CitationRow extends DocumentRow {
  /** the file: a content held at several paths is listed at each, as the embedded store lists its catalog */
  file_path: string;
  idx: number;
  raw: string;
  span: CitingSpan["span"];
  context: CitingSpan["context"];
  sentence: string;
  c_key: string | null;
  status: CitationStatus;
  target: string | null;
  candidates: string[];
  node: string | null;
}

const CITATION_COLUMNS = `${DOCUMENT_COLUMNS}, f.path AS file_path, c.idx, c.raw, c.span, c.context, c.sentence, c.key AS c_key, c.status, c.target, c.candidates, c.node`;

function spanOf(row: CitationRow): CitingSpan {
  return { index: row.idx, raw: row.raw, span: row.span, context: row.context, sentence: row.sentence, key: row.c_key, status: row.status, target: row.target };
}

// Whether a citation cites what `match` asks for (the embedded store's rule).
function citesMatch(row: CitationRow, match: RefMatch): boolean {
  if (row.status === "self") return false;
  if (row.target !== null && match.ids.has(row.target)) return true;
  if ((row.status === "ambiguous" || row.status === "conflict") && row.candidates.some((c) => match.ids.has(c))) return true;
  return matchesKey(match, row.c_key);
}

// Rows grouped by file, in path order.
function byFile(rows: readonly CitationRow[]): { doc: CitationRow; rows: CitationRow[] }[] {
  const groups = new Map<string, { doc: CitationRow; rows: CitationRow[] }>();
  for (const row of rows) {
    const group = groups.get(row.file_path);
    if (group) group.rows.push(row);
    else groups.set(row.file_path, { doc: row, rows: [row] });
  }
  return [...groups.values()];
}

const fileSummary = (row: CitationRow): DocumentSummary => ({ ...summaryOf(row), path: row.file_path });

/** The graph label, record id and key of each node (a collection document, a cited reference, or the node itself). */
export async function nodeLabels(client: pg.ClientBase, nodes: readonly string[]): Promise<Map<string, { label: string; id: string | null; key: string | null }>> {
  const out = new Map<string, { label: string; id: string | null; key: string | null }>();
  const docs = await client.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM vanban_documents d WHERE d.id = ANY($1::text[])`, [nodes]);
  for (const d of docs.rows) out.set(d.id, { label: documentLabel({ docType: docTypeOf(d), number: d.number, title: d.title, id: d.id }), id: d.id, key: d.key });
  const refs = await client.query<{ key: string; label: string }>("SELECT key, label FROM vanban_references WHERE key = ANY($1::text[])", [nodes.filter((n) => !out.has(n))]);
  for (const r of refs.rows) out.set(r.key, { label: r.label, id: null, key: r.key });
  for (const n of nodes) if (!out.has(n)) out.set(n, { label: n, id: null, key: n });
  return out;
}

/** The documents that cite what `match` names; with `transitive`, also through others, each with its chain. */
export async function citing(client: pg.ClientBase, match: RefMatch, options: CitingOptions = {}): Promise<CitingDocument[]> {
  const { numbers, names } = keyFilter(match.queries);
  const ids = [...match.ids];
  const candidates = await client.query<CitationRow>(
    `SELECT ${CITATION_COLUMNS} FROM vanban_citations c JOIN vanban_documents d ON d.sha256 = c.doc_sha JOIN vanban_files f ON f.sha256 = d.sha256
     WHERE c.status <> 'self' AND (c.target = ANY($1::text[]) OR (c.status IN ('ambiguous', 'conflict') AND c.candidates && $1::text[])
       OR c.k_number = ANY($2::text[]) OR c.k_name = ANY($3::text[]))
     ORDER BY f.path COLLATE "C", c.idx`,
    [ids, numbers, names],
  );
  const results: CitingDocument[] = [];
  const direct = new Set<string>();
  for (const { doc, rows } of byFile(candidates.rows)) {
    const matching = rows.filter((r) => citesMatch(r, match));
    if (matching.length === 0) continue;
    direct.add(doc.file_path);
    results.push({ ...fileSummary(doc), direct: true, citations: matching.map(spanOf), chain: null });
  }
  if (!options.transitive) return results;

  // Walk backwards from the documents asked for, one level a query; a node is reached first along
  // a shortest chain, through the stated relations before bare citations (the embedded order).
  const targets = [...ids, ...(await matchingReferences(client, match)).map((r) => r.key)];
  const next = new Map<string, { node: string; relation: Relation }>();
  const seen = new Set<string>(targets);
  let frontier = [...new Set(targets)];
  for (let depth = 0; depth < (options.maxDepth ?? 6) && frontier.length > 0; depth++) {
    const edges = await client.query<{ from_node: string; to_node: string; relation: Relation }>(
      `SELECT from_node, to_node, relation FROM vanban_edges WHERE to_node = ANY($1::text[])
       ORDER BY array_position($1::text[], to_node), (relation = 'cites'), ord`,
      [frontier],
    );
    const following: string[] = [];
    for (const edge of edges.rows) {
      if (seen.has(edge.from_node)) continue;
      seen.add(edge.from_node);
      next.set(edge.from_node, { node: edge.to_node, relation: edge.relation });
      following.push(edge.from_node);
    }
    frontier = following;
  }
  const reached = [...next.keys()];
  const rows = await client.query<CitationRow>(
    `SELECT ${CITATION_COLUMNS} FROM vanban_documents d JOIN vanban_files f ON f.sha256 = d.sha256 LEFT JOIN vanban_citations c ON c.doc_sha = d.sha256
     WHERE d.id = ANY($1::text[]) ORDER BY f.path COLLATE "C", c.idx`,
    [reached],
  );
  const chainNodes = new Set<string>();
  for (const n of reached) for (let at: string = n, hop = next.get(at); hop; at = hop.node, hop = next.get(at)) chainNodes.add(at).add(hop.node);
  const labels = await nodeLabels(client, [...chainNodes]);
  const link = (node: string, relation: Relation | null): ChainLink => {
    const l = labels.get(node)!;
    return { node, id: l.id, key: l.key, label: l.label, relation };
  };
  const chained: CitingDocument[] = [];
  for (const { doc, rows: citations } of byFile(rows.rows)) {
    if (direct.has(doc.file_path)) continue;
    const step = next.get(doc.id)!;
    const chain: ChainLink[] = [link(doc.id, null)];
    for (let at: string = doc.id, hop = next.get(at); hop; at = hop.node, hop = next.get(at)) chain.push(link(hop.node, hop.relation));
    const spans = citations.filter((c) => c.idx !== null && c.node === step.node && c.status !== "self").map(spanOf);
    chained.push({ ...fileSummary(doc), direct: false, citations: spans, chain });
  }
  chained.sort((a, b) => a.chain!.length - b.chain!.length || a.path.localeCompare(b.path));
  return [...results, ...chained];
}

/** The citation graph, or the part within `depth` links of a document. */
export async function graphOf(client: pg.ClientBase, options: GraphOptions = {}): Promise<CitationGraph> {
  let keep: Set<string> | null = null;
  if (options.around !== undefined) {
    const match = await matchRef(client, options.around);
    keep = new Set([...match.ids, ...(await matchingReferences(client, match)).map((r) => r.key)]);
    let frontier = [...keep];
    for (let depth = 0; depth < (options.depth ?? 1) && frontier.length > 0; depth++) {
      const edges = await client.query<{ from_node: string; to_node: string }>(
        "SELECT from_node, to_node FROM vanban_edges WHERE to_node = ANY($1::text[]) UNION ALL SELECT from_node, to_node FROM vanban_edges WHERE from_node = ANY($1::text[])",
        [frontier],
      );
      const following: string[] = [];
      for (const e of edges.rows) {
        for (const other of [e.from_node, e.to_node]) {
          if (!keep.has(other)) {
            keep.add(other);
            following.push(other);
          }
        }
      }
      frontier = following;
    }
  }
  const only = keep ? [...keep] : null;
  const docs = await client.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM vanban_documents d ${only ? "WHERE d.id = ANY($1::text[])" : ""} ORDER BY d.first_path COLLATE "C"`,
    only ? [only] : [],
  );
  const nodes: GraphNode[] = docs.rows.map((d) => ({ id: d.id, kind: "document", label: documentLabel({ docType: docTypeOf(d), number: d.number, title: d.title, id: d.id }), key: d.key, path: d.first_path, title: d.title }));
  const refs = await client.query<{ key: string; label: string }>(`SELECT key, label FROM vanban_references ${only ? "WHERE key = ANY($1::text[])" : ""} ORDER BY key COLLATE "C"`, only ? [only] : []);
  for (const r of refs.rows) nodes.push({ id: r.key, kind: "reference", label: r.label, key: r.key, path: null, title: null });
  const edges = await client.query<{ from_node: string; to_node: string; relation: Relation; source: GraphEdge["source"]; stated_in: string | null }>(
    `SELECT from_node, to_node, relation, source, stated_in FROM vanban_edges ${only ? "WHERE to_node = ANY($1::text[]) AND from_node = ANY($1::text[])" : ""} ORDER BY ord`,
    only ? [only] : [],
  );
  return { nodes, edges: edges.rows.map((e) => ({ from: e.from_node, to: e.to_node, relation: e.relation, source: e.source, statedIn: e.stated_in })) };
}

// "Who cites X", answered over any source of citations: the citation graph held in memory
// (KnowledgeBase) or the on-disk cites index read a few blocks at a time (read-cites-index.ts).
// Both give the same answers because this one module decides them; a source only hands over the
// citations, edges and reference labels a question may need.
import { keyMatches, nameSlug, parseKey, queryKey, unpaddedSeq, type ReferenceQuery } from "../citations/canonical-key.js";
import { knownDocuments } from "../citations/known-documents.js";
import { parseReferenceQueries } from "../citations/parse-reference-query.js";
import { summarizeEntry, type ChainLink, type CitingDocument, type CitingSpan } from "./query-results.js";
import type { CatalogEntry, CitationStatus, Relation } from "./store-format.js";

/** Options of `citing`. */
export interface CitingOptions {
  /** also documents that cite it through other documents (each with its chain) */
  transitive?: boolean;
  /** the longest chain followed, in links (default 6) */
  maxDepth?: number;
}

/** A reference a user gave that names no document (`vanban cites "hello"`). */
export class ReferenceQueryError extends Error {
  constructor(readonly ref: string) {
    super(`cannot read "${ref}" as a reference to a document (try a number such as 29-NQ/TW, a type and number such as "Nghị quyết 29", or a record id)`);
    this.name = "ReferenceQueryError";
  }
}

/** What a reference given by a user matches: key queries and collection documents. */
export interface RefMatch {
  /** what it may stand for (several for a name several documents bear); empty for a record id */
  queries: ReferenceQuery[];
  ids: Set<string>;
}

/** One citation of a document as a question needs it: where it leads. */
export interface CitationPick {
  /** its index in the document's citations */
  index: number;
  status: CitationStatus;
  target: string | null;
}

/** A citation of a collection document (at catalog position `doc`) with what matching it needs. */
export interface CitationRow extends CitationPick {
  doc: number;
  key: string | null;
  candidates: readonly string[];
}

/** An edge into a node, with the citations of its source document that point at the node. */
export interface IncomingEdge {
  from: string;
  relation: Relation;
  /** the citations (not of itself) of the document `from` whose graph node is the edge's end; empty when `from` is no collection document */
  citations: readonly CitationPick[];
}

/** A cited document outside the collection, known by its key. */
export interface ReferenceLabel {
  key: string;
  label: string;
  /** its position among the graph's references: answers list them in this order */
  order: number;
}

/** Where the citations come from: each method may return more than asked (they are filtered here), never less. */
export interface CitationSource {
  /** every non-self citation that may cite what `match` asks for: by its key, its target or its candidates */
  citationsFor(match: RefMatch): Promise<readonly CitationRow[]>;
  /** the edges into a node, stated relations before bare citations */
  incoming(node: string): Promise<readonly IncomingEdge[]>;
  /** the references outside the collection whose keys may match */
  referencesFor(match: RefMatch): Promise<readonly ReferenceLabel[]>;
  /** the label of a reference outside the collection, by its exact key */
  referenceLabel(key: string): Promise<string | undefined>;
}

/** The collection a question is asked of: its catalog, the citation source, and how citing spans are read. */
export interface CitingContext {
  catalog: readonly CatalogEntry[];
  byId: ReadonlyMap<string, readonly number[]>;
  source: CitationSource;
  /** the citations of a document with their sentences (read from its record) */
  spans(entry: CatalogEntry, picks: readonly CitationPick[]): Promise<CitingSpan[]>;
}

/** A canonical key typed as such (`NQ:29:TW@2013`, `Luật:~giao-duc`): read as the key, not as a spelling. */
export const STRICT_KEY = /^[^\s:]+:(?:~[\p{L}\d-]+|[\d.]+:[A-Z0-9-]*)(?:@\d{4}(?:-\d{2}-\d{2})?)?$/u;

/** What a reference in any spelling (or a key, or a record id) matches in a collection; throws a `ReferenceQueryError` when it names nothing. */
export function matchReference(catalog: readonly CatalogEntry[], byId: ReadonlyMap<string, readonly number[]>, ref: string | ReferenceQuery): RefMatch {
  if (typeof ref !== "string") return { queries: [ref], ids: idsMatching(catalog, [ref]) };
  const text = ref.trim();
  if (byId.has(text)) return { queries: [], ids: new Set([text]) };
  const key = STRICT_KEY.test(text) ? parseKey(text) : null;
  const queries: ReferenceQuery[] = key
    ? [{ types: [key.type], number: key.number, issuer: key.issuer, name: key.name ? key.name.replace(/-/g, " ") : null, year: key.year, date: key.date }]
    : parseReferenceQueries(text);
  if (queries.length === 0) throw new ReferenceQueryError(text);
  return { queries, ids: idsMatching(catalog, queries) };
}

function idsMatching(catalog: readonly CatalogEntry[], queries: readonly ReferenceQuery[]): Set<string> {
  return new Set(catalog.filter((e) => queries.some((q) => keyMatches(q, e.key))).map((e) => e.id));
}

/** Whether a key is of a document a reference may stand for. */
export function matchesKey(match: RefMatch, key: string | null): boolean {
  return match.queries.some((q) => keyMatches(q, key));
}

/**
 * The part of a key every query that matches it shares: its number (`#29`) or its name slug
 * (`~giao-duc`); null for a key with neither. The cites index is sorted by it.
 */
export function keyBucket(key: string | null): string | null {
  const k = key === null ? null : parseKey(key);
  if (!k) return null;
  if (k.number !== null) return `#${k.number}`;
  return k.name !== null ? `~${k.name}` : null;
}

/** The bucket every key a query matches lies in (see `keyBucket`); null when the query names neither number nor name, so matches any. */
export function queryBucket(query: ReferenceQuery): string | null {
  if (query.number !== null) return `#${unpaddedSeq(query.number)}`;
  return query.name !== null ? `~${nameSlug(query.name)}` : null;
}

// Whether citation `row` cites what `match` asks for.
function citesMatch(row: CitationRow, match: RefMatch): boolean {
  if (row.status === "self") return false;
  if (row.target !== null && match.ids.has(row.target)) return true;
  // An ambiguous citation may be of the document; one in conflict is of it, with a wrong date.
  if ((row.status === "ambiguous" || row.status === "conflict") && row.candidates.some((c) => match.ids.has(c))) return true;
  return matchesKey(match, row.key);
}

/** How a collection document is named in lists and graphs: `Kế hoạch 253-KH/HU`, else its title, else its id. */
export function documentLabel(entry: Pick<CatalogEntry, "docType" | "number" | "title" | "id">): string {
  if (entry.docType && entry.number && /\d/.test(entry.number)) return `${entry.docType.name} ${entry.number.replace(/\s+/g, "")}`;
  if (entry.title) return entry.docType ? `${entry.docType.name}: ${entry.title}` : entry.title;
  return entry.id;
}

async function link(ctx: CitingContext, node: string, relation: Relation | null): Promise<ChainLink> {
  const at = ctx.byId.get(node);
  if (at) {
    const entry = ctx.catalog[at[0]!]!;
    return { node, id: node, key: entry.key, label: documentLabel(entry), relation };
  }
  return { node, id: null, key: node, label: (await ctx.source.referenceLabel(node)) ?? node, relation };
}

/** The references outside the collection a match names, in the graph's order. */
async function referencesMatching(ctx: CitingContext, match: RefMatch): Promise<ReferenceLabel[]> {
  const found = (await ctx.source.referencesFor(match)).filter((r) => matchesKey(match, r.key));
  return [...new Map(found.map((r) => [r.key, r])).values()].sort((a, b) => a.order - b.order);
}

/**
 * The documents that cite what a reference names, each with the citations that do; with
 * `transitive`, also those that cite it through other documents, each with its chain.
 */
export async function findCiting(ctx: CitingContext, ref: string | ReferenceQuery, options: CitingOptions = {}): Promise<CitingDocument[]> {
  const match = matchReference(ctx.catalog, ctx.byId, ref);
  const byDoc = new Map<number, Map<number, CitationRow>>();
  for (const row of await ctx.source.citationsFor(match)) {
    if (!citesMatch(row, match)) continue;
    let rows = byDoc.get(row.doc);
    if (!rows) byDoc.set(row.doc, (rows = new Map()));
    rows.set(row.index, row);
  }
  const results: CitingDocument[] = [];
  const direct = new Set<string>();
  for (const d of [...byDoc.keys()].sort((a, b) => a - b)) {
    const entry = ctx.catalog[d]!;
    const picks = [...byDoc.get(d)!.values()].sort((a, b) => a.index - b.index);
    direct.add(entry.path);
    results.push({ ...summarizeEntry(entry), direct: true, citations: await ctx.spans(entry, picks), chain: null });
  }
  if (!options.transitive) return results;

  // Walk the graph backwards from the documents asked for; the first time a node is reached is
  // along a shortest chain, and `next` remembers its step towards them.
  const targets = new Set<string>(match.ids);
  for (const r of await referencesMatching(ctx, match)) targets.add(r.key);
  const next = new Map<string, { node: string; relation: Relation; citations: readonly CitationPick[] }>();
  const seen = new Set<string>(targets);
  let frontier = [...targets];
  for (let depth = 0; depth < (options.maxDepth ?? 6) && frontier.length > 0; depth++) {
    const following: string[] = [];
    for (const node of frontier) {
      for (const edge of await ctx.source.incoming(node)) {
        if (seen.has(edge.from)) continue;
        seen.add(edge.from);
        next.set(edge.from, { node, relation: edge.relation, citations: edge.citations });
        following.push(edge.from);
      }
    }
    frontier = following;
  }
  const chained: CitingDocument[] = [];
  for (const entry of ctx.catalog) {
    const step = next.get(entry.id);
    if (!step || direct.has(entry.path)) continue;
    const chain: ChainLink[] = [await link(ctx, entry.id, null)];
    for (let at: string = entry.id, hop = next.get(at); hop; at = hop.node, hop = next.get(at)) chain.push(await link(ctx, hop.node, hop.relation));
    chained.push({ ...summarizeEntry(entry), direct: false, citations: await ctx.spans(entry, step.citations), chain });
  }
  chained.sort((a, b) => a.chain!.length - b.chain!.length || a.path.localeCompare(b.path));
  return [...results, ...chained];
}

/** What a reference names: the collection documents and the references outside it (see `KnowledgeBase.lookup`). */
export async function lookupReference(ctx: CitingContext, ref: string): Promise<{ documents: CatalogEntry[]; references: { key: string; label: string }[] }> {
  const match = matchReference(ctx.catalog, ctx.byId, ref);
  const documents = [...match.ids].flatMap((id) => (ctx.byId.get(id) ?? []).map((i) => ctx.catalog[i]!));
  const references = (await referencesMatching(ctx, match)).map(({ key, label }) => ({ key, label }));
  return { documents, references };
}

/** How a reference is named for a heading: the labels of what it matches, else the reference as given. */
export async function describeReference(ctx: CitingContext, ref: string): Promise<string> {
  const { documents, references } = await lookupReference(ctx, ref);
  const labels = [...new Set([...references.map((r) => r.label), ...documents.map((d) => (d.docType && d.number ? `${d.docType.name} ${d.number}` : d.id))])];
  return labels.length > 0 ? labels.join(", ") : ref;
}

/** The documents a reference stands for when it may stand for several, each with a key that asks for it alone; empty when it names one. */
export async function readingsOf(ctx: CitingContext, ref: string): Promise<{ key: string; label: string }[]> {
  const { queries } = matchReference(ctx.catalog, ctx.byId, ref);
  if (queries.length < 2) return [];
  const known = new Map(knownDocuments().map((d) => [d.key, `${d.docType.name} ${d.number}`]));
  const out: { key: string; label: string }[] = [];
  for (const q of queries) {
    const key = queryKey(q);
    if (key) out.push({ key, label: known.get(key) ?? (await ctx.source.referenceLabel(key)) ?? (q.name !== null ? `${q.types?.[0] ?? ""} ${q.name}`.trim() : key) });
  }
  return out;
}

// The embedded store as a `Collection`: a directory on disk (records, citation graph, search
// index) read and written by this process. Each question loads only what it needs — a search the
// catalog and the search index, never the grammars unless it reads a reference — and the
// collection is read again after every index run, so an answer always comes from one state.
import { compileCitesMatch } from "./compile-cites-match.js";
import { resolve } from "node:path";
import { foldText } from "../../grammars/text/fold.js";
import type { SearchIndex } from "../search/search-index.js";
import type { CitationGraph, CitingOptions, GraphOptions, KnowledgeBase } from "./knowledge-base.js";
import type { CitingContext } from "./citing-query.js";
import type { CitesIndex } from "./read-cites-index.js";
import type { IndexReport } from "./index-folder.js";
import type { DocumentAnswer, Facets, ListedDocument, Timeline } from "./collection-results.js";
import type { SearchResult } from "../search/search.js";
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
} from "./collection.js";

// How many search results a filter the search index does not know (a province, a level) or a
// facet count looks through.
const SEARCH_FILTER_DEPTH = 1000;

/** Options of `openCollection`. */
export interface OpenCollectionOptions {
  /** told what is worth telling while a question is answered: a search index rebuilt, a lock waited for */
  onMessage?: (message: string) => void;
}

/**
 * Opens the collection stored in the directory `dir` (the default store is `.vanban`). Nothing is
 * read until a question is asked; a question to a directory that holds no store yet throws a
 * `StoreError` ("missing"), and `index` creates it.
 * @example
 * import { openCollection } from "vanban";
 * const collection = await openCollection(".vanban");
 * await collection.index(["corpus"]);
 * const results = await collection.search("xã hội hóa giáo dục", { limit: 5 });
 * const { groups } = await collection.cites("Nghị quyết 29");
 * await collection.close();
 */
export async function openCollection(dir: string, options: OpenCollectionOptions = {}): Promise<Collection> {
  return new EmbeddedCollection(resolve(dir), options);
}

class EmbeddedCollection implements Collection {
  private kb: KnowledgeBase | null = null;
  private searchIndex: SearchIndex | null = null;
  private citesIndex: { index: CitesIndex; context: CitingContext; answers: (ref: string) => boolean } | null = null;
  // The listed documents (catalog with province, level, system), made once per store state.
  private listing: { documents: ListedDocument[]; byId: Map<string, ListedDocument> } | null = null;

  constructor(
    readonly location: string,
    private readonly options: OpenCollectionOptions,
  ) {}

  private async knowledgeBase(): Promise<KnowledgeBase> {
    if (!this.kb) {
      const { openStore } = await import("./open-store.js");
      this.kb = await openStore(this.location);
    }
    return this.kb;
  }

  // What the last index run replaced is read again on the next question.
  private forget(): void {
    this.kb = null;
    this.listing = null;
    this.searchIndex?.close();
    this.searchIndex = null;
    void this.citesIndex?.index.close().catch(() => undefined);
    this.citesIndex = null;
  }

  async index(paths: string | readonly string[], options: CollectionIndexOptions = {}): Promise<IndexReport> {
    const { indexFolder } = await import("./index-folder.js");
    try {
      return await indexFolder(paths, { onMessage: this.options.onMessage, ...options, store: this.location });
    } finally {
      this.forget();
    }
  }

  // The store's search index, brought up to date under the store's lock first when it is
  // missing, behind the records or damaged (a store written by an older vanban, a killed save).
  private async loadedSearchIndex(): Promise<SearchIndex> {
    if (this.searchIndex) return this.searchIndex;
    const { loadStoreSearchIndex } = await import("./open-search-index.js");
    let { loaded } = await loadStoreSearchIndex(this.location);
    if (loaded.status !== "ok") {
      if (loaded.status === "stale") loaded.index.close();
      if (loaded.status !== "missing") this.options.onMessage?.(`${loaded.message}; updating it`);
      const { updateStoreSearchIndex } = await import("./update-search-index.js");
      await updateStoreSearchIndex(this.location, { onMessage: this.options.onMessage });
      ({ loaded } = await loadStoreSearchIndex(this.location));
      if (loaded.status !== "ok") throw new Error(`the search index of ${this.location} cannot be used: ${loaded.message}`);
    }
    this.searchIndex = loaded.index;
    return loaded.index;
  }

  async search(query: string, options: CollectionSearchOptions = {}): Promise<SearchResult[]> {
    const { level, province, place } = options;
    if (level === undefined && province === undefined && place === undefined) return this.searchIndexed(query, options);
    // Places in any spelling, provinces and levels are the list's filters: the search's first
    // results (at least 1,000) narrowed by them.
    const { compileListFilter } = await import("./list-documents.js");
    const keep = compileListFilter({ level, province, place });
    const { byId } = await this.listed();
    const limit = options.limit ?? 20;
    const found = await this.searchIndexed(query, { ...options, level: undefined, province: undefined, place: undefined, limit: Math.max(SEARCH_FILTER_DEPTH, limit) });
    return found.filter((r) => { const doc = byId.get(r.id); return doc !== undefined && keep(doc); }).slice(0, limit);
  }

  private async searchIndexed(query: string, options: CollectionSearchOptions): Promise<SearchResult[]> {
    const { cites, level: _level, province: _province, ...filters } = options;
    const citesMatch = cites === undefined ? undefined : await compileCitesMatch(cites);
    const [{ search }, { ShardReadError }] = await Promise.all([import("../search/search.js"), import("../search/shard-file-format.js")]);
    const ask = async () => search(await this.loadedSearchIndex(), query, { ...filters, ...(citesMatch ? { citesMatch } : {}) });
    try {
      return await ask();
    } catch (error) {
      // A saved index is checked part by part as queries read it: a damaged part is met here,
      // and the index is rebuilt (the update verifies every file in full) and asked again.
      if (!(error instanceof ShardReadError)) throw error;
      this.options.onMessage?.(`the search index of ${this.location} is damaged: ${error.message}; rebuilding it`);
      this.searchIndex?.close();
      this.searchIndex = null;
      const { updateStoreSearchIndex } = await import("./update-search-index.js");
      await updateStoreSearchIndex(this.location, { onMessage: this.options.onMessage });
      return await ask();
    }
  }

  // The catalog's documents as lists show them, read once per store state.
  private async listed(): Promise<{ documents: ListedDocument[]; byId: Map<string, ListedDocument> }> {
    if (!this.listing) {
      const [{ readCatalog }, { listCatalog }] = await Promise.all([import("./read-store.js"), import("./list-documents.js")]);
      const documents = listCatalog((await readCatalog(this.location)).catalog);
      this.listing = { documents, byId: new Map(documents.map((d) => [d.id, d])) };
    }
    return this.listing;
  }

  async list(filters: ListFilters = {}): Promise<ListedDocument[]> {
    const { cites, ...rest } = filters;
    const [{ compileListFilter }, { documents }] = await Promise.all([import("./list-documents.js"), this.listed()]);
    const citing = cites === undefined ? null : await this.directlyCiting(cites);
    const keep = compileListFilter(rest, citing);
    return documents.filter(keep);
  }

  // The ids of the documents that cite a reference directly, whichever document it stands for.
  private async directlyCiting(ref: string): Promise<Set<string>> {
    const answer = await this.cites(ref);
    return new Set(answer.groups.flatMap((g) => g.documents.map((d) => d.id)));
  }

  async facets(filters: ListFilters = {}, query?: string): Promise<Facets> {
    const { countFacets } = await import("./count-facets.js");
    if (query === undefined || query.trim() === "") return countFacets(await this.list(filters));
    const { cites, ...rest } = filters;
    const [{ compileListFilter }, { byId }] = await Promise.all([import("./list-documents.js"), this.listed()]);
    const keep = compileListFilter(rest);
    const found = await this.searchIndexed(query, { ...(cites !== undefined ? { cites } : {}), limit: SEARCH_FILTER_DEPTH });
    return countFacets(found.flatMap((r) => { const doc = byId.get(r.id); return doc && keep(doc) ? [doc] : []; }));
  }

  async document(idOrPath: string): Promise<DocumentAnswer> {
    const kb = await this.knowledgeBase();
    const entry = kb.find(idOrPath)[0];
    if (!entry) throw new DocumentNotFoundError(idOrPath, `no such document in ${this.location}`);
    const { byId } = await this.listed();
    return { document: byId.get(entry.id)!, record: await kb.record(entry) };
  }

  async timeline(ref: string, options: TimelineOptions = {}): Promise<Timeline> {
    const [answer, { byId }, { buildTimeline }] = await Promise.all([this.cites(ref, { transitive: options.transitive ?? false }), this.listed(), import("./citing-timeline.js")]);
    const ids = new Set(answer.groups.flatMap((g) => g.documents.map((d) => d.id)));
    return buildTimeline(answer.target, [...ids].flatMap((id) => byId.get(id) ?? []), options);
  }

  async cites(ref: string, options: CitesOptions = {}): Promise<CitesAnswer> {
    const { transitive, maxDepth, ...filters } = options;
    const answer = await this.citesUnfiltered(ref, { ...(transitive !== undefined ? { transitive } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}) });
    if (Object.values(filters).every((v) => v === undefined)) return answer;
    const [{ compileListFilter }, { byId }] = await Promise.all([import("./list-documents.js"), this.listed()]);
    const keep = compileListFilter(filters);
    return { ...answer, groups: answer.groups.map((g) => ({ ...g, documents: g.documents.filter((d) => { const doc = byId.get(d.id); return doc !== undefined && keep(doc); }) })) };
  }

  private async citesUnfiltered(ref: string, options: CitingOptions): Promise<CitesAnswer> {
    // Answered from the on-disk cites index unless the graph is loaded already, or the reference
    // reads as something the index has no lookup key for (a type with neither number nor name).
    const indexed = this.kb ? null : await this.indexedCiting();
    if (indexed && indexed.answers(ref)) {
      const { findCiting, readingsOf, describeReference } = await import("./citing-query.js");
      const readings = await readingsOf(indexed.context, ref);
      if (readings.length > 1) {
        const groups = [];
        for (const reading of readings) groups.push({ key: reading.key, label: reading.label, documents: await findCiting(indexed.context, reading.key, options) });
        return { target: ref, groups };
      }
      const target = await describeReference(indexed.context, ref);
      return { target, groups: [{ key: null, label: target, documents: await findCiting(indexed.context, ref, options) }] };
    }
    const kb = await this.knowledgeBase();
    const readings = kb.readings(ref);
    if (readings.length > 1) {
      const groups = [];
      for (const reading of readings) groups.push({ key: reading.key, label: reading.label, documents: await kb.citing(reading.key, options) });
      return { target: ref, groups };
    }
    const target = kb.describe(ref);
    return { target, groups: [{ key: null, label: target, documents: await kb.citing(ref, options) }] };
  }

  // The catalog and the cites index, opened on the first citing question.
  private async indexedCiting(): Promise<{ context: CitingContext; answers: (ref: string) => boolean }> {
    if (!this.citesIndex) {
      const [{ readCatalogAndChunks }, { CitesIndex, indexedCitingContext, indexAnswers }] = await Promise.all([import("./read-store.js"), import("./read-cites-index.js")]);
      // The chunks are checked as opening the whole store checks them: a damaged store is never used.
      const store = await readCatalogAndChunks(this.location);
      const index = await CitesIndex.open(store);
      const context = indexedCitingContext(store, index);
      this.citesIndex = { index, context, answers: (ref) => indexAnswers(context, index, ref) };
    }
    return this.citesIndex;
  }

  async refs(idOrPath: string): Promise<RefsAnswer> {
    const kb = await this.knowledgeBase();
    const entry = kb.find(idOrPath)[0];
    if (entry) return { document: { id: entry.id, path: entry.path, title: entry.title }, inCollection: true, references: await kb.references(entry.path) };
    // A file outside the collection: read as any document is, and resolved against the collection.
    const [{ readDocumentFile }, { parseDocumentAsync }] = await Promise.all([import("../input/read-document-file.js"), import("../document/parse-document.js")]);
    const file = resolve(idOrPath);
    const read = readDocumentFile(file, { acceptPdf: true });
    if ("problem" in read) throw new DocumentNotFoundError(idOrPath, `no such document in ${this.location} and ${read.problem === "no such file or directory" ? "no such file" : `the file cannot be read: ${read.problem}`}`);
    const { record, text } = await parseDocumentAsync(read.bytes, { path: file });
    return { document: { id: record.id, path: file, title: record.title }, inCollection: false, references: kb.referencesOf(record, text) };
  }

  async graph(options: GraphOptions = {}): Promise<CitationGraph> {
    return (await this.knowledgeBase()).graph(options);
  }

  async stats(): Promise<CollectionStats> {
    const [kb, { documents }, { countValues }, { mostCited }] = await Promise.all([this.knowledgeBase(), this.listed(), import("./count-facets.js"), import("./most-cited.js")]);
    const { manifest } = kb;
    return {
      documents: documents.length,
      files: kb.documents().length,
      generation: manifest.generation,
      createdAt: manifest.createdAt,
      roots: manifest.roots,
      byType: countValues(documents, (d) => d.docType?.name ?? null),
      byIssuer: countValues(documents, (d) => d.issuer).slice(0, 50),
      byYear: countValues(documents, (d) => d.date?.slice(0, 4) ?? null),
      mostCited: mostCited(kb.graph(), 20),
    };
  }

  async close(): Promise<void> {
    this.forget();
  }
}

// The embedded store as a `Collection`: a directory on disk (records, citation graph, search
// index) read and written by this process. Each question loads only what it needs — a search the
// catalog and the search index, never the grammars unless it reads a reference — and the
// collection is read again after every index run, so an answer always comes from one state.
import { resolve } from "node:path";
import { foldText } from "../../grammars/text/fold.js";
import type { SearchIndex } from "../search/search-index.js";
import type { CitationGraph, CitingOptions, GraphOptions, KnowledgeBase } from "./knowledge-base.js";
import type { IndexReport } from "./index-folder.js";
import type { DocumentSummary } from "./query-results.js";
import type { SearchResult } from "../search/search.js";
import {
  DocumentNotFoundError,
  type CitesAnswer,
  type Collection,
  type CollectionIndexOptions,
  type CollectionSearchOptions,
  type CollectionStats,
  type ListFilters,
  type RefsAnswer,
} from "./collection.js";

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
    this.searchIndex?.close();
    this.searchIndex = null;
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
    const { cites, ...filters } = options;
    let citesMatch: ((key: string) => boolean) | undefined;
    if (cites !== undefined) {
      // The reference grammar is loaded only when a reference is to be read.
      const [{ parseReferenceQueries }, { keyMatches }, { ReferenceQueryError }] = await Promise.all([
        import("../citations/parse-reference-query.js"),
        import("../citations/canonical-key.js"),
        import("./knowledge-base.js"),
      ]);
      const queries = parseReferenceQueries(cites);
      if (queries.length === 0) throw new ReferenceQueryError(cites);
      citesMatch = (key) => queries.some((q) => keyMatches(q, key));
    }
    const [index, { search }] = await Promise.all([this.loadedSearchIndex(), import("../search/search.js")]);
    return search(index, query, { ...filters, ...(citesMatch ? { citesMatch } : {}) });
  }

  async list(filters: ListFilters = {}): Promise<DocumentSummary[]> {
    const [{ readCatalog }, { distinctDocuments }, { summarizeEntry }] = await Promise.all([import("./read-store.js"), import("./document-identity.js"), import("./query-results.js")]);
    const { catalog } = await readCatalog(this.location);
    const type = filters.type?.toLowerCase();
    const issuerWords = filters.issuer ? foldText(filters.issuer).split(/\s+/).filter(Boolean) : [];
    return distinctDocuments(catalog)
      .filter((entry) => {
        if (type && entry.docType?.code.toLowerCase() !== type && entry.docType?.name.toLowerCase() !== type) return false;
        if (issuerWords.length > 0) {
          const name = ` ${foldText(entry.issuer?.name ?? "")} `;
          if (!issuerWords.every((w) => name.includes(` ${w} `))) return false;
        }
        const year = entry.date?.iso ? Number(entry.date.iso.slice(0, 4)) : null;
        if ((filters.yearFrom !== undefined || filters.yearTo !== undefined) && year === null) return false;
        if (filters.yearFrom !== undefined && year! < filters.yearFrom) return false;
        if (filters.yearTo !== undefined && year! > filters.yearTo) return false;
        return true;
      })
      .map(summarizeEntry);
  }

  async cites(ref: string, options: CitingOptions = {}): Promise<CitesAnswer> {
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
    const [{ readCatalog }, { distinctDocuments }] = await Promise.all([import("./read-store.js"), import("./document-identity.js")]);
    const { manifest, catalog } = await readCatalog(this.location);
    return { documents: distinctDocuments(catalog).length, files: catalog.length, generation: manifest.generation, createdAt: manifest.createdAt, roots: manifest.roots };
  }

  async close(): Promise<void> {
    this.forget();
  }
}

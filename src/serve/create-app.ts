// The web application of `vanban serve`: a read-only JSON API over a Collection and the one page
// that uses it (web/: plain HTML, CSS and ES modules, Cytoscape.js served from node_modules). Every
// answer carries a strict Content-Security-Policy (scripts from this server only, no inline script
// or style attribute, no framing), and a request whose Host is not this machine's loopback name
// is refused, so that a web page elsewhere cannot reach the server by DNS rebinding.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono, type Context } from "hono";
import { DocumentNotFoundError, type Collection } from "../kb/collection.js";
import type { ListedDocument } from "../kb/collection-results.js";
import type { SearchResult } from "../search/search.js";
import { citesTable, listTable, refsTable } from "../export/result-tables.js";
import { toCsv, toSpreadsheetXml, type Table } from "../export/write-csv.js";
import { BadRequestError, filtersOf, formatOf, intParam } from "./query-params.js";

/** Options of `createApp`. */
export interface AppOptions {
  /** the folder of the page's files (index.html, app.js, style.css) */
  webDir: string;
  /** host names requests may be addressed to (default: 127.0.0.1, localhost, [::1]) */
  allowedHosts?: readonly string[];
}

/** The Content-Security-Policy of every answer. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// How many search results a query with facets looks through (the collection's own depth).
const SEARCH_DEPTH = 1000;

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/views.js": { file: "views.js", type: "text/javascript; charset=utf-8" },
  "/dom.js": { file: "dom.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};

/** One row of the list the page shows: a listed document, and for a search its score and passage. */
export type ListRow = ListedDocument & { score?: number; snippet?: SearchResult["snippet"] };

/** The web application over `collection`. */
export function createApp(collection: Collection, options: AppOptions): Hono {
  const app = new Hono();
  const allowedHosts = new Set(options.allowedHosts ?? ["127.0.0.1", "localhost", "[::1]"]);

  app.use("*", async (c, next) => {
    const host = (c.req.header("host") ?? "").replace(/:\d+$/, "");
    if (!allowedHosts.has(host)) return c.text("this server answers only requests addressed to this machine (127.0.0.1)", 421);
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return c.text("read-only: only GET", 405);
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });

  app.onError((error, c) => {
    if (error instanceof BadRequestError || error.name === "ListFilterError" || error.name === "ReferenceQueryError") return c.json({ error: error.message }, 400);
    if (error instanceof DocumentNotFoundError) return c.json({ error: `no document ${error.wanted} in the collection` }, 404);
    return c.json({ error: "internal error" }, 500);
  });

  // A list as JSON, or as a CSV or spreadsheet file to download.
  const send = (c: Context, format: ReturnType<typeof formatOf>, name: string, table: () => Table, json: () => unknown) => {
    if (format === "csv") return c.body(toCsv(table()), 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` });
    if (format === "excel") return c.body(toSpreadsheetXml(table()), 200, { "Content-Type": "application/vnd.ms-excel; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.xml"` });
    return c.json(json());
  };

  // The documents: a search (q) or a list, with filters, facets and a page of rows.
  app.get("/api/documents", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const filters = filtersOf(params);
    const query = params.get("q")?.trim() ?? "";
    const format = formatOf(params);
    const offset = intParam(params, "offset", 0, 0, 10_000_000);
    const limit = intParam(params, "limit", 50, 1, 1000);
    // facets=0: the page of results alone, without the facet counts that need the first 1,000.
    const withFacets = params.get("facets") !== "0";
    let rows: ListRow[];
    if (query) {
      const { cites, ...rest } = filters;
      const depth = withFacets || format !== "json" ? SEARCH_DEPTH : offset + limit;
      // The search applies every filter; the list (unfiltered) gives each result its list fields.
      const [found, listed] = await Promise.all([collection.search(query, { ...rest, ...(cites ? { cites } : {}), limit: depth }), collection.list()]);
      const byId = new Map(listed.map((d) => [d.id, d]));
      rows = found.flatMap((r) => {
        const doc = byId.get(r.id);
        return doc ? [{ ...doc, score: r.score, snippet: r.snippet }] : [];
      });
    } else rows = await collection.list(filters);
    const { countFacets } = await import("../kb/count-facets.js");
    return send(c, format, query ? "search" : "documents", () => listTable(rows), () => ({ query, total: rows.length, offset, documents: rows.slice(offset, offset + limit), facets: withFacets ? countFacets(rows) : null }));
  });

  app.get("/api/documents/:id", async (c) => c.json(await collection.document(c.req.param("id"))));

  app.get("/api/documents/:id/refs", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const answer = await collection.refs(c.req.param("id"));
    if (!answer.inCollection) throw new DocumentNotFoundError(c.req.param("id"), "not in the collection");
    return send(c, formatOf(params), "references", () => refsTable(answer.references), () => answer);
  });

  app.get("/api/cites", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const ref = params.get("ref")?.trim();
    if (!ref) throw new BadRequestError("ref is required: a document in any spelling");
    const { cites: _cites, ...filters } = filtersOf(params);
    const answer = await collection.cites(ref, { transitive: params.get("transitive") === "1", ...filters });
    return send(c, formatOf(params), "cited-by", () => citesTable(answer), () => answer);
  });

  app.get("/api/graph", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const around = params.get("around")?.trim();
    if (!around) throw new BadRequestError("around is required: the graph is drawn around one document");
    return c.json(await collection.graph({ around, depth: intParam(params, "depth", 1, 1, 4) }));
  });

  app.get("/api/timeline", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const ref = params.get("ref")?.trim();
    if (!ref) throw new BadRequestError("ref is required: the timeline of the documents citing one");
    const by = params.get("by") ?? "year";
    const split = params.get("split") || null;
    if (by !== "year" && by !== "month") throw new BadRequestError(`by is year or month, not '${by}'`);
    if (split !== null && split !== "province" && split !== "level") throw new BadRequestError(`split is province or level, not '${split}'`);
    return c.json(await collection.timeline(ref, { by, split, transitive: params.get("transitive") === "1" }));
  });

  app.get("/api/stats", async (c) => c.json(await collection.stats()));

  // Cytoscape.js as its package ships it, so the page needs no bundler and no other host.
  const require = createRequire(import.meta.url);
  // (The package exports no package.json: its CommonJS entry is found, beside the ES module.)
  const cytoscape = join(dirname(require.resolve("cytoscape")), "cytoscape.esm.min.mjs");
  app.get("/vendor/cytoscape.mjs", async (c) => c.body(await readFile(cytoscape), 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "max-age=86400" }));

  for (const [path, { file, type }] of Object.entries(STATIC_FILES)) {
    app.get(path, async (c) => c.body(await readFile(join(options.webDir, file)), 200, { "Content-Type": type, "Cache-Control": "no-cache" }));
  }
  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ error: `no such address: ${c.req.path}` }, 404) : c.text("not found", 404)));
  return app;
}

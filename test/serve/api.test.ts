// The JSON API of `vanban serve` against a real server on an ephemeral port, over a store built
// from the shipped corpus.
import { spawn } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/serve/create-app.js";
import { Facets, ListedDocument, Timeline } from "../../src/kb/index.js";
import { serveCorpus, type ServedStore } from "./serve-fixture.js";

let served: ServedStore;
beforeAll(async () => {
  served = await serveCorpus();
}, 60_000);
afterAll(async () => served?.close());

const get = async (path: string) => {
  const response = await fetch(new URL(path, served.server.url));
  // Decoded by hand: Response.text() drops a byte-order mark, which the CSV must keep.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
};
const json = async <T = any>(path: string): Promise<T> => {
  const r = await get(path);
  expect(r.status, r.text).toBe(200);
  return JSON.parse(r.text) as T;
};

describe("the API", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(served.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("lists every document with no query, with facets, a page at a time", async () => {
    const all = await json("/api/documents");
    expect(all.total).toBe(5);
    for (const d of all.documents) ListedDocument.parse(d);
    expect(Facets.parse(all.facets).type.find((f: { value: string }) => f.value === "Kế hoạch")?.count).toBe(4);
    const page = await json("/api/documents?limit=2&offset=4");
    expect(page.documents).toHaveLength(1);
  });

  it("searches with or without diacritics, narrowed by the filters, facets counted over the matches", async () => {
    const withMarks = await json(`/api/documents?q=${encodeURIComponent("giáo dục")}`);
    const without = await json("/api/documents?q=giao+duc");
    expect(without.total).toBe(withMarks.total);
    expect(withMarks.documents[0].snippet.highlights.length).toBeGreaterThan(0);
    const narrowed = await json(`/api/documents?q=giao+duc&level=${encodeURIComponent("tỉnh")}`);
    expect(narrowed.documents.map((d: { level: string }) => d.level)).toEqual(narrowed.documents.map(() => "tỉnh"));
    expect(narrowed.facets.total).toBe(narrowed.total);
    const citing = await json(`/api/documents?cites=${encodeURIComponent("Nghị quyết 29")}`);
    expect(citing.total).toBe(3);
  });

  it("answers a document whole, its references, who cites it, the graph around it, a timeline and statistics", async () => {
    const { documents } = await json("/api/documents?type=TB");
    const id = documents[0].id as string;
    const doc = await json(`/api/documents/${encodeURIComponent(id)}`);
    expect(doc.record.id).toBe(id);
    expect(doc.document.level).toBe("huyện");
    const refs = await json(`/api/documents/${encodeURIComponent(id)}/refs`);
    expect(refs.references.length).toBeGreaterThan(0);
    const cites = await json(`/api/cites?ref=${encodeURIComponent("Nghị quyết 29")}&transitive=1`);
    expect(cites.groups[0].documents.length).toBeGreaterThanOrEqual(3);
    const graph = await json("/api/graph?around=29-NQ/TW&depth=2");
    expect(graph.nodes.some((n: { kind: string }) => n.kind === "document")).toBe(true);
    const timeline = Timeline.parse(await json(`/api/timeline?ref=29-NQ/TW&split=level`));
    expect(timeline.series.length).toBeGreaterThan(0);
    const stats = await json("/api/stats");
    expect(stats.documents).toBe(5);
    expect(stats.mostCited.length).toBeGreaterThan(0);
  });

  it("exports any list as CSV (UTF-8 with BOM) and as an Excel spreadsheet", async () => {
    const csv = await get(`/api/documents?q=giao+duc&format=csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="search.csv"');
    expect(csv.text.startsWith("\uFEFFid,type,number,date,issuer,title,path,")).toBe(true);
    const cited = await get(`/api/cites?ref=29-NQ/TW&format=csv`);
    expect(cited.text.split("\r\n")[0]).toBe("\uFEFFcited,id,type,number,date,issuer,title,path,direct,via,context,sentence");
    const excel = await get(`/api/documents?format=excel`);
    expect(excel.headers.get("content-type")).toBe("application/vnd.ms-excel; charset=utf-8");
    expect(excel.text).toContain("<Workbook");
  });

  it("says what is wrong with a request: 400 for a bad filter, 404 for no such document or address", async () => {
    expect((await get("/api/documents?level=county")).status).toBe(400);
    expect((await get("/api/documents?year=20x")).status).toBe(400);
    expect((await get("/api/cites?ref=xin+ch%C3%A0o")).status).toBe(400);
    expect((await get("/api/cites")).status).toBe(400);
    expect((await get("/api/documents/no-such-document")).status).toBe(404);
    expect((await get("/api/nothing")).status).toBe(404);
  });

  it("serves the page and Cytoscape.js under a strict Content-Security-Policy, and nothing but GET", async () => {
    const page = await get("/?q=giao+duc");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)|\son\w+=/);
    expect((await get("/vendor/cytoscape.mjs")).status).toBe(200);
    const post = await fetch(new URL("/api/stats", served.server.url), { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("refuses a request addressed to another host name (DNS rebinding)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: served.server.port, path: "/api/stats", headers: { Host: "attacker.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe("vanban serve", () => {
  it("prints its address on 127.0.0.1 and answers there until stopped", async () => {
    const tsx = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).pathname;
    const main = new URL("../../src/cli/main.ts", import.meta.url).pathname;
    const store = `${served.collection.location}`;
    const child = spawn(process.execPath, ["--import", tsx, main, "serve", "--store", store, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const stats = (await (await fetch(new URL("/api/stats", url))).json()) as { documents: number };
      expect(stats.documents).toBe(5);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});

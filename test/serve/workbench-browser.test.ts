// The workbench page in a real headless browser: Playwright (playwright-core) driving Debian's
// chromium package (Playwright's own browser download cannot be fetched here). Searches, narrows
// by a facet, opens a document, sees its citations highlighted and follows one, shows the graph
// and the timeline, exports CSV, and opens a hostile document whose fields carry HTML and script
// that must show as text and never run. A screenshot of each view is saved in .screenshots/.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { serveCorpus, type ServedStore } from "./serve-fixture.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!CHROMIUM) console.warn("workbench browser test skipped: no chromium (apt-get install -y chromium)");
const screenshots = new URL("../../.screenshots/", import.meta.url).pathname;

describe.skipIf(!CHROMIUM)("the workbench page in chromium", () => {
  let served: ServedStore;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serveCorpus({ hostile: true, linked: true });
    const { chromium } = await import("playwright-core");
    // --no-sandbox: the tests run as root in CI, where chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const open = async (path: string) => {
    await page.goto(new URL(path, served.server.url).href);
    await page.waitForSelector("main[data-ready]");
  };
  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });

  it("searches without diacritics, shows facets with counts, and narrows by one", async () => {
    const started = Date.now();
    await open("/");
    const firstRender = Date.now() - started;
    expect(await page.locator("article.result").count()).toBe(15);
    await page.fill("#q", "giao duc");
    await page.press("#q", "Enter");
    await page.waitForURL(/\?q=giao\+duc/);
    await page.waitForSelector("main[data-ready]");
    expect(await page.locator("h1").textContent()).toMatch(/văn bản khớp “giao duc”/);
    expect(await page.locator("mark").count()).toBeGreaterThan(0);
    const level = page.locator('[data-facet="level"] a[data-value="tỉnh"]');
    await level.click();
    await page.waitForURL(/level=/);
    await page.waitForSelector("main[data-ready]");
    const metas = await page.locator("article.result .meta").allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m).toContain("tỉnh");
    await shot("search");
    console.log(`first render of the list on the shipped corpus: ${firstRender} ms`);
  });

  it("exports the list as CSV, UTF-8 with a byte-order mark", async () => {
    await open("/?q=giao+duc");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("id,type,number,date,issuer,title,path");
  });

  it("opens a document, shows its citations highlighted and linked, follows one, and shows who cites", async () => {
    await open("/?cites=253-KH/HU");
    await page.locator("article.result a.title").first().click();
    await page.waitForSelector("main[data-ready]");
    await expect.poll(() => page.locator("dl.fields").count()).toBe(1);
    expect(await page.locator(".cite.not-in-collection").count()).toBeGreaterThan(0);
    const link = page.locator("a.cite.in-collection").first();
    expect(await link.count()).toBe(1);
    await shot("document");
    await link.click();
    await page.waitForURL(/\?doc=/);
    await page.waitForSelector("main[data-ready]");
    expect(await page.locator("#cited-by li").count()).toBeGreaterThan(0);
  });

  it("draws the citation graph around a document, and changes its depth", async () => {
    await open("/?graph=29-NQ%2FTW");
    await page.waitForSelector("#graph[data-nodes]");
    const nodes = Number(await page.locator("#graph").getAttribute("data-nodes"));
    expect(nodes).toBeGreaterThan(1);
    expect(await page.locator("#graph canvas").count()).toBeGreaterThan(0);
    await shot("graph");
    await page.click('a[data-depth="2"]');
    await page.waitForSelector("#graph[data-nodes]");
    expect(Number(await page.locator("#graph").getAttribute("data-nodes"))).toBeGreaterThanOrEqual(nodes);
  });

  it("draws the timeline of the documents citing one, split by level", async () => {
    await open("/?timeline=29-NQ%2FTW&split=level&transitive=1");
    expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(0);
    expect(await page.locator("table.numbers tbody tr").count()).toBeGreaterThan(0);
    await shot("timeline");
  });

  it("shows the collection's statistics", async () => {
    await open("/?stats=1");
    expect(await page.locator(".stat").count()).toBe(4);
    expect(await page.locator(".stats-view").textContent()).toContain("Nghị quyết 29-NQ/TW");
    await shot("stats");
  });

  it("shows a hostile document's markup as text and runs none of its script", async () => {
    await open(`/?q=${encodeURIComponent("thử nghiệm")}`);
    const title = page.locator("article.result a.title").first();
    expect(await title.textContent()).toContain("<script>");
    await title.click();
    await page.waitForURL(/\?doc=/);
    await page.waitForSelector("main[data-ready]");
    const text = (await page.locator("article.document").textContent())!;
    expect(text).toContain("<script>window.pwned=1</script>");
    expect(text).toContain('onerror="window.pwned=1"');
    expect(text).toContain('<svg onload="window.pwned=1">');
    expect(await page.locator("article.document script, article.document img, article.document iframe, article.document svg[onload]").count()).toBe(0);
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await shot("hostile");
  });

  it("ran without a page error, a console error or a Content-Security-Policy violation", () => {
    expect(problems).toEqual([]);
  });
});

import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitingDocument, DocumentReference, indexFolder, openStore, ReferenceQueryError, type KnowledgeBase } from "../../src/kb/index.js";

// The fixture collection (see fixtures/collection/README.md): a commune plan citing only Kết luận
// 91-KL/TW, a Huyện ủy plan implementing it, a plan citing that plan, and two 158/KH-UBND.
const scratch = mkdtempSync(join(tmpdir(), "vanban-kb-queries-"));
const folder = join(scratch, "docs");
let kb: KnowledgeBase;
beforeAll(async () => {
  cpSync(new URL("./fixtures/collection/", import.meta.url).pathname, folder, { recursive: true });
  await indexFolder(folder, { store: join(scratch, "store"), jobs: 1 });
  kb = await openStore(join(scratch, "store"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (doc: { path: string }) => doc.path.slice(folder.length + 1);

describe("who cites a document", () => {
  it("directly: none of the fixtures cites Nghị quyết 29 itself", async () => {
    expect(await kb.citing("29-NQ/TW")).toEqual([]);
  });

  it("through other documents, each with its chain — including a plan that cites only Kết luận 91-KL/TW", async () => {
    const found = await kb.citing("29-NQ/TW", { transitive: true });
    for (const doc of found) CitingDocument.parse(doc);
    const chains = Object.fromEntries(found.map((d) => [file(d), d.chain!.map((l) => `${l.relation ?? "·"} ${l.label}`).join(" → ")]));
    expect(chains).toEqual({
      "xa-binh-hoa-kh-45-2024.txt": "· Kế hoạch 45/KH-UBND → cites Kết luận 91-KL/TW → continues Nghị quyết 29-NQ/TW",
      "huyen-uy-binh-son-kh-253-2024.txt": "· Kế hoạch 253-KH/HU → implements Kết luận 91-KL/TW → continues Nghị quyết 29-NQ/TW",
      "xa-binh-chanh-kh-12-2025.txt": "· Kế hoạch 12/KH-UBND → cites Kế hoạch 253-KH/HU → implements Kết luận 91-KL/TW → continues Nghị quyết 29-NQ/TW",
    });
    expect(found.every((d) => !d.direct)).toBe(true);
    // The spans shown are those citing the chain's next link, with their sentence.
    const commune = found.find((d) => file(d) === "xa-binh-hoa-kh-45-2024.txt")!;
    expect(commune.citations.map((c) => [c.raw, c.sentence, c.context])).toEqual([["Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị", "Căn cứ Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị;", "basis"]]);
    expect(found.find((d) => file(d) === "xa-binh-chanh-kh-12-2025.txt")!.chain![1]).toMatchObject({ id: "253-KH-HU-2024-11-20", key: "KH:253:HU@2024-11-20" });
  });

  it("stops at the depth asked for", async () => {
    const short = await kb.citing("29-NQ/TW", { transitive: true, maxDepth: 2 });
    expect(short.map(file).sort()).toEqual(["huyen-uy-binh-son-kh-253-2024.txt", "xa-binh-hoa-kh-45-2024.txt"]);
  });

  it("a collection document by any spelling of its number, or by its record id", async () => {
    for (const ref of ["253-KH/HU", "Kế hoạch 253-KH/HU", "ke hoach so 253/KH-HU", "253-KH-HU-2024-11-20"]) {
      const found = await kb.citing(ref);
      expect(found.map(file), ref).toEqual(["xa-binh-chanh-kh-12-2025.txt"]);
      expect(found[0]!.citations[0]).toMatchObject({ status: "resolved", target: "253-KH-HU-2024-11-20", context: "basis" });
    }
  });

  it("tells apart documents sharing a symbol: each 158/KH-UBND is cited by its own documents; an undated citation may be either", async () => {
    const district = await kb.citedBy("158-KH-UBND-2019-07-29");
    expect(district.map((d) => [file(d), d.citations.map((c) => c.status)])).toEqual([
      ["phong-gddt-binh-son-cv-45-2019.txt", ["resolved"]],
      ["truong-thcs-tb-12-2020.txt", ["ambiguous"]],
    ]);
    const province = await kb.citedBy("158-KH-UBND-2019-12-16");
    expect(province.map((d) => [file(d), d.citations.map((c) => c.status)])).toEqual([
      ["so-gddt-cv-201-2020.txt", ["resolved", "resolved"]],
      ["so-tai-chinh-cv-77-2020.txt", ["conflict"]],
      ["truong-thcs-tb-12-2020.txt", ["ambiguous"]],
    ]);
  });

  it("refuses a reference that names no document", async () => {
    await expect(kb.citing("xin chào")).rejects.toBeInstanceOf(ReferenceQueryError);
  });
});

describe("what a document cites", () => {
  it("each citation with its status, where it leads, or why not", async () => {
    const statuses = async (name: string) => {
      const refs = await kb.references(join(folder, name));
      for (const ref of refs) DocumentReference.parse(ref);
      return refs.map((r) => [r.status, r.resolvedTo?.id ?? r.candidates.join(" | ")]);
    };
    expect(await statuses("so-gddt-cv-201-2020.txt")).toEqual([
      ["resolved", "158-KH-UBND-2019-12-16"],
      ["resolved", "158-KH-UBND-2019-12-16"],
    ]);
    expect(await statuses("phong-gddt-binh-son-cv-45-2019.txt")).toEqual([["resolved", "158-KH-UBND-2019-07-29"]]);
    expect(await statuses("truong-thcs-tb-12-2020.txt")).toEqual([["ambiguous", "158-KH-UBND-2019-07-29 | 158-KH-UBND-2019-12-16"]]);
    expect(await statuses("so-tai-chinh-cv-77-2020.txt")).toEqual([["conflict", "158-KH-UBND-2019-12-16"]]);
    const conflict = (await kb.references(join(folder, "so-tai-chinh-cv-77-2020.txt")))[0]!;
    expect(conflict.note).toBe("cited as of 2019-12-20, but 158-KH-UBND-2019-12-16 is dated 2019-12-16");
    expect((await kb.references(join(folder, "so-gddt-cv-201-2020.txt")))[0]!.citation.target).toBe("158-KH-UBND-2019-12-16");
  });

  it("a document the store does not hold, resolved against the collection", async () => {
    const { parseDocumentText } = await import("../../src/document/parse-document.js");
    const { record, text } = parseDocumentText("UBND XÃ MỚI\nSố: 3/KH-UBND\nKẾ HOẠCH\nThực hiện việc mới\n\nCăn cứ Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện ủy Bình Sơn;\nCăn cứ Kết luận số 91-KL/TW;\n", { path: "new.txt" });
    const refs = kb.referencesOf(record, text);
    expect(refs.map((r) => [r.label, r.status])).toEqual([
      ["Kế hoạch 253-KH/HU", "resolved"],
      ["Kết luận 91-KL/TW", "not-in-collection"],
    ]);
    expect(refs[0]!.resolvedTo?.path).toBe(join(folder, "huyen-uy-binh-son-kh-253-2024.txt"));
  });
});

describe("the citation graph", () => {
  it("has the collection's documents, what they cite, and the relations stated or known", () => {
    const { nodes, edges } = kb.graph();
    expect(nodes.filter((n) => n.kind === "document")).toHaveLength(9);
    const label = (id: string) => nodes.find((n) => n.id === id)?.label;
    const relations = edges.filter((e) => e.relation !== "cites").map((e) => `${label(e.from)} ${e.relation} ${label(e.to)} (${e.source})`);
    expect(relations.sort()).toEqual(["Kế hoạch 253-KH/HU implements Kết luận 91-KL/TW (title)", "Kết luận 91-KL/TW continues Nghị quyết 29-NQ/TW (known-documents)"]);
    // A citation that is not resolved points at its key, never at a collection document sharing the key.
    const targets = (id: string) => edges.filter((e) => e.from === id).map((e) => e.to);
    expect(targets("12-TB-THCS-2020-03-10")).toEqual(["KH:158:UBND"]);
    expect(targets("77-STC-HCSN-2020-02-20")).toEqual(["KH:158:UBND@2019-12-20"]);
    expect(targets("201-SGDDT-KHTC-2020-02-05")).toEqual(["158-KH-UBND-2019-12-16"]);
  });

  it("around a document, to the depth asked for", () => {
    const one = kb.graph({ around: "91-KL/TW", depth: 1 });
    expect(one.nodes.map((n) => n.label).sort()).toEqual(["Kế hoạch 253-KH/HU", "Kế hoạch 45/KH-UBND", "Kết luận 91-KL/TW", "Nghị quyết 29-NQ/TW"]);
    const two = kb.graph({ around: "91-KL/TW", depth: 2 });
    expect(two.nodes.map((n) => n.label)).toContain("Kế hoạch 12/KH-UBND");
    expect(two.edges.every((e) => two.nodes.some((n) => n.id === e.from) && two.nodes.some((n) => n.id === e.to))).toBe(true);
  });

  it("names what a reference matches", () => {
    expect(kb.lookup("Kết luận 91").references).toEqual([{ key: "KL:91:TW@2024", label: "Kết luận 91-KL/TW" }]);
    expect(kb.lookup("158/KH-UBND").documents.map((d) => d.id).sort()).toEqual(["158-KH-UBND-2019-07-29", "158-KH-UBND-2019-12-16"]);
  });
});

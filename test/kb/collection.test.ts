// The embedded store through the Collection interface: what the CLI and a library user ask, on
// the fixture collection (test/kb/fixtures/collection/README.md says what each document is for).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentNotFoundError, openCollection, StoreError, type Collection } from "../../src/kb/index.js";

const fixtures = new URL("./fixtures/collection/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "vanban-collection-"));
const folder = join(scratch, "docs");
let collection: Collection;
beforeAll(async () => {
  cpSync(fixtures, folder, { recursive: true });
  collection = await openCollection(join(scratch, "store"));
  await collection.index(folder, { jobs: 1 });
});
afterAll(async () => {
  await collection.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("an embedded collection", () => {
  it("lists its documents, narrowed by type, issuer and year", async () => {
    expect(await collection.list()).toHaveLength(9);
    const plans = await collection.list({ type: "KH" });
    expect(plans.map((d) => d.docType?.code)).toEqual(plans.map(() => "KH"));
    expect(plans.length).toBeGreaterThan(1);
    expect((await collection.list({ type: "Kế hoạch" })).length).toBe(plans.length);
    const province = await collection.list({ issuer: "Quảng Ngãi", yearFrom: 2019, yearTo: 2019 });
    expect(province.map((d) => d.number)).toContain("158/KH-UBND");
    expect(await collection.list({ yearFrom: 2030 })).toEqual([]);
  });

  it("says how large it is and where it was read from", async () => {
    expect(await collection.stats()).toMatchObject({ documents: 9, files: 9, generation: 1, roots: [folder] });
  });

  it("answers who cites a document in one group when the reference names one", async () => {
    const answer = await collection.cites("91-KL/TW");
    expect(answer.groups).toHaveLength(1);
    expect(answer.groups[0]!.label).toContain("91-KL/TW");
    expect(answer.groups[0]!.documents.map((d) => d.path)).toContain(join(folder, "xa-binh-hoa-kh-45-2024.txt"));
  });

  it("resolves the citations of a file outside it, and refuses a document it neither holds nor can read", async () => {
    const outside = join(scratch, "outside.txt");
    writeFileSync(outside, "Thực hiện Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện ủy Bình Sơn.\n");
    const answer = await collection.refs(outside);
    expect(answer.inCollection).toBe(false);
    expect(answer.references.map((r) => r.status)).toContain("resolved");
    await expect(collection.refs(join(scratch, "missing.txt"))).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it("searches what it has just indexed, and again after another index run", async () => {
    expect((await collection.search("Đỗ Thị An"))[0]?.path).toBe(join(folder, "truong-thcs-tb-12-2020.txt"));
    writeFileSync(join(folder, "extra.txt"), "THÔNG BÁO\nVề việc trồng cây xanh quanh trường\n\nNhà trường thông báo lịch trồng cây.\n");
    await collection.index(folder, { jobs: 1 });
    expect((await collection.search("trồng cây xanh"))[0]?.path).toBe(join(folder, "extra.txt"));
  });

  it("throws a StoreError for a directory that holds no store", async () => {
    const empty = await openCollection(join(scratch, "nothing"));
    await expect(empty.list()).rejects.toBeInstanceOf(StoreError);
  });
});

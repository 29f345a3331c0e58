// The string pool changes how many copies of a string the heap holds, never a value.
import { describe, expect, it } from "vitest";
import { StringPool } from "../../src/kb/string-pool.js";
import type { GraphDocument } from "../../src/kb/store-format.js";

const doc: GraphDocument = {
  t: "doc",
  id: "253-KH-HU-2024-06-18",
  facts: [
    { key: "NQ:29:TW@2013", date: "2013-11-04", issuer: "Ban Chấp hành Trung ương", context: "basis", parent: null, relation: null, label: "Nghị quyết 29-NQ/TW" },
    { key: null, date: null, issuer: null, context: "self", parent: null, relation: null, label: "Kế hoạch này" },
    { key: "KL:91:TW@2024", date: null, issuer: null, context: "title", parent: 0, relation: "continues", label: "Kết luận 91-KL/TW" },
  ],
  resolutions: [
    { status: "not-in-collection", target: null, candidates: [], note: null },
    { status: "self", target: "253-KH-HU-2024-06-18", candidates: [], note: null },
    { status: "ambiguous", target: null, candidates: ["91-KL-TW-2024-08-12", "91-KL-TW-2024-08-13"], note: "2 documents of the collection have this number" },
  ],
  nodes: ["NQ:29:TW@2013", "253-KH-HU-2024-06-18", null],
};

describe("StringPool", () => {
  it("gives back equal strings, facts, resolutions and documents, with their fields in order", () => {
    const pool = new StringPool();
    expect(pool.get("Thủ tướng Chính phủ")).toBe("Thủ tướng Chính phủ");
    expect(pool.get(null)).toBeNull();
    for (let round = 0; round < 2; round++) {
      const copy = structuredClone(doc);
      const pooled = pool.document(copy);
      expect(pooled).toBe(copy);
      expect(pooled).toEqual(doc);
      // Written back to the store, a pooled document is the same JSON, byte for byte.
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(doc));
    }
  });
});

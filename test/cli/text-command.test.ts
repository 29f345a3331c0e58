// `vanban text`: the clean text of any file vanban reads; unreadable files named on one line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeDoc } from "../input/make-doc.js";
import { runCli } from "./cli-io.js";

const dir = mkdtempSync(join(tmpdir(), "vanban-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe("vanban text", () => {
  it("prints the decoded text of a legacy .doc, as the parser reads it", async () => {
    const file = join(dir, "cong-van.doc");
    writeFileSync(file, makeDoc([{ text: "céng hoµ x· héi chñ nghÜa viÖt nam\r", font: 1 }, { text: "Hµ Néi, ngµy 13 th¸ng 3 n¨m 2001\r", font: 0 }], [".VnTime", ".VnTimeH"]));
    const { code, out, err } = await runCli(["text", file]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 13 tháng 3 năm 2001\n");
  });

  it("writes DIR/NAME.txt per file with --out, headers each file on stdout without it", async () => {
    const a = join(dir, "a.txt");
    const b = join(dir, "b.rtf");
    writeFileSync(a, latin1("Hµ Néi, ngµy 5 th¸ng 6 n¨m 2024\n"));
    writeFileSync(b, "{\\rtf1{\\fonttbl{\\f0 .VnTime;}}\\f0 Tr\\'ad\\'eang\\par}");
    expect((await runCli(["text", "--out", join(dir, "out"), a, b])).code).toBe(0);
    expect(readFileSync(join(dir, "out", "a.txt"), "utf8")).toBe("Hà Nội, ngày 5 tháng 6 năm 2024\n");
    expect(readFileSync(join(dir, "out", "b.txt"), "utf8")).toBe("Trường\n");
    expect((await runCli(["text", a, b])).out).toBe(`==> ${a} <==\nHà Nội, ngày 5 tháng 6 năm 2024\n==> ${b} <==\nTrường\n`);
  });

  it("names an unreadable file on one line, exits 1, and reads the others", async () => {
    const bad = join(dir, "broken.doc");
    const good = join(dir, "good.txt");
    writeFileSync(bad, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
    writeFileSync(good, "Số: 1/TB-UBND\n");
    const { code, out, err } = await runCli(["text", bad, good]);
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^vanban text: .*broken\.doc: a Word 97–2003 \(\.doc\) document whose text could not be read: /);
    expect(out).toContain("Số: 1/TB-UBND");
  });
});

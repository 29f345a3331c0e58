// A store built from the shipped corpus (and, when asked, a hostile document whose fields carry
// HTML and script) served by a real server on an ephemeral port of 127.0.0.1.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCollection, type Collection } from "../../src/kb/index.js";
import { startServer, type RunningServer } from "../../src/serve/start-server.js";

/** A document whose number, title, basis and issuer hold markup that must show as text. */
// (No underscores: the input reader takes __x__ for markdown emphasis.)
export const HOSTILE_DOCUMENT = `ỦY BAN NHÂN DÂN
HUYỆN BÌNH SƠN <img src=x onerror="window.pwned=1">
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 99/KH-UBND
Bình Sơn, ngày 01 tháng 02 năm 2025
KẾ HOẠCH
<script>window.pwned=1</script> thử nghiệm <img src=x onerror="window.pwned=1">
Căn cứ Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương <b onmouseover="window.pwned=1">Đảng</b>;
I. MỤC ĐÍCH <script>window.pwned=1</script>
1. Thực hiện Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện ủy Bình Sơn <iframe src="javascript:window.pwned=1"></iframe>.
Nơi nhận:
- <svg onload="window.pwned=1">;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn <script>A</script>
`;

/** A served store and how to take it down. */
export interface ServedStore {
  server: RunningServer;
  collection: Collection;
  folder: string;
  close(): Promise<void>;
}

/** Indexes the shipped corpus (with the fixture collection when `linked`, the hostile document when `hostile`) and serves it. */
export async function serveCorpus(options: { hostile?: boolean; linked?: boolean } = {}): Promise<ServedStore> {
  const scratch = mkdtempSync(join(tmpdir(), "vanban-serve-"));
  const folder = join(scratch, "docs");
  cpSync(new URL("../../corpus/", import.meta.url).pathname, folder, { recursive: true });
  // The fixture collection's documents cite each other: citations that resolve, to follow.
  if (options.linked) cpSync(new URL("../kb/fixtures/collection/", import.meta.url).pathname, folder, { recursive: true });
  if (options.hostile) writeFileSync(join(folder, "hostile.txt"), HOSTILE_DOCUMENT);
  const collection = await openCollection(join(scratch, "store"));
  await collection.index(folder, { jobs: 1 });
  // Warm, as vanban serve is before it prints its address.
  await collection.list();
  await collection.search("vanban", { limit: 1 });
  const server = await startServer(collection, { port: 0 });
  return {
    server,
    collection,
    folder,
    async close() {
      await server.close();
      await collection.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

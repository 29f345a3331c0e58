// The commit point of every directory the store writes (the store's own manifest, the search
// index's): one JSON file naming its format and version, and a body with the SHA-256 of that
// body, written atomically after every file it names. A reader learns from it whether the
// directory holds what it reads, of the version it reads, undamaged — before trusting anything.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic, type WrittenFile } from "./atomic-write.js";

/** The SHA-256 a manifest carries: of its body as `JSON.stringify` writes it. */
export function manifestChecksum(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

/** What reading a manifest found: its body, or why there is none to use. */
export type ManifestRead<T> =
  | { status: "ok"; body: T }
  | { status: "missing" }
  /** unreadable for another reason than absence (permissions, a folder in its place) */
  | { status: "unreadable"; code: string }
  /** JSON of another program, not a manifest of this format */
  | { status: "foreign" }
  | { status: "other-version"; found: unknown; header: unknown }
  | { status: "corrupt"; reason: string; header: unknown };

/**
 * Reads the manifest at `path` of the given format and version, checking its shape (`schema`, of
 * the body) and checksum. Never throws: the result says what is wrong.
 * @example
 * const read = await readChecksummedManifest(join(dir, "manifest.json"), "vanban-store", 2, StoreManifestBody);
 * if (read.status === "ok") use(read.body);
 */
export async function readChecksummedManifest<T>(path: string, format: string, version: number, schema: z.ZodType<T>): Promise<ManifestRead<T>> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return code === "ENOENT" ? { status: "missing" } : { status: "unreadable", code };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: "corrupt", reason: "is not valid JSON (truncated?)", header: null };
  }
  // The version is read before the shape: another version may have another shape.
  const header = json as { format?: unknown; formatVersion?: unknown; sha256?: unknown; body?: unknown } | null;
  if (header?.format !== format) return { status: "foreign" };
  if (header.formatVersion !== version) return { status: "other-version", found: header.formatVersion, header };
  const parsed = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), body: schema }).safeParse(json);
  if (!parsed.success) return { status: "corrupt", reason: `lacks expected fields (${parsed.error.issues[0]?.path.join(".") || "?"})`, header };
  // The checksum is of the body as written, before the schema dropped or defaulted anything.
  if (manifestChecksum(header.body) !== parsed.data.sha256) return { status: "corrupt", reason: "does not match its checksum", header };
  return { status: "ok", body: parsed.data.body };
}

/** Writes a manifest atomically: format, version, the body and its checksum. */
export function writeChecksummedManifest(path: string, format: string, version: number, body: unknown): Promise<WrittenFile> {
  return writeFileAtomic(path, JSON.stringify({ format, formatVersion: version, sha256: manifestChecksum(body), body }));
}

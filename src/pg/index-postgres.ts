// Indexing into PostgreSQL, streamed: files are parsed (on N threads, as for the embedded store)
// and written in batches, one transaction per batch; then one transaction settles the run: files
// gone are dropped, ids assigned, every citation resolved and the graph rewritten. The same rules
// as the embedded store: only new and changed files are read (path, size and mtime; a content the
// database holds is not parsed again), a folder given that is missing refuses the run before
// anything is written, and a run killed at any moment leaves a consistent database: the batches
// committed hold whole documents, and the graph is marked stale until a settling transaction
// commits (the next run or the next question settles it).
//
// Batches are multi-row INSERTs of unnest()ed arrays, not COPY: one statement and one round trip
// per table per batch, typed parameters (no text escaping of records), upserts (ON CONFLICT) that
// COPY cannot do, and the same statements work on Citus.
import { findChangedFiles } from "../kb/find-changed-files.js";
import { resolve } from "node:path";
import { availableParallelism } from "node:os";
import type pg from "pg";
import type { DocumentRecord } from "../model/record.js";
import type { IndexFolderOptions, IndexProgress, IndexReport } from "../kb/index-folder.js";
import { listSourceFiles, type SkippedFile } from "../kb/list-source-files.js";
import { parserVersion } from "../kb/package-info.js";
import { readSources } from "../kb/parse-pool.js";
import type { SourceResult } from "../kb/read-source.js";
import type { StoredRecord } from "../kb/record-chunks.js";
import { SourceFolderError, StoreError } from "../store/store-errors.js";
import { keyColumns } from "./key-columns.js";
import { listColumnsOf, textArrayLiteral } from "./list-columns.js";
import { INDEX_LOCK } from "./pg-schema.js";
import { settleCollection, type SettleReport } from "./settle-collection.js";
import { searchTermsOf } from "./search-terms.js";

/** Documents written per transaction (fewer when their records are large). */
const BATCH_DOCUMENTS = 200;
const BATCH_BYTES = 32 * 1024 * 1024;

type Parsed = Extract<SourceResult, { kind: "parsed" }>;

interface FileRow {
  sha256: string;
  path: string;
  size: number;
  mtimeMs: number;
}

const decoder = new TextDecoder();

// One transaction: the documents parsed (replacing their citations) and the paths read.
async function writeBatch(client: pg.ClientBase, parsed: readonly Parsed[], files: readonly FileRow[], parser: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("INSERT INTO vanban_meta (name, value) VALUES ('dirty', 'true') ON CONFLICT (name) DO UPDATE SET value = 'true'");
    if (parsed.length > 0) {
      const docs: unknown[][] = Array.from({ length: 32 }, () => []);
      const cites: unknown[][] = Array.from({ length: 19 }, () => []);
      for (const p of parsed) {
        const stored = JSON.parse(decoder.decode(p.line)) as StoredRecord;
        const record: DocumentRecord = stored.record;
        const { prepared, tsvector } = searchTermsOf(record);
        const f = p.fields;
        const row = [
          f.sha256, f.recordId, f.key, ...keyColumns(f.key),
          f.docType?.code ?? null, f.docType?.name ?? null, f.number, f.date?.iso ?? null, prepared.summary.year,
          f.issuer?.name ?? null, f.issuer ? JSON.stringify(f.issuer) : null, f.title, f.system, prepared.summary.place,
          `{${prepared.summary.cites.map((k) => JSON.stringify(k)).join(",")}}`,
          JSON.stringify(record), prepared.text, `{${prepared.segmentEnds.join(",")}}`, tsvector, parser,
        ];
        const list = listColumnsOf({ issuer: f.issuer, place: prepared.summary.place, system: f.system, docTypeCode: f.docType?.code ?? null, docTypeName: f.docType?.name ?? null });
        row.push(list.province, list.formerProvince, list.level, list.placeKey, textArrayLiteral(list.issuerWords), list.typeCode, list.typeName);
        row.forEach((v, i) => docs[i]!.push(v));
        record.citations.forEach((c, i) => {
          const fact = p.facts[i]!;
          const crow = [f.sha256, i, fact.key, ...keyColumns(fact.key), fact.date, fact.issuer, fact.context, fact.parent, fact.relation, fact.label, c.raw, JSON.stringify(c.span), stored.sentences[i] ?? c.raw, JSON.stringify(c)];
          crow.forEach((v, j) => cites[j]!.push(v));
        });
      }
      const shas = docs[0]!;
      await client.query("DELETE FROM vanban_citations WHERE doc_sha = ANY($1::text[])", [shas]);
      await client.query(
        `INSERT INTO vanban_documents (sha256, record_id, key, k_type, k_number, k_issuer, k_name, k_year, k_date,
           doc_type_code, doc_type_name, number, date_iso, year, issuer_name, issuer, title, system, place,
           cited_keys, record, search_text, segment_ends, terms, parser,
           province, former_province, level, place_key, issuer_words, type_code_folded, type_name_folded, listed)
         SELECT d.sha256, d.record_id, d.key, d.k_type, d.k_number, d.k_issuer, d.k_name, d.k_year, d.k_date,
           d.doc_type_code, d.doc_type_name, d.number, d.date_iso, d.year, d.issuer_name, d.issuer::jsonb, d.title, d.system, d.place,
           d.cited_keys::text[], d.record::jsonb, d.search_text, d.segment_ends::int[], d.terms::tsvector, d.parser,
           d.province, d.former_province, d.level, d.place_key, d.issuer_words::text[], d.type_code_folded, d.type_name_folded, true
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
           $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
           $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[],
           $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[], $32::text[])
           AS d(sha256, record_id, key, k_type, k_number, k_issuer, k_name, k_year, k_date, doc_type_code, doc_type_name, number, date_iso,
                year, issuer_name, issuer, title, system, place, cited_keys, record, search_text, segment_ends, terms, parser,
                province, former_province, level, place_key, issuer_words, type_code_folded, type_name_folded)
         ON CONFLICT (sha256) DO UPDATE SET record_id = EXCLUDED.record_id, key = EXCLUDED.key, k_type = EXCLUDED.k_type,
           k_number = EXCLUDED.k_number, k_issuer = EXCLUDED.k_issuer, k_name = EXCLUDED.k_name, k_year = EXCLUDED.k_year,
           k_date = EXCLUDED.k_date, doc_type_code = EXCLUDED.doc_type_code, doc_type_name = EXCLUDED.doc_type_name,
           number = EXCLUDED.number, date_iso = EXCLUDED.date_iso, year = EXCLUDED.year, issuer_name = EXCLUDED.issuer_name,
           issuer = EXCLUDED.issuer, title = EXCLUDED.title, system = EXCLUDED.system, place = EXCLUDED.place,
           cited_keys = EXCLUDED.cited_keys, record = EXCLUDED.record, search_text = EXCLUDED.search_text,
           segment_ends = EXCLUDED.segment_ends, terms = EXCLUDED.terms, parser = EXCLUDED.parser,
           province = EXCLUDED.province, former_province = EXCLUDED.former_province, level = EXCLUDED.level, place_key = EXCLUDED.place_key,
           issuer_words = EXCLUDED.issuer_words, type_code_folded = EXCLUDED.type_code_folded, type_name_folded = EXCLUDED.type_name_folded, listed = true`,
        docs,
      );
      if (cites[0]!.length > 0) {
        await client.query(
          `INSERT INTO vanban_citations (doc_sha, idx, key, k_type, k_number, k_issuer, k_name, k_year, k_date, cited_date, cited_issuer,
             context, parent, relation, label, raw, span, sentence, citation)
           SELECT c.doc_sha, c.idx, c.key, c.k_type, c.k_number, c.k_issuer, c.k_name, c.k_year, c.k_date, c.cited_date, c.cited_issuer,
             c.context, c.parent, c.relation, c.label, c.raw, c.span::json, c.sentence, c.citation::json
           FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[],
             $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
             AS c(doc_sha, idx, key, k_type, k_number, k_issuer, k_name, k_year, k_date, cited_date, cited_issuer, context, parent, relation, label, raw, span, sentence, citation)`,
          cites,
        );
      }
    }
    if (files.length > 0) {
      await client.query("DELETE FROM vanban_files WHERE path = ANY($1::text[])", [files.map((f) => f.path)]);
      await client.query(
        "INSERT INTO vanban_files (sha256, path, size, mtime_ms) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[])",
        [files.map((f) => f.sha256), files.map((f) => f.path), files.map((f) => f.size), files.map((f) => f.mtimeMs)],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Takes the database's index lock (one writer at a time), waiting up to `waitMs`. */
async function takeIndexLock(client: pg.ClientBase, waitMs: number, onMessage?: (m: string) => void): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [INDEX_LOCK]);
    if (r.rows[0]!.ok) return true;
    if (Date.now() >= deadline) return false;
    if (!told) onMessage?.("another vanban index is writing this database; waiting for it");
    told = true;
    await new Promise((r2) => setTimeout(r2, 200));
  }
}

/**
 * Indexes `paths` into the database `client` is connected to (schema already migrated). `location`
 * names the store in the report. Throws a `SourceFolderError` for a folder given that cannot be
 * read (nothing written), and an Error when another writer holds the database past the wait.
 */
export async function indexIntoPostgres(client: pg.ClientBase, location: string, paths: string | readonly string[], options: IndexFolderOptions = {}): Promise<IndexReport> {
  const roots = (typeof paths === "string" ? [paths] : [...paths]).map((p) => resolve(p));
  const listing = listSourceFiles(roots);
  const unreadable = listing.skipped.filter((s) => s.root);
  if (unreadable.length > 0) throw new SourceFolderError(unreadable);
  if (!(await takeIndexLock(client, options.lockWaitMs ?? 10_000, options.onMessage))) {
    throw new StoreError("locked", location, `another vanban index is writing ${location}`, "try again when it is done");
  }
  try {
    return await indexUnderLock(client, location, roots, listing.files, [...listing.skipped], options);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [INDEX_LOCK]).catch(() => undefined);
  }
}

async function indexUnderLock(client: pg.ClientBase, location: string, roots: string[], listed: string[], skipped: SkippedFile[], options: IndexFolderOptions): Promise<IndexReport> {
  const parser = parserVersion();
  const files = [...new Set(listed.map((f) => resolve(f)))].sort();
  const before = await client.query<{ path: string; sha256: string; size: string; mtime_ms: number; current: boolean }>(
    `SELECT f.path, f.sha256, f.size, f.mtime_ms, (d.parser = $1) AS current FROM vanban_files f JOIN vanban_documents d ON d.sha256 = f.sha256`,
    [parser],
  );
  const previous = new Map(before.rows.map((r) => [r.path, r]));
  const knownShas = new Set(before.rows.filter((r) => r.current).map((r) => r.sha256));
  if (files.length === 0) {
    const settled = await settleCollection(client, { onlyWhenDirty: true });
    return report(location, settled, { listed: 0, parsed: 0, unchanged: 0, removed: 0, skipped, duplicates: settled.duplicates, changed: false });
  }

  const listedFiles = await findChangedFiles(
    files,
    (path, info) => {
      const old = previous.get(path);
      return old !== undefined && old.current && Number(old.size) === info.size && old.mtime_ms === info.mtimeMs;
    },
    skipped,
  );
  const { toRead, bytesTotal } = listedFiles;
  let unchanged = listedFiles.unchanged;
  // One set of the skipped paths: a look-up per file, not a scan of every skipped file.
  const skippedPaths = new Set(skipped.map((s) => s.path));
  const present = new Set<string>(files.filter((f) => !skippedPaths.has(f)));
  let parsed = 0;
  let batchDocs: Parsed[] = [];
  let batchFiles: FileRow[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batchDocs.length === 0 && batchFiles.length === 0) return;
    await writeBatch(client, batchDocs, batchFiles, parser);
    batchDocs = [];
    batchFiles = [];
    batchBytes = 0;
  };
  const progress: IndexProgress = { phase: "reading", filesDone: 0, filesTotal: toRead.length, bytesDone: 0, bytesTotal, path: null };
  options.onProgress?.({ ...progress });
  const jobs = Math.max(1, options.jobs ?? Math.min(4, availableParallelism()));
  // Contents written in this run: another path with one of them is only a file row.
  const written = new Set<string>(knownShas);
  await readSources(toRead, knownShas, jobs, async (result) => {
    if (result.kind === "parsed") {
      const f = result.fields;
      if (!written.has(f.sha256)) {
        batchDocs.push(result);
        batchBytes += result.line.byteLength;
        written.add(f.sha256);
      }
      batchFiles.push({ sha256: f.sha256, path: f.path, size: f.size, mtimeMs: f.mtimeMs });
      parsed++;
    } else if (result.kind === "known") {
      batchFiles.push({ sha256: result.sha256, path: result.path, size: result.size, mtimeMs: result.mtimeMs });
      unchanged++;
    } else {
      skipped.push({ path: result.path, reason: result.reason, root: false });
      present.delete(result.path);
    }
    progress.filesDone++;
    progress.bytesDone += result.kind === "skipped" ? 0 : result.kind === "known" ? result.size : result.fields.size;
    progress.path = result.kind === "parsed" ? result.fields.path : result.path;
    options.onProgress?.({ ...progress });
    if (batchDocs.length >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES || batchFiles.length >= BATCH_DOCUMENTS * 5) await flush();
  });
  await flush();
  options.onProgress?.({ ...progress, phase: "writing", path: null });
  const removed = before.rows.filter((r) => !present.has(r.path)).length;
  const sameRoots = await client.query<{ value: string[] }>("SELECT value FROM vanban_meta WHERE name = 'roots'");
  const changed = parsed > 0 || removed > 0 || JSON.stringify(sameRoots.rows[0]?.value ?? null) !== JSON.stringify(roots);
  const settled = await settleCollection(client, { keepPaths: [...present], roots, onlyWhenDirty: !changed });
  return report(location, settled, { listed: files.length, parsed, unchanged, removed, skipped, duplicates: settled.duplicates, changed: changed || settled.settled });
}

function report(location: string, settled: SettleReport, run: Pick<IndexReport, "listed" | "parsed" | "unchanged" | "removed" | "skipped" | "duplicates" | "changed">): IndexReport {
  return {
    store: location,
    generation: settled.generation,
    documents: settled.documents,
    ...run,
    citations: settled.citations,
    conflicts: settled.conflicts,
    // The search terms are written with their documents, in the same transactions: never behind.
    search: { action: "up-to-date", documents: settled.documents, added: 0, removed: 0, seconds: 0 },
  };
}

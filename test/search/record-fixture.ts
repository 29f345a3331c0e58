// Builds DocumentRecord values for search tests without the parser: the record schema is the
// contract, so the index is tested against records shaped exactly like the parser's.
import { createHash } from "node:crypto";
import { DocumentRecord, type Citation, type DocNumber, type Section } from "../../src/model/record.js";

/** The parts of a record a search test cares about; everything else gets a neutral value. */
export interface RecordSpec {
  id: string;
  title?: string | null;
  /** body paragraphs, one section per paragraph; a string is split on blank lines */
  body?: string | string[];
  /** a number as written: `01779/QĐ-UBND`, `29-NQ/TW`, `30/2020/NĐ-CP`, `203 /TB-UBND` */
  number?: string | null;
  date?: string | null;
  docType?: { code: string; name: string } | null;
  issuer?: string | null;
  system?: "state" | "party" | null;
  place?: string | null;
  signer?: string | null;
  bases?: string[];
  recipients?: string[];
  /** cited documents: the raw text and the canonical key */
  citations?: { raw: string; key: string | null; context?: Citation["context"] }[];
  path?: string | null;
  /** the content the record was parsed from (its sha256 becomes `source.sha256`); defaults to the id and body */
  content?: string;
}

const STATE_NUMBER = /^(\d+)?\s*\/\s*(?:(\d{4})\/)?([^-/\s]+)(?:-(.+))?$/u;
const PARTY_NUMBER = /^(\d+)-([^/]+)\/(.+)$/u;

/** Splits a written number into the record's parts (a simplified version of the parser's rule). */
export function docNumber(raw: string): DocNumber {
  const party = PARTY_NUMBER.exec(raw);
  if (party) return { raw, seq: party[1]!, year: null, typeCode: party[2]!, issuerCode: party[3]! };
  const state = STATE_NUMBER.exec(raw);
  if (state) {
    return { raw, seq: state[1] ?? null, year: state[2] ? Number(state[2]) : null, typeCode: state[3]!, issuerCode: state[4] ?? null };
  }
  return { raw, seq: null, year: null, typeCode: null, issuerCode: null };
}

const SPAN = { line: 1, column: 1, offset: 0, length: 0 };

function section(text: string): Section {
  return { marker: null, kind: "bullet", heading: null, text: [text], children: [] };
}

/** A schema-valid record from a spec. */
export function makeRecord(spec: RecordSpec): DocumentRecord {
  const paragraphs = typeof spec.body === "string" ? spec.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : (spec.body ?? []);
  const content = spec.content ?? `${spec.id}\n${paragraphs.join("\n")}`;
  const record: DocumentRecord = {
    schemaVersion: 1,
    id: spec.id,
    source: { path: spec.path === undefined ? `${spec.id}.txt` : spec.path, sha256: createHash("sha256").update(content).digest("hex"), format: "text", encoding: "utf-8" },
    system: spec.system ?? null,
    issuer: spec.issuer ? { name: spec.issuer, parent: null, inferred: false } : null,
    number: spec.number ? docNumber(spec.number) : null,
    place: spec.place ?? null,
    date: spec.date ? { raw: spec.date, iso: spec.date } : null,
    docType: spec.docType ?? null,
    title: spec.title ?? null,
    addressees: [],
    bases: (spec.bases ?? []).map((raw) => ({ raw, verb: "căn cứ", span: SPAN, citations: [] })),
    sections: paragraphs.map(section),
    intro: [],
    annexes: [],
    footnotes: [],
    recipients: (spec.recipients ?? []).map((name) => ({ name, note: null })),
    signature: spec.signer ? { onBehalfOf: null, authority: null, principal: null, title: null, signer: spec.signer } : null,
    citations: (spec.citations ?? []).map((c) => ({
      raw: c.raw,
      docType: null,
      number: null,
      year: null,
      issuerCode: null,
      date: null,
      issuer: null,
      subject: null,
      key: c.key,
      via: "number" as const,
      span: SPAN,
      context: c.context ?? "body",
      target: null,
    })),
    diagnostics: [],
  };
  return DocumentRecord.parse(record);
}

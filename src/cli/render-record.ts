// The terminal view of a record. Document text is untrusted: control and escape sequences are
// stripped before anything reaches the terminal.
import type { DocumentRecord, Section } from "../model/record.js";
import { safeName } from "./safe-name.js";
import { terminalStyle } from "./terminal-style.js";

// Escape sequences (ECMA-48), removed whole so that no parameter bytes are left behind as text:
// control sequences (ESC [ or the C1 CSI 0x9B, parameters, a final byte); control strings (OSC
// ESC ] — hyperlinks, window titles, clipboard writes —, DCS ESC P, SOS, PM, APC, or their C1
// forms) up to their terminator (BEL or ST); and the other escapes (ESC, intermediates, a final
// byte: `ESC ( B`, `ESC c` which resets the terminal). A string without its terminator loses only
// its introducer, and its text stays visible and inert.
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[ -/]*[0-~]/gu;
// What is left: C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional
// formatting characters that reorder what the terminal shows.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Removes escape sequences, C0/C1 controls and bidi formatting characters from text bound for a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}


/** A readable multi-line view of a record: header fields, outline, signature, recipients, diagnostics. */
export function renderRecord(record: DocumentRecord, options: { color: boolean }): string {
  const s = terminalStyle(options.color);
  const safe = (v: string | null | undefined) => terminalSafe(v ?? "—");
  const out: string[] = [];
  // A file name is shown escaped rather than stripped: it must stay recognisable.
  out.push(s.bold(record.source.path !== null ? safeName(record.source.path) : safe(record.id)));
  const field = (name: string, value: string) => out.push(`  ${s.dim(name.padEnd(10))} ${value}`);
  field("id", safe(record.id));
  field("type", record.docType ? `${safe(record.docType.name)} (${safe(record.docType.code)})` : "—");
  field("system", safe(record.system));
  field("issuer", record.issuer ? `${safe(record.issuer.name)}${record.issuer.parent ? ` ← ${safe(record.issuer.parent)}` : ""}${record.issuer.inferred ? s.dim(" (inferred)") : ""}` : "—");
  field("number", safe(record.number?.raw));
  field("place", safe(record.place));
  field("date", record.date ? `${safe(record.date.iso)} ${s.dim(`(${safe(record.date.raw)})`)}` : "—");
  field("title", safe(record.title));
  if (record.addressees.length) field("to", record.addressees.map(safe).join("; "));
  field("encoding", `${safe(record.source.encoding)}, ${record.source.format}`);
  if (record.bases.length) {
    out.push(`  ${s.dim("bases")}`);
    for (const b of record.bases) out.push(`    • ${truncate(safe(b.raw), 110)}`);
  }
  if (record.sections.length) {
    out.push(`  ${s.dim("sections")}`);
    const walk = (list: Section[], depth: number) => {
      for (const sec of list) {
        if (sec.kind === "bullet") continue;
        out.push(`    ${"  ".repeat(depth)}${safe(sec.marker ?? "")} ${truncate(safe(sec.heading ?? ""), 100 - depth * 2)}`);
        if (depth < 2) walk(sec.children, depth + 1);
      }
    };
    walk(record.sections, 0);
  }
  for (const a of record.annexes) out.push(`  ${s.dim("annex")}     ${truncate(safe(a.title ?? ""), 100)}`);
  if (record.signature) {
    const g = record.signature;
    field("signature", [g.onBehalfOf && `${safe(g.onBehalfOf)} /`, g.authority && `${g.authority}.`, g.principal && safe(g.principal), g.title && `/ ${safe(g.title)}`, g.signer && `— ${safe(g.signer)}`].filter(Boolean).join(" "));
  }
  if (record.recipients.length) field("recipients", record.recipients.map((r) => safe(r.name) + (r.note ? s.dim(` (${safe(r.note)})`) : "")).join("; "));
  if (record.citations.length) field("citations", `${record.citations.length} (vanban refs shows them)`);
  for (const d of record.diagnostics) out.push(`  ${s.yellow(d.severity)} ${d.line}:${d.column} ${safe(d.code)}: ${safe(d.message)}`);
  return out.join("\n");
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

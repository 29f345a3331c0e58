// The signature block (NĐ 30/2020 Điều 8.7; Party T/M, K/T, T/L per HD 36-HD/VPTW): authority
// prefixes, offices, `(Đã ký)` placeholders and the signer's name, also run together on one line.
import type { Signature } from "../model/record.js";
import { looksLikeName, trailingName } from "../../grammars/document/layout-zones.js";

// The prefix's dot may touch the office (`KT.BỘ TRƯỞNG`); without a dot a space must follow.
const PREFIX = /^(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)(?:\s*[.:]\s*|\s+)(?=\S)/iu;
/** A prefix alone on its line (`TL.` above `CỤC TRƯỞNG`): the office it is for is the next part. */
const BARE_PREFIX = /^(?:TM|KT|TL|TUQ|T\/M|K\/T|T\/L)\s*[.:]?$/iu;
// The signer's own office after the principal's (`TRƯỞNG BAN GIÁM SÁT … PHÓ TRƯỞNG BAN`): a deputy's.
const DEPUTY_OFFICE = /\s(?=(?:PHÓ\s|THỨ TRƯỞNG)\S*)/u;
const AUTHORITY: Record<string, Signature["authority"]> = { TM: "TM", KT: "KT", TL: "TL", TUQ: "TUQ", Q: "Q", "T/M": "TM", "K/T": "KT", "T/L": "TL" };
// Offices a signature names, to tell where one ends and the signer's own begins when they share
// a line (`BỘ TRƯỞNG THỨ TRƯỞNG`, `CHỦ TỊCH PHÓ CHỦ TỊCH`, `CHỦ TỊCH CHÁNH VĂN PHÒNG`).
const OFFICE = "(?:CHỦ TỊCH|BỘ TRƯỞNG(?:,\\s*CHỦ NHIỆM)?|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH THANH TRA|TỔNG THANH TRA|THỐNG ĐỐC|BÍ THƯ)";
const SECOND_OFFICE = new RegExp(`^(${OFFICE})\\s+((?:PHÓ\\s|THỨ TRƯỞNG|${OFFICE}).*)$`, "u");
// Words an office's name cannot end with: the line was wrapped inside it.
const INCOMPLETE_OFFICE = /(?:^|\s)(?:ỦY BAN|UỶ BAN|CHÁNH|BỘ|BAN|HỘI|HỘI ĐỒNG|TỔNG|PHÓ|NHÂN|CHÍNH|VĂN|THỦ|CHỦ|VÀ|CỦA)$|[,–-]$/u;
const isUpperCase = (s: string) => s === s.toUpperCase() && /\p{L}/u.test(s);
const PLACEHOLDER = /^[([]?\s*(?:đã\s*ký|ký\s*tên|đóng\s*dấu|signed)/iu;

/** Reads a signature from its lines (offices, names, placeholders), or null when none is there. */
export function readSignature(lines: string[]): Signature | null {
  // Split lines that hold several parts: `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn A`.
  const parts: string[] = [];
  for (const raw of lines) {
    let line = raw.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
    if (!line || PLACEHOLDER.test(line)) continue;
    line = line.replace(/\(\s*đã\s*ký[^)]*\)?/giu, " ").trim();
    const name = looksLikeName(line) ? line : trailingName(line);
    const offices = name ? line.slice(0, line.length - name.length).trim() : line;
    // A line of the recipients' unit codes set beside the signature (`TH, KTTH, NN;`) is no office.
    if (/;$/u.test(offices)) {
      if (name) parts.push(name);
      continue;
    }
    for (const p of offices.split(/\s(?=(?:TM|KT|TL|TUQ|T\/M|K\/T|T\/L)\s*[.]\s?)/u)) if (p.trim()) parts.push(p.trim());
    if (name) parts.push(name);
  }
  for (let i = 0; i + 1 < parts.length; i++) if (BARE_PREFIX.test(parts[i]!)) parts.splice(i, 2, `${parts[i]} ${parts[i + 1]}`);
  // An office wrapped in its cell (`TM. ỦY BAN` / `NHÂN DÂN`, `K/T CHÁNH` / `VĂN PHÒNG`): glue the tail back.
  for (let i = 0; i + 1 < parts.length; i++) {
    if (INCOMPLETE_OFFICE.test(parts[i]!) && isUpperCase(parts[i + 1]!) && !PREFIX.test(parts[i + 1]!)) {
      parts.splice(i, 2, `${parts[i]} ${parts[i + 1]}`);
      i--;
    }
  }
  const prefixed: { authority: Signature["authority"]; principal: string }[] = [];
  const offices: string[] = [];
  let signer: string | null = null;
  for (const p of parts) {
    if (signer) break;
    const m = PREFIX.exec(p);
    if (m && offices.length === 0) {
      const rest = p.slice(m[0].length).trim();
      const split = splitOffices(rest);
      prefixed.push({ authority: AUTHORITY[m[1]!.toUpperCase()] ?? null, principal: split[0]! });
      if (split[1]) offices.push(split[1]);
      continue;
    }
    if (looksLikeName(p)) {
      signer = cleanName(p);
      continue;
    }
    if (p === p.toUpperCase()) {
      // Unprefixed, only a deputy's office splits off (`TRƯỞNG BAN PHÓ THỦ TƯỚNG`: the office, then the signer's rank).
      const split = prefixed.length === 0 && offices.length === 0 ? splitDeputy(p) : splitOffices(p);
      offices.push(...split);
    }
  }
  if (prefixed.length === 0 && offices.length === 0 && !signer) return null;
  const inner = prefixed[prefixed.length - 1];
  return {
    onBehalfOf: prefixed.length > 1 ? prefixed[0]!.principal : null,
    authority: inner?.authority ?? null,
    principal: inner?.principal ?? null,
    title: offices[0] ?? null,
    signer,
  };
}

function splitOffices(s: string): string[] {
  const m = SECOND_OFFICE.exec(s);
  if (m) return [m[1]!.trim(), m[2]!.trim()];
  return splitDeputy(s);
}

function splitDeputy(s: string): string[] {
  const deputy = DEPUTY_OFFICE.exec(s);
  return deputy && deputy.index > 0 ? [s.slice(0, deputy.index).trim(), s.slice(deputy.index).trim()] : [s];
}


function cleanName(name: string): string {
  return name.replace(/^(?:(?:GS|PGS|TS|ThS)\.?\s*)+/u, "").trim();
}

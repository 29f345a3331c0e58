// Layout analysis: where the header, title, preamble, body, closing, annexes and the page
// furniture around them begin, found from the classified lines. The parser's rules consume each
// zone through gates on these boundaries (Spec deviation: NĐ 30/2020 fixes the order of the
// components, real files do not, so the boundaries are found by evidence, not by position).
import type { IToken } from "chevrotain";
import { FURNITURE_LINE, PORTAL_CAPTION } from "./page-furniture.js";
import { isAllCaps } from "./line-patterns.js";
import { stripMarks } from "../text/fold.js";

/** Token indexes where each zone starts; a zone runs to the next zone's start. */
export interface LayoutZones {
  headerStart: number;
  /** Index of the type-name (or V/v) line that opens the title, or -1. */
  titleStart: number;
  frontStart: number;
  bodyStart: number;
  closingStart: number;
  /** Index of the signer's name line (the last line of the main document), or -1. */
  signerLine: number;
  annexStarts: number[];
  trailerStart: number;
}

const HEADER_ANCHORS = new Set(["NationalTitle", "PartyTitle", "Motto"]);
const HEADER_KINDS = new Set(["NationalTitle", "PartyTitle", "Motto", "Separator", "NumberLine", "PlaceDate", "CapsLine"]);
const MARKERS = new Set(["PartLine", "ChapterLine", "SubsectionLine", "ArticleLine", "RomanLine", "LetterPartLine", "DecimalLine", "ArabicLine", "LetterLine", "BulletLine"]);
const TOP_MARKERS = new Set(["PartLine", "ChapterLine", "ArticleLine", "RomanLine", "LetterPartLine", "ArabicLine"]);
// Offices that sign without an authority prefix (NĐ 30/2020 Điều 8.7.b).
const SIGNING_OFFICE = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|BÍ THƯ|THỨ TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG|KIỂM TOÁN TRƯỞNG|TỔNG THANH TRA|CHÁNH THANH TRA|THỐNG ĐỐC|TRƯỞNG ĐOÀN)(?:\s|,|$)/u;

/** True when a line reads as a person's name (2–6 capitalised words, maybe after academic titles). */
export function looksLikeName(line: string): boolean {
  const bare = line.replace(/^(?:(?:GS|PGS|TS|ThS|BS|KS|CN|Đại tá|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|Thượng tá|Trung tá|Thiếu tá)\.?\s*)+/u, "").trim();
  if (!bare || /\d|[;:()]/.test(bare)) return false;
  const words = bare.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  // Names are capitalised words (an initial may stand alone); an all-caps word is an office, not a name.
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*\.?$/u.test(w)) && !isAllCaps(bare);
}

/** The person's name that ends a line of offices (`KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Xuyên`), or null. */
export function trailingName(line: string): string | null {
  const words = line.trim().split(/\s+/);
  for (let k = Math.min(6, words.length - 1); k >= 2; k--) {
    const tail = words.slice(words.length - k).join(" ");
    const before = words[words.length - k - 1]!;
    if (looksLikeName(tail) && before === before.toUpperCase()) return tail;
  }
  return null;
}

// The start of a body's name, whatever its case (a TCVN3 upper-case font can come out lower case).
const BODY_NAME = /^(?:UY BAN|UBND|HOI DONG|HDND|BO [A-Z]|SO [A-Z]|BAN [A-Z]|VAN PHONG|CUC [A-Z]|TONG CUC|TRUNG TAM|TRUONG [A-Z]|DAI HOC|HOC VIEN|TINH UY|HUYEN UY|THANH UY|DANG UY|CHINH PHU|THU TUONG)/;

/** True when a short line reads as the name of an issuing body, in any letter case. */
export function isBodyName(line: string): boolean {
  return line.length < 60 && BODY_NAME.test(stripMarks(line).toUpperCase());
}

/**
 * A line that can open an attached part: a title in capitals (a type name, a Quốc hiệu, or a line
 * whose first words are capitals: `CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI …`), not a signing office and
 * not a Word field code (`PAGE 2`).
 */
function opensTitle(kind: string, line: string): boolean {
  if (SIGNING_OFFICE.test(line) || /^PAGE\b/u.test(line)) return false;
  if (kind === "CapsLine" || kind === "DocTypeLine" || kind === "NationalTitle") return /\p{L}+\s+\p{L}+/u.test(line);
  return kind === "TextLine" && /^(?:\p{Lu}+[\s,.]+){3}/u.test(line);
}

/** Finds the zones of a classified document. */
export function findLayoutZones(tokens: readonly IToken[]): LayoutZones {
  const n = tokens.length;
  const kind = (i: number) => tokens[i]?.tokenType.name ?? "";
  const image = (i: number) => tokens[i]?.image ?? "";

  // The header: the first Quốc hiệu / Party line / tiêu ngữ, with the issuer and number lines that
  // precede it when the columns come one after the other.
  let anchor = -1;
  for (let i = 0; i < n; i++) {
    if (HEADER_ANCHORS.has(kind(i))) {
      anchor = i;
      break;
    }
  }
  let headerStart = 0;
  if (anchor >= 0) {
    headerStart = anchor;
    // The left column before the right one: issuer, number and the công văn's V/v under it.
    while (headerStart > 0 && anchor - headerStart < 6 && (HEADER_KINDS.has(kind(headerStart - 1)) || (kind(headerStart - 1) === "SubjectLine" && kind(headerStart - 2) === "NumberLine") || isBodyName(image(headerStart - 1))) && !FURNITURE_LINE.test(image(headerStart - 1))) headerStart--;
  } else {
    for (let i = 0; i < n; i++) {
      const k = kind(i);
      if (k === "NumberLine" || k === "DocTypeLine" || k === "AddresseesLabel" || k === "BasisLine" || k === "SubjectLine") {
        headerStart = i;
        // Issuer lines just above a number line belong to the header.
        while (k === "NumberLine" && headerStart > 0 && kind(headerStart - 1) === "CapsLine") headerStart--;
        break;
      }
    }
  }

  // The title: the type name (or a công văn's V/v) soon after the header.
  let titleStart = -1;
  for (let i = headerStart; i < Math.min(n, headerStart + 30); i++) {
    const k = kind(i);
    if (k === "DocTypeLine") {
      titleStart = i;
      break;
    }
    if (k === "BasisLine" || k === "AddresseesLabel" || MARKERS.has(k)) break;
  }
  if (titleStart < 0) {
    for (let i = headerStart; i < Math.min(n, headerStart + 30); i++) {
      if (kind(i) === "SubjectLine") {
        titleStart = i;
        break;
      }
      if (kind(i) === "BasisLine" || MARKERS.has(kind(i))) break;
    }
  }

  // Front matter (title lines, Kính gửi, preamble) ends where the body starts: after the enacting
  // line, else at the first top-level marker, else at the first prose paragraph.
  let frontStart = titleStart >= 0 ? titleStart : headerStart;
  if (titleStart < 0) {
    // With no title, the header ends at its last header line.
    let i = headerStart;
    while (i < n && (HEADER_KINDS.has(kind(i)) || kind(i) === "SubjectLine") && !(kind(i) === "CapsLine" && i > headerStart + 8)) i++;
    frontStart = i;
  }
  let bodyStart = -1;
  let sawBasis = false;
  for (let i = frontStart; i < n; i++) {
    const k = kind(i);
    if (k === "EnactingLine" || (k === "DocTypeLine" && i > frontStart && sawBasis)) {
      bodyStart = i + 1;
      break;
    }
    if (k === "BasisLine") sawBasis = true;
    if (TOP_MARKERS.has(k) || k === "RecipientsLine" || k === "AuthorityLine") {
      bodyStart = i;
      break;
    }
  }
  if (bodyStart < 0) bodyStart = n;

  // The closing: Nơi nhận or the signature after the body; else a signing office followed by a name.
  let closingStart = -1;
  for (let i = bodyStart; i < n; i++) {
    const k = kind(i);
    if (k === "RecipientsLine" || (k === "AuthorityLine" && i + 1 < n)) {
      closingStart = i;
      break;
    }
    if (k === "CapsLine" && SIGNING_OFFICE.test(image(i)) && image(i).length < 80) {
      // An office line followed (after placeholders and more office lines) by a person's name.
      let j = i + 1;
      while (j < n && (kind(j) === "PlaceholderLine" || (kind(j) === "CapsLine" && image(j).length < 60))) j++;
      if (j < n && looksLikeName(image(j))) {
        closingStart = i;
        // The recipients may stand just before, without their label (a collapsed table row).
        break;
      }
    }
    if (FURNITURE_LINE.test(image(i))) break;
  }
  if (closingStart < 0) {
    // No closing: an unsigned text (a guidance published without its signature block) still ends
    // where its first attached part (`PHỤ LỤC`) begins.
    closingStart = n;
    for (let i = bodyStart; i < n; i++) {
      if (kind(i) === "AnnexLine" && isAllCaps(image(i).split(/[(:]/)[0] ?? "")) {
        closingStart = i;
        break;
      }
      if (FURNITURE_LINE.test(image(i))) break;
    }
  }

  // The signer: the first name line after an authority/office line in the closing.
  let signerLine = -1;
  let sawOffice = false;
  for (let i = closingStart; i < n; i++) {
    const k = kind(i);
    if (k === "AuthorityLine" || (k === "CapsLine" && SIGNING_OFFICE.test(image(i))) || (k === "CapsLine" && sawOffice)) {
      sawOffice = true;
      // A flattened block holds the name on the office line itself.
      if (k === "AuthorityLine" && trailingName(image(i))) {
        signerLine = i;
        break;
      }
    }
    else if (sawOffice && k !== "PlaceholderLine" && k !== "Separator" && looksLikeName(image(i))) {
      signerLine = i;
      break;
    } else if (sawOffice && k !== "PlaceholderLine" && k !== "Separator" && k !== "BulletLine" && k !== "TextLine") {
      // keep looking: recipients and signature can interleave
    }
    if (FURNITURE_LINE.test(image(i)) || PORTAL_CAPTION.test(image(i))) break;
  }

  // The trailer: page furniture after the document, or a second copy of its header.
  let trailerStart = n;
  const afterMain = signerLine >= 0 ? signerLine + 1 : closingStart;
  const ownNumber = numberOf(tokens, headerStart, bodyStart);
  for (let i = Math.max(afterMain, bodyStart); i < n; i++) {
    const img = image(i);
    if (FURNITURE_LINE.test(img) || PORTAL_CAPTION.test(img)) {
      trailerStart = i;
      break;
    }
    if (i > afterMain && kind(i) === "NumberLine" && ownNumber && compact(img).includes(ownNumber)) {
      // The same document again (a duplicated page): stop before its header.
      let j = i;
      while (j > afterMain && HEADER_KINDS.has(kind(j - 1))) j--;
      trailerStart = j;
      break;
    }
  }

  // Annexes: after the signer, each `PHỤ LỤC` (or the first all-caps title) starts one.
  // Annexes: after the signature, each `PHỤ LỤC` (or the first title in capitals) starts one. When no
  // signer's name could be read (letter-spaced extractions), the signature's office line stands in.
  let signatureEnd = signerLine;
  if (signatureEnd < 0) {
    for (let i = closingStart; i < trailerStart; i++) {
      if (kind(i) === "AuthorityLine") {
        signatureEnd = i;
        break;
      }
    }
  }
  const annexStarts: number[] = [];
  const annexFrom = signatureEnd >= 0 ? signatureEnd + 1 : closingStart;
  for (let i = annexFrom; i < trailerStart; i++) {
    const k = kind(i);
    const img = image(i);
    // `PHỤ LỤC` / `ĐỀ CƯƠNG TUYÊN TRUYỀN`: a heading right under an annex's is its caption, not a second annex.
    if (k === "AnnexLine" && !/^(?:PHỤ LỤC|Phụ lục)\s+\d+\.\d+/u.test(img) && annexStarts[annexStarts.length - 1] !== i - 1) annexStarts.push(i);
    else if (signatureEnd >= 0 && annexStarts.length === 0 && opensTitle(k, img)) annexStarts.push(i);
    // A heading in capitals over its own `(Kèm theo …)` caption opens an annex even unlabelled
    // (`DANH MỤC BIỂU MẪU` / `(Kèm theo Nghị định số …)` after a first one).
    // The heading may wrap over several lines in capitals: the annex opens at its first, and a
    // heading right under `PHỤ LỤC I` is that annex's own caption.
    else if (signatureEnd >= 0 && k === "CapsLine" && i + 1 < trailerStart && ATTACHED_CAPTION.test(image(i + 1))) {
      let first = i;
      while (first > annexFrom && kind(first - 1) !== "AnnexLine" && isAllCaps(image(first - 1))) first--;
      const last = annexStarts[annexStarts.length - 1] ?? -1;
      if (last < first - 1) annexStarts.push(first);
    }
  }

  return { headerStart, titleStart, frontStart, bodyStart, closingStart, signerLine, annexStarts, trailerStart };
}

const ATTACHED_CAPTION = /^\((?:Ban hành\s+)?[Kk]èm theo\s/u;

function compact(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

function numberOf(tokens: readonly IToken[], from: number, to: number): string | null {
  for (let i = from; i < to && i < tokens.length; i++) {
    if (tokens[i]!.tokenType.name === "NumberLine") {
      const m = /(\d+\s*[/-][^\s,]+)/u.exec(tokens[i]!.image);
      return m ? compact(m[1]!) : null;
    }
  }
  return null;
}

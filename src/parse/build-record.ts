// From the document CST to the record: each zone's lines are read by the module for that part of
// the layout. Nothing here throws on odd input: what cannot be placed becomes a diagnostic.
import type { CstNode, IToken } from "chevrotain";
import type { Basis, Diagnostic, DocNumber, DocType, DocumentRecord, Footnote, Issuer, Signature, Annex, Recipient, Section } from "../model/record.js";
import { linesOf, nodesOf } from "./cst-lines.js";
import { readDate, readPassageDate, type ParsedDate } from "./read-date.js";
import { readNumber } from "./read-number.js";
import { dropTrailingAuthority, inferIssuer, issuerFromAuthority, readIssuer, sentenceCase } from "./read-issuer.js";
import { readSignature } from "./read-signature.js";
import { readRecipients } from "./read-recipients.js";
import { buildSections } from "./build-sections.js";
import { DOC_TYPES, docTypeByCode, docTypeByName } from "../../grammars/vocabulary/doc-types.js";
import { impliedTypeCode } from "../../grammars/vocabulary/issuer-codes.js";
import { foldUpper, splitTypeLine } from "../../grammars/document/document-tokens.js";
import { cutRightColumn, dropNationalTitleLead } from "./header-columns.js";
import { isBodyName, trailingName } from "../../grammars/document/layout-zones.js";
import { FOOTNOTE_BODY, isAllCaps } from "../../grammars/document/line-patterns.js";
import type { LineIndex } from "../input/line-index.js";

/** The parts of a record that come from the document's structure, with the spans citations need. */
export interface StructureResult {
  fields: Omit<DocumentRecord, "schemaVersion" | "id" | "source" | "citations" | "diagnostics">;
  /** Text regions by where they stand, for the citation finder. */
  regions: { start: number; end: number; context: "basis" | "body" | "footnote" | "annex" | "title" | "recipients" }[];
  /** Each basis's region, in the order of `fields.bases`. */
  basisRegions: { start: number; end: number }[];
  diagnostics: Diagnostic[];
  /** The page has a header block (a Quốc hiệu, a Party line, a tiêu ngữ or a number line). */
  hasHeader: boolean;
}

const NUMBER_IN_LINE = /S[ốỐ]\s*[:.]?\s*((?:\d[\d.]*)?\s*(?:\/\s*(?:19|20)\d{2}\s*)?[/-]\s*[\p{L}\d&.]+(?:\s*[-–/]\s*[\p{L}\d&.]+)*(?:\s+\p{Lu}{1,2}(?=\s|$))*)/u;
// The enacting authority above the preamble of a decision (`ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ`,
// `THỦ TƯỚNG CHÍNH PHỦ`, `GIÁM ĐỐC TRUNG TÂM ...`), which is not part of the title.
const AUTHORITY_LINE = /^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|THỦ TƯỚNG|CHÍNH PHỦ|BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ|BAN BÍ THƯ|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)(?![\p{L}])/u;
// Four or more words in capitals, then a capitalised word in lower case opening a sentence.
const CAPS_TITLE_RUN = /^((?:[\p{Lu}\d][\p{Lu}\d,.;()-]*\s+){3,}[\p{Lu}\d][\p{Lu}\d,.;()-]*)\s+(?=\p{Lu}\p{Ll})/u;
const SIGNING_OFFICE_START = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CHỦ NHIỆM|BÍ THƯ|THỨ TRƯỞNG|TRƯỞNG PHÒNG)(?![\p{L}])/u;
const TELEGRAM_ADDRESS = /^[\p{Lu}\s]{3,60}\sđiện\s*:\s*/u;
const TITLE_BREAKERS = new Set(["NationalTitle", "Motto", "PartyTitle", "PlaceDate", "NumberLine", "Separator"]);
const HEADER_EVIDENCE = new Set(["NationalTitle", "Motto", "PartyTitle", "NumberLine"]);
const PLACE_DATE = /^(.{2,60}?)[,.]?\s*(ngày\b.*)$/u;

/** Reads the record's structural fields from the CST of a document. */
export function buildStructure(cst: CstNode, text: string, lineIndex: LineIndex): StructureResult {
  const diagnostics: Diagnostic[] = [];
  const regions: StructureResult["regions"] = [];
  const header = linesOf(nodesOf(cst, "header")[0]);
  const frontNode = nodesOf(cst, "front")[0];
  const body = linesOf(nodesOf(cst, "body")[0]);
  const closingNode = nodesOf(cst, "closing")[0];
  const annexNodes = nodesOf(cst, "annex");

  // Header: Quốc hiệu or the Party line, number, place and date, issuer lines, type and title.
  let system: DocumentRecord["system"] = null;
  let number: DocNumber | null = null;
  let place: string | null = null;
  let date: ParsedDate | null = null;
  let docTypeName: string | null = null;
  let title: string | null = null;
  const issuerLines: string[] = [];
  const titleLines: IToken[] = [];
  // The part of a title line that is title, where it is not the whole line (a title glued to its
  // type name, a caps title run into the prose after it).
  const titleText = new Map<IToken, string>();
  let inTitle = false;
  let subjectInNumber: string | null = null;
  let titleIsCaps = false;
  for (const t of header) {
    const kind = t.tokenType.name;
    const line = t.image.trim();
    // A V/v under the number wraps in its cell; the right column's lines after it are not its words.
    if (inTitle && !TITLE_BREAKERS.has(kind)) {
      titleLines.push(t);
      continue;
    }
    switch (kind) {
      case "NationalTitle": {
        system ??= "state";
        dropNationalTitleLead(issuerLines, line);
        // Tab-aligned columns can run the issuer's second line into the Quốc hiệu's.
        const tail = /VI[ỆE]T\s+NAM\s+(.+)$/iu.exec(line)?.[1];
        if (tail && /^(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường)\s/iu.test(tail) && !date) issuerLines.push(tail.toUpperCase());
        break;
      }
      case "Motto":
        system ??= "state";
        break;
      case "PartyTitle":
        system = "party";
        break;
      case "NumberLine": {
        const m = NUMBER_IN_LINE.exec(line);
        if (m && !number) {
          number = readNumber(m[1]!);
          const after = line.slice((m.index ?? 0) + m[0].length).trim();
          // A công văn's trích yếu may share the number's cell (`Số: 5155/SGDĐT-... Về hướng dẫn ...`).
          const subject = /^(?:[Vv]\/[vV][.:]?\s*|Về\s)/u.exec(after);
          if (subject && !readDate(after)) {
            subjectInNumber = cutRightColumn(after);
          } else if (after) readPlaceDate(after);
        }
        break;
      }
      case "PlaceDate":
        readPlaceDate(line);
        break;
      case "DocTypeLine":
        takeTypeLine(t);
        inTitle = true;
        break;
      case "SubjectLine":
        titleLines.push(t);
        inTitle = true;
        break;
      case "CapsLine":
        // Codes with digits (`XV80`) are filing marks, not names.
        if (!date && !docTypeName && !/\d/u.test(line)) issuerLines.push(line.replace(/\s*\*+\s*$/u, ""));
        break;
      case "TextLine": {
        // A body's name whose upper-case font came out lower case (`ủy Ban Nhân Dân`, from TCVN3 `.VnTimeH`).
        if (!date && !docTypeName && number === null && isBodyName(line)) {
          issuerLines.push(line.toUpperCase());
          break;
        }
        // TCVN3 has no toned capitals, so a decoded issuer line may come back part lower case
        // (`HUYỆN Tứ Kỳ`): a short line opening with an upper-case word, right under an issuer line.
        if (!date && !docTypeName && issuerLines.length && line.length < 60 && /^\p{Lu}{2,}\s/u.test(line) && header[header.indexOf(t) - 1]?.tokenType.name === "CapsLine") {
          issuerLines.push(line);
          break;
        }
        // A chunk prefix glued before the issuer (`Quyết định 435/QĐ-UBND năm 2020. ỦY BAN ...`).
        const caps = /(?:^|\.\s)((?:[\p{Lu}\d]+[\s,-]*){2,})$/u.exec(line);
        if (caps && isAllCaps(caps[1]!) && !date) issuerLines.push(caps[1]!.trim());
        break;
      }
    }
  }
  function takeTypeLine(t: IToken): void {
    const { name, rest } = splitTypeLine(t.image.trim());
    docTypeName = name;
    if (rest && !/^của\s/iu.test(rest)) {
      titleLines.push(t);
      titleText.set(t, rest);
      titleIsCaps = isAllCaps(rest);
    }
  }
  function readPlaceDate(line: string): void {
    if (date) return;
    const d = readDate(line);
    if (!d) return;
    date = d;
    const pm = PLACE_DATE.exec(line.slice(0, d.index + d.raw.length));
    const p = pm?.[1]?.replace(/[*_]/g, "").replace(/[,.\s]+$/u, "").trim();
    if (p && p.length >= 2 && !/\d/.test(p)) place = p.replace(/\s+/g, " ");
  }

  // Front matter: title continuation lines, Kính gửi, the authority line, the preamble.
  const frontLines = linesOf(frontNode);
  const addresseeNodes = nodesOf(frontNode, "addressees");
  const basisNodes = nodesOf(frontNode, "basis");
  // A plan titled by its verb (`KẾ HOẠCH` / `Triển khai …`, `Thực hiện Nghị quyết số 29-NQ/TW …`):
  // the line under the type name reads as a basis, but a basis is a sentence and ends with its
  // punctuation; a title does not.
  const titledBasis = basisNodes[0] && titleLikeBasis(basisNodes[0], frontLines, header) ? basisNodes.shift()! : null;
  if (titledBasis) titleLines.push(...linesOf(titledBasis));
  const inSub = new Set<IToken>([...addresseeNodes.flatMap((n) => linesOf(n)), ...basisNodes.flatMap((n) => linesOf(n))]);
  const firstBasisOffset = basisNodes.length ? linesOf(basisNodes[0])[0]!.startOffset : Infinity;
  const intro: IToken[] = [];
  // The enacting authority between the title and the preamble (`ỦY BAN THƯỜNG VỤ QUỐC HỘI`).
  let authorityLine: string | null = null;
  for (const t of frontLines) {
    if (inSub.has(t)) continue;
    const kind = t.tokenType.name;
    // A title in capitals that the line joiner ran into the sentence after it (a consolidated
    // text's `VỀ … ĐỊA PHƯƠNG Quyết định số 142/2008/QĐ-TTg …`): the capitals are the title.
    const capsRun = titleLines.length === 0 && docTypeName !== null && !isAllCaps(t.image) ? CAPS_TITLE_RUN.exec(t.image) : null;
    const continuesTitle =
      (docTypeName !== null || titleLines.length > 0 || kind === "SubjectLine") &&
      t.startOffset < firstBasisOffset &&
      intro.length === 0 &&
      kind !== "EnactingLine" &&
      (kind === "SubjectLine" || titleLines.length === 0 || onlySubjectLabel(titleLines) || (titleIsCaps && kind === "CapsLine") || /^\p{Ll}/u.test(t.image)) &&
      !(titleLines.length > 0 && (kind === "CapsLine" || /^\p{Ll}\p{Lu}/u.test(t.image)) && AUTHORITY_LINE.test(t.image.toUpperCase())) &&
      (t.image.length < 400 || capsRun !== null);
    if (continuesTitle) {
      titleLines.push(t);
      if (capsRun) titleText.set(t, capsRun[1]!);
      if (titleLines.length === 1) titleIsCaps = isAllCaps(titleText.get(t) ?? t.image);
      continue;
    }
    if (kind === "DocTypeLine" && !docTypeName && t.startOffset < firstBasisOffset) {
      takeTypeLine(t);
      continue;
    }
    if (kind === "NumberLine" && !number) {
      const m = NUMBER_IN_LINE.exec(t.image);
      if (m) number = readNumber(m[1]!);
      continue;
    }
    // A công văn's header columns: the V/v under the number may come before the place and date.
    if (kind === "PlaceDate" && !date && t.startOffset < firstBasisOffset) {
      readPlaceDate(t.image);
      continue;
    }
    if (kind === "CapsLine" && authorityLine === null && t.startOffset < firstBasisOffset && AUTHORITY_LINE.test(t.image.trim())) authorityLine = t.image;
    if (kind !== "EnactingLine" && kind !== "Separator") intro.push(t);
  }
  if (!titleLines.length && subjectInNumber && !docTypeName) title = subjectInNumber.replace(/^[Vv]\/[vV][.:]?\s*/u, "").trim();
  if (titleLines.length) {
    // The record drops `V/v` from a công văn's trích yếu (its only title); under a type name the
    // line is kept as written (`QUYẾT ĐỊNH` / `V/v ban hành ...`).
    const joined = titleLines.map((t) => cutRightColumn(titleText.get(t) ?? t.image).trim()).join(" ");
    // A công điện's trích yếu is a công văn's (`CÔNG ĐIỆN` / `V/V TẬP TRUNG …`): its label goes too.
    const keepLabel = docTypeName !== null && !/^C[ÔO]NG ĐIỆN$/iu.test(docTypeName);
    title = (keepLabel ? joined : joined.replace(/^V\/[vV][.:]?\s*/u, "")).replace(/\s+/g, " ").trim();
    const first = titleLines[0]!;
    const last = titleLines[titleLines.length - 1]!;
    regions.push({ start: first.startOffset, end: last.endOffset! + 1, context: "title" });
  }

  const addressees: string[] = [];
  for (const n of addresseeNodes) {
    for (const [i, t] of linesOf(n).entries()) {
      let line = t.image.trim();
      if (i === 0) line = line.replace(/^Kính\s*gửi\s*:?\s*/u, "").replace(TELEGRAM_ADDRESS, "");
      for (const item of line.split(/(?<=;)\s*-\s+/u)) {
        const name = item.replace(/^[-–+•]\s*/u, "").replace(/[;,.]+\s*$/u, "").trim();
        if (name) addressees.push(name);
      }
    }
  }

  // Preamble statements: one per `;` of each basis paragraph (`Căn cứ Luật A; Luật B;` counts two).
  const bases: Basis[] = [];
  const basisRegions: StructureResult["basisRegions"] = [];
  for (const n of basisNodes) {
    const lines = linesOf(n);
    const start = lines[0]!.startOffset;
    const end = lines[lines.length - 1]!.endOffset! + 1;
    for (const piece of splitStatements(text, start, end)) {
      const raw = text.slice(piece.start, piece.end).replace(/\s+/g, " ").trim();
      const verbMatch = /^(?:-\s*)?(căn cứ|thực hiện|triển khai|theo đề nghị|xét đề nghị|xét|trên cơ sở|dựa trên|tiếp theo)/iu.exec(raw);
      bases.push({ raw, verb: verbMatch ? verbMatch[1]!.toLowerCase().replace(/^xét đề nghị$/u, "xét") : null, span: lineIndex.span(piece.start, piece.end - piece.start), citations: [] });
      basisRegions.push(piece);
      regions.push({ ...piece, context: "basis" });
    }
  }

  // Body, footnotes.
  const footnotes: Footnote[] = [];
  const bodyLines: IToken[] = [...intro];
  for (const t of body) {
    if (t.tokenType.name === "FootnoteLine" || isNextFootnote(t)) takeFootnote(t);
    else bodyLines.push(t);
  }
  function takeFootnote(t: IToken): void {
    const m = FOOTNOTE_BODY.exec(t.image) ?? /^(\d{1,3})\s+/u.exec(t.image);
    footnotes.push({ label: m?.[1] ?? "", text: t.image.slice(m?.[0].length ?? 0).trim() });
    regions.push({ start: t.startOffset, end: t.endOffset! + 1, context: "footnote" });
  }
  // After footnote n, a line `n+1 Text` is footnote n+1 even where the converter lost its mark.
  function isNextFootnote(t: IToken): boolean {
    const last = footnotes[footnotes.length - 1];
    if (!last || !/^\d+$/u.test(last.label) || t.tokenType.name !== "TextLine") return false;
    return t.image.startsWith(`${Number(last.label) + 1} `) && /^\d+\s+\p{Lu}/u.test(t.image);
  }
  if (bodyLines.length) regions.push({ start: bodyLines[0]!.startOffset, end: bodyLines[bodyLines.length - 1]!.endOffset! + 1, context: "body" });
  const built = buildSections(bodyLines, diagnostics);

  // Closing: Nơi nhận and the signature, wherever they stand relative to each other.
  const recipientNodes = nodesOf(closingNode, "recipients");
  const recipientLines = new Set(recipientNodes.flatMap((n) => linesOf(n)));
  const recipients: Recipient[] = recipientNodes.flatMap((n) => readRecipients(linesOf(n).map((t) => t.image)));
  for (const n of recipientNodes) {
    const ls = linesOf(n);
    regions.push({ start: ls[0]!.startOffset, end: ls[ls.length - 1]!.endOffset! + 1, context: "recipients" });
  }
  const signatureLines: string[] = [];
  const closingRest: IToken[] = [];
  for (const t of linesOf(closingNode)) {
    if (recipientLines.has(t)) continue;
    if (t.tokenType.name === "FootnoteLine" || isNextFootnote(t)) {
      takeFootnote(t);
      continue;
    }
    closingRest.push(t);
  }
  // The signature is the run that starts at the first office line of the closing.
  // A signature cell flattened onto one line reads as prose: offices in capitals, then the name
  // (`TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Văn A`).
  const officeAt = closingRest.findIndex((t) => t.tokenType.name === "AuthorityLine" || (t.tokenType.name === "CapsLine" && t.image.length < 80) || (t.tokenType.name === "TextLine" && t.image.length < 120 && isSignatureCell(t.image)));
  if (officeAt >= 0) for (const t of closingRest.slice(officeAt)) signatureLines.push(t.image);
  const signature: Signature | null = readSignature(signatureLines);
  if (!signature && closingRest.length) diagnostics.push({ severity: "info", code: "no-signature", message: "the closing holds no recognisable signature", line: closingRest[0]!.startLine ?? 0, column: 1 });

  // Annexes.
  const annexes: Annex[] = [];
  for (const n of annexNodes) {
    const ls = linesOf(n);
    if (!ls.length) continue;
    const [head, ...rest] = ls;
    const titleParts = [head!.image.trim()];
    let i = 0;
    while (i < rest.length && (rest[i]!.tokenType.name === "CapsLine" || rest[i]!.tokenType.name === "AnnexLine" || /^\(.*\)$/u.test(rest[i]!.image.trim())) && titleParts.length < 4) titleParts.push(rest[i++]!.image.trim());
    const annexBody: IToken[] = [];
    for (const t of rest.slice(i)) {
      if (t.tokenType.name === "FootnoteLine" || isNextFootnote(t)) takeFootnote(t);
      else annexBody.push(t);
    }
    const sections = buildSections(annexBody, []).sections;
    annexes.push({ title: titleParts.join(" "), sections });
    regions.push({ start: head!.startOffset, end: ls[ls.length - 1]!.endOffset! + 1, context: "annex" });
  }

  // No header: the document may name itself in its annex's caption (`(Kèm theo Hướng dẫn số
  // 12-HD/BTGTW, ngày 03/5/2024 của Ban …)`): its own number, date and issuer.
  const own = number === null ? ownAnnexCaption(annexes, docTypeName) : null;
  if (own) {
    number = readNumber(own.number);
    date ??= own.date ? readDate(own.date) : null;
  }

  // Type: the type-name line, else the form (V/v or Kính gửi without a type name is a công văn),
  // else the number's type code.
  let docType: DocType | null = null;
  const party = system === "party" || (number !== null && /^\d*-/u.test(number.raw.replace(/\s+/g, "")) && (number.raw.includes("/") ?? false));
  if (docTypeName) {
    const entry = docTypeByName(sentenceName(docTypeName), party);
    if (entry) docType = { code: entry.code, name: entry.name };
    // A Party `QUY ĐỊNH` numbered `QĐ/TW` is a Quy định (QĐi), not a Quyết định.
    if (docType?.code === "QyĐ" && party) docType = { code: "QĐi", name: "Quy định" };
  }
  // A văn bản hợp nhất carries the type name of the text it consolidates (`QUYẾT ĐỊNH`) over a
  // number of its own (`92/VBHN-BQP`): the number says what the document is.
  if ((!docType || docTypeByCode(number?.typeCode ?? "")?.code === "VBHN") && number?.typeCode) {
    const entry = docTypeByCode(number.typeCode);
    if (entry) docType = { code: entry.code, name: entry.name };
  }
  // A law's number has no type code (`41/2024/QH15`): its issuer's code says what it is.
  if (!docType && number && !number.typeCode && number.issuerCode) {
    const implied = impliedTypeCode(number.issuerCode);
    const entry = implied ? docTypeByCode(implied) : undefined;
    if (entry) docType = { code: entry.code, name: entry.name };
  }
  const hasSubject = titleLines.some((t) => t.tokenType.name === "SubjectLine") || subjectInNumber !== null;
  if (!docTypeName && hasSubject) docType = null;
  if (!docType && (number || addressees.length || hasSubject) && (addressees.length || hasSubject || (number && !number.typeCode))) {
    docType = { code: "CV", name: "Công văn" };
  }
  // A công văn's symbol is issuer-unit (`5348/CT-CS` of the Cục Thuế): no type code in it.
  if (docType?.code === "CV" && number?.typeCode && !docTypeName && number.typeCode !== "CV") {
    number = { ...number, typeCode: null, issuerCode: `${number.typeCode}-${number.issuerCode ?? ""}`.replace(/-$/, "") };
  }
  if (!system) system = party ? "party" : docType || number || signature ? "state" : null;

  // Issuer: the header's lines, else inferred from the body.
  let issuer: Issuer | null = readIssuer(issuerLines.map(cutRightColumn));
  if (!issuer && own?.issuer) issuer = { name: sentenceCase(own.issuer), parent: null, inferred: true };
  if (!issuer) {
    issuer = (authorityLine && issuerFromAuthority(authorityLine)) || inferIssuer(text);
    if (!issuer && header.length === 0) diagnostics.push({ severity: "info", code: "no-header", message: "the document has no header block: issuer, number and date are unknown", line: 1, column: 1 });
  }

  if (title && issuer) title = dropTrailingAuthority(title, issuer);

  // A date only in an annex caption (`Kèm theo Nghị định số ... ngày ...`) when the header lost it.
  if (!date && number?.seq) {
    const own = new RegExp(`(?:kèm theo|ban hành kèm theo)[^\\n]{0,40}?${number.seq}\\s*/[^\\n]{0,40}?(ngày[^\\n)]{0,40}năm\\s*\\d{4})`, "iu").exec(text);
    if (own) date = readDate(own[1]!);
  }
  date ??= readPassageDate(text);

  return {
    fields: {
      system,
      issuer,
      number,
      place,
      date: date ? { raw: (date as ParsedDate).raw, iso: (date as ParsedDate).iso } : null,
      docType,
      title: title || null,
      addressees,
      bases,
      sections: built.sections,
      annexes,
      footnotes,
      recipients,
      signature,
      intro: built.intro,
    } as StructureResult["fields"],
    regions,
    basisRegions,
    diagnostics,
    hasHeader: header.some((t) => HEADER_EVIDENCE.has(t.tokenType.name)),
  };
}

// `(Kèm theo <type> số <number>, ngày <date> của <issuer>)` in an annex's caption.
const ANNEX_CAPTION = /\((?:Ban hành )?[Kk]èm theo\s+(\p{Lu}[\p{Ll}\s]{2,25}?)\s+số\s*([\p{L}\d][\p{L}\d/.-]*[\p{L}\d])\s*,?\s*(ngày\s*\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}\s*(?:\/|năm)\s*\d{4})?\s*(?:của\s+([^)]{3,120}))?\)/u;

/** The number, date and issuer an annex's caption gives its own document (of type `typeName`, when known). */
function ownAnnexCaption(annexes: Annex[], typeName: string | null): { number: string; date: string | null; issuer: string | null } | null {
  for (const a of annexes) {
    const m = ANNEX_CAPTION.exec(a.title ?? "");
    if (!m) continue;
    if (typeName && sentenceName(typeName) !== sentenceName(m[1]!.trim())) continue;
    return { number: m[2]!, date: m[3] ?? null, issuer: m[4]?.trim() ?? null };
  }
  return null;
}

/** True when a line is a signature's offices in capitals followed by the signer's name. */
function isSignatureCell(line: string): boolean {
  const name = trailingName(line.trim());
  const offices = name ? line.trim().slice(0, -name.length).trim() : "";
  return offices.length > 0 && isAllCaps(offices) && SIGNING_OFFICE_START.test(offices);
}

/** True when a preamble node stands right under the type name and reads as a title (no closing punctuation). */
function titleLikeBasis(node: CstNode, frontLines: IToken[], header: IToken[]): boolean {
  const lines = linesOf(node);
  const first = lines[0]!;
  const at = frontLines.indexOf(first);
  const before = at > 0 ? frontLines[at - 1] : header[header.length - 1];
  if (lines.length !== 1 || before?.tokenType.name !== "DocTypeLine") return false;
  const line = first.image.trim();
  return /^(?:Triển khai|Thực hiện)\s/u.test(line) && line.length < 300 && !/[;,.:]$/u.test(line);
}

/** True when the title so far is a bare `V/v:` whose subject went to the next line. */
function onlySubjectLabel(titleLines: IToken[]): boolean {
  return titleLines.length === 1 && /^V\/[vV][.:]?\s*$/u.test(titleLines[0]!.image.trim());
}

function sentenceName(name: string): string {
  const lower = name.toLowerCase();
  return lower[0]!.toUpperCase() + lower.slice(1);
}

// What opens a statement of its own after a `;`: a basis verb, `đồng thời`, or a document named by
// its type (`Căn cứ Luật A; Luật B;`, `Xét Tờ trình ...; Báo cáo thẩm tra ...; Ý kiến thảo luận ...`).
// Anything else after a `;` continues the statement (`... ủy quyền thực hiện Phê duyệt A; Phê duyệt B`).
const STATEMENT_START = new RegExp(
  `^(?:(?:-\\s*)?(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|theo đề nghị|Xét|Trên cơ sở|Dựa trên|(?:đồng thời|Đồng thời),?\\s+(?:trên cơ sở|căn cứ|theo đề nghị|thực hiện|xét))|(?:${DOC_TYPES.map((t) => t.name).join("|")}|Văn bản|Ý kiến|ý kiến|Chương trình hành động)(?![\\p{L}]))`,
  "u",
);

/** True when a statement opens here and names a numbered document within its first words. */
function citesNumberedDocument(head: string): boolean {
  return STATEMENT_START.test(head) && /^[^.;]{0,40}?\ssố\s*\d/u.test(head);
}

/** Splits a preamble paragraph into statements at `;` (outside brackets and quotes). */
function splitStatements(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "“") depth++;
    else if ((ch === ")" || ch === "”") && depth > 0) depth--;
    else if (ch === ";" && depth === 0) {
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    } else if (ch === "." && depth === 0 && /^\.\s+\p{Lu}/u.test(text.slice(i, i + 3)) && citesNumberedDocument(text.slice(i + 1, i + 80).trimStart())) {
      // A full stop standing for a semicolon before the next document (`… 16/2006/QĐ-BGDĐT. Thông tư số 28/…`).
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    } else if (ch === "," && depth === 0 && /^,\s*(?:theo|xét) đề nghị/iu.test(text.slice(i, i + 20))) {
      // `Dựa trên ..., theo đề nghị của ...`: a second ground in the same sentence.
      push(pieceStart, i + 1);
      pieceStart = i + 1;
    }
  }
  push(pieceStart, end);
  return out;

  function push(s: number, e: number): void {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (!(e - s >= 8 && /\p{L}{2}/u.test(text.slice(s, e)))) return;
    const last = out[out.length - 1];
    if (last && !STATEMENT_START.test(text.slice(s, e))) last.end = e;
    else out.push({ start: s, end: e });
  }
}

export { foldUpper };

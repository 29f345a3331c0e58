// The document record, version 1 (../shared/spec/record-format.md): the public contract of the
// parser. Types are inferred from these schemas so the two can never drift apart.
import { z } from "zod";
import { ADMINISTRATIVE_LEVEL_NAMES } from "../../grammars/vocabulary/administrative-levels.js";

/** A position in the clean text that `decodeDocument` returns (the text every span refers to). */
export const Span = z.object({
  line: z.number().int().min(1).describe("1-based line in the clean text"),
  column: z.number().int().min(1).describe("1-based column in the clean text"),
  offset: z.number().int().min(0).describe("0-based UTF-16 offset in the clean text"),
  length: z.number().int().min(0),
});
export type Span = z.infer<typeof Span>;

/** A document type (tên loại) with its abbreviation as used in numbers. */
export const DocType = z.object({
  code: z.string().describe("abbreviation from NĐ 30/2020 Phụ lục III or the Party's own (KH, QĐ, KL, QĐi, CV ...)"),
  name: z.string().describe("the type's name in sentence case (Kế hoạch)"),
});
export type DocType = z.infer<typeof DocType>;

/** Where a citation stands in the document. */
export const CitationContext = z.enum(["basis", "body", "footnote", "annex", "title", "recipients", "self"]);
export type CitationContext = z.infer<typeof CitationContext>;

/** How a citation was recognised. */
export const CitationVia = z.enum(["number", "alias", "name"]);
export type CitationVia = z.infer<typeof CitationVia>;

/** One reference to another document (or to the document itself, `context: "self"`). */
export const Citation = z.object({
  raw: z.string().describe("the exact span of source text"),
  docType: DocType.nullable(),
  number: z.string().nullable().describe("the sequence part of the number, as written without padding changes (\"29\")"),
  year: z.number().int().nullable().describe("the year inside the number (30/2020/NĐ-CP → 2020)"),
  issuerCode: z.string().nullable().describe("TW in 29-NQ/TW, UBND in 113/KH-UBND"),
  date: z.string().nullable().describe("ISO date when written"),
  issuer: z.string().nullable().describe("the body named after `của`"),
  subject: z.string().nullable().describe("the `về ...` clause"),
  key: z.string().nullable().describe("canonical identity shared by every spelling of one document"),
  via: CitationVia,
  span: Span,
  context: CitationContext,
  target: z.string().nullable().describe("id of the collection document it resolves to"),
  nested: z.boolean().optional().describe("true when the reference stands inside another reference's subject"),
});
export type Citation = z.infer<typeof Citation>;

/** One node of the body tree. */
export const SectionKind = z.enum(["part", "chapter", "article", "roman", "arabic", "decimal", "letter", "bullet"]);
export type SectionKind = z.infer<typeof SectionKind>;

export interface Section {
  marker: string | null;
  kind: SectionKind;
  heading: string | null;
  text: string[];
  children: Section[];
}
/** A node of the body hierarchy: marker as written, its kind, heading, own paragraphs and children. */
export const Section: z.ZodType<Section> = z.lazy(() =>
  z.object({
    marker: z.string().nullable(),
    kind: SectionKind,
    heading: z.string().nullable(),
    text: z.array(z.string()),
    children: z.array(Section),
  }),
);

/** One statement of the preamble (căn cứ, thực hiện, theo đề nghị, xét ...). */
export const Basis = z.object({
  raw: z.string(),
  verb: z.string().nullable().describe("the opening verb in lower case: căn cứ, thực hiện, theo đề nghị, xét, trên cơ sở ..."),
  span: Span,
  citations: z.array(Citation),
});
export type Basis = z.infer<typeof Basis>;

/** An attached part after the signature (PHỤ LỤC, ĐỀ CƯƠNG BÁO CÁO ...). */
export const Annex = z.object({
  title: z.string().nullable(),
  sections: z.array(Section),
});
export type Annex = z.infer<typeof Annex>;

/** A footnote body with its label as written. */
export const Footnote = z.object({ label: z.string(), text: z.string() });
export type Footnote = z.infer<typeof Footnote>;

/** One Nơi nhận entry. */
export const Recipient = z.object({
  name: z.string(),
  note: z.string().nullable().describe("a parenthesised purpose such as `để báo cáo`"),
});
export type Recipient = z.infer<typeof Recipient>;

/** Signature authority prefixes (Party T/M, K/T, T/L map onto the same). */
export const Authority = z.enum(["TM", "KT", "TL", "TUQ", "Q"]);
export type Authority = z.infer<typeof Authority>;

/** The main signature block. */
export const Signature = z.object({
  onBehalfOf: z.string().nullable(),
  authority: Authority.nullable(),
  principal: z.string().nullable(),
  title: z.string().nullable(),
  signer: z.string().nullable(),
});
export type Signature = z.infer<typeof Signature>;

/** Something odd or unparseable, with where it is. */
export const Diagnostic = z.object({
  severity: z.enum(["error", "warning", "info", "suspect"]).describe("`suspect`: the fields read but fail a plausibility check (code `suspect-<check>`); verify the record"),
  code: z.string(),
  message: z.string(),
  line: z.number().int().min(0),
  column: z.number().int().min(0),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** The formats `source.format` names: the file's own format, not its encoding ("text" and "markdown" as in schema version 1). */
export const SOURCE_FORMATS = ["text", "markdown", "docx", "doc", "rtf", "pdf", "html"] as const;

/** Where the record came from. */
export const Source = z.object({
  path: z.string().nullable(),
  sha256: z.string(),
  format: z.enum(SOURCE_FORMATS).describe("the file's format: text, markdown, docx, doc, rtf, pdf or html"),
  encoding: z.string(),
});
export type Source = z.infer<typeof Source>;

/** A document number (số, ký hiệu) split into its parts. */
export const DocNumber = z.object({
  raw: z.string(),
  seq: z.string().nullable(),
  year: z.number().int().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
});
export type DocNumber = z.infer<typeof DocNumber>;

/** The issuing body. */
/** Where a local body sits: its administrative level and the place's name (`huyện` `Bình Sơn`). */
export const Locality = z.object({
  level: z.enum(ADMINISTRATIVE_LEVEL_NAMES).describe("the level in full: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu"),
  name: z.string().describe("the place's name as the issuer's name writes it (`Bình Sơn`, `Hồ Chí Minh`)"),
});
export type Locality = z.infer<typeof Locality>;

export const Issuer = z.object({
  name: z.string(),
  parent: z.string().nullable(),
  inferred: z.boolean(),
  locality: Locality.nullable()
    .optional()
    .describe("the locality the issuer's name gives (the first level it names is the body's own), null for a body with none (a ministry, the Party's Central Committee); set by the parse (an extension of the v1 contract)"),
});
export type Issuer = z.infer<typeof Issuer>;

/** The document's date as written and as ISO (possibly partial: YYYY-MM or YYYY). */
export const DocDate = z.object({
  raw: z.string(),
  iso: z.string().nullable(),
});
export type DocDate = z.infer<typeof DocDate>;

/** One page of a PDF: where its text begins in the clean text, how it was read, and the furniture removed from it. */
export const Page = z.object({
  number: z.number().int().min(1).describe("1-based page number in the PDF"),
  offset: z.number().int().min(0).describe("0-based UTF-16 offset in the clean text where the page begins: a span is on the last page whose offset is at or before it"),
  line: z.number().int().min(1).describe("1-based line in the clean text where the page begins"),
  ocr: z.object({ engine: z.string(), confidence: z.number().min(0).max(100) }).nullable().describe("set when the page's text was read by OCR, with the engine's mean word confidence"),
  furniture: z.array(z.object({ kind: z.enum(["running-head", "page-number", "rule", "stamp", "section-heading"]), text: z.string() })).describe("what was removed from the page as furniture"),
});
export type Page = z.infer<typeof Page>;

/** The signing metadata of a digital-signature stamp (`Ký bởi: … Cơ quan: … Ngày ký: …`). */
export const Signing = z.object({
  signer: z.string().nullable().describe("Ký bởi / Người ký"),
  organization: z.string().nullable().describe("Cơ quan"),
  email: z.string().nullable(),
  raw: z.string().nullable().describe("the signing time as written"),
  date: z.string().nullable().describe("the signing date, ISO"),
  page: z.number().int().min(1),
});
export type Signing = z.infer<typeof Signing>;

/** The record of one document (schema version 1). */
export const DocumentRecord = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  source: Source,
  system: z.enum(["state", "party"]).nullable(),
  issuer: Issuer.nullable(),
  number: DocNumber.nullable(),
  place: z.string().nullable(),
  date: DocDate.nullable(),
  docType: DocType.nullable(),
  title: z.string().nullable(),
  addressees: z.array(z.string()),
  bases: z.array(Basis),
  sections: z.array(Section),
  intro: z.array(z.string()).describe("body paragraphs before the first numbered section (an extension of the v1 contract)"),
  annexes: z.array(Annex),
  footnotes: z.array(Footnote),
  recipients: z.array(Recipient),
  signature: Signature.nullable(),
  citations: z.array(Citation),
  diagnostics: z.array(Diagnostic),
  pages: z.array(Page).optional().describe("a PDF's pages (an extension of the v1 contract; absent for other formats)"),
  signing: z.array(Signing).optional().describe("a PDF's digital-signature stamps (an extension of the v1 contract)"),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

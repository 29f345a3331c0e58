// The visitor of the document grammar's CST (grammars/document/document-cst.d.ts), after
// Chevrotain's calculator_pure_grammar example: one method per rule, each reading its part of the
// layout into the draft. The parts are read in document order, so regions and footnotes keep it.
import type { IToken } from "chevrotain";
import { documentGrammar } from "../../grammars/document/document-parser.js";
import type {
  AddresseesCstChildren,
  AnnexCstChildren,
  BasisCstChildren,
  BodyCstChildren,
  ClosingCstChildren,
  DocumentCstChildren,
  FrontCstChildren,
  HeaderCstChildren,
  ICstNodeVisitor,
  PrefaceCstChildren,
  RecipientsCstChildren,
  TrailerCstChildren,
} from "../../grammars/document/document-cst.js";
import { inTextOrder, linesIn } from "./cst-lines.js";
import { readHeader } from "./read-header.js";
import { readFrontMatter } from "./read-front-matter.js";
import { readAddressees } from "./read-addressees.js";
import { readBases } from "./read-bases.js";
import { takeFootnote } from "./collect-footnotes.js";
import { buildSections } from "./build-sections.js";
import { readRecipients } from "./read-recipients.js";
import { readClosingSignature } from "./read-closing.js";
import { readAnnex } from "./read-annex.js";
import type { StructureDraft } from "./structure-draft.js";

const BaseVisitor = documentGrammar().getBaseCstVisitorConstructor<StructureDraft, void>();

/** Reads each part of the document's CST into a draft (one instance for the process: it keeps no state). */
class StructureVisitor extends BaseVisitor implements ICstNodeVisitor<StructureDraft, void> {
  constructor() {
    super();
    this.validateVisitor();
  }

  // Every part is read even where error recovery left its node out: an empty part still settles
  // what it decides (the title from the header's lines, the body from the front's opening lines).
  document(ctx: DocumentCstChildren, d: StructureDraft): void {
    this.header(ctx.header?.[0]?.children ?? {}, d);
    this.front(ctx.front?.[0]?.children ?? {}, d);
    this.body(ctx.body?.[0]?.children ?? {}, d);
    this.closing(ctx.closing?.[0]?.children ?? {}, d);
    for (const n of inTextOrder(ctx.annex)) this.visit(n, d);
  }

  // Page furniture before the header says nothing of the document.
  preface(_ctx: PrefaceCstChildren, _d: StructureDraft): void {}

  header(ctx: HeaderCstChildren, d: StructureDraft): void {
    d.headerLines = linesIn(ctx);
    readHeader(d.headerLines, d.header);
  }

  front(ctx: FrontCstChildren, d: StructureDraft): void {
    const addresseeNodes = inTextOrder(ctx.addressees);
    const basisNodes = inTextOrder(ctx.basis);
    readFrontMatter(linesIn(ctx), addresseeNodes, basisNodes, d);
    for (const n of addresseeNodes) this.visit(n, d);
    for (const n of basisNodes) this.visit(n, d);
  }

  addressees(ctx: AddresseesCstChildren, d: StructureDraft): void {
    d.addressees.push(...readAddressees(linesIn(ctx)));
  }

  basis(ctx: BasisCstChildren, d: StructureDraft): void {
    const lines = linesIn(ctx);
    const start = lines[0]!.startOffset;
    const end = lines[lines.length - 1]!.endOffset! + 1;
    for (const { basis, region } of readBases(d.text, start, end, d.lineIndex)) {
      d.bases.push(basis);
      d.basisRegions.push(region);
      d.regions.push({ ...region, context: "basis" });
    }
  }

  // The body: the front's opening lines, then the sections; footnotes stand apart.
  body(ctx: BodyCstChildren, d: StructureDraft): void {
    const bodyLines: IToken[] = [...d.openingLines];
    for (const t of linesIn(ctx)) if (!takeFootnote(t, d.footnotes, d.regions)) bodyLines.push(t);
    if (bodyLines.length) d.regions.push({ start: bodyLines[0]!.startOffset, end: bodyLines[bodyLines.length - 1]!.endOffset! + 1, context: "body" });
    const built = buildSections(bodyLines, d.diagnostics);
    d.sections = built.sections;
    d.intro = built.intro;
  }

  // Nơi nhận and the signature, wherever they stand relative to each other.
  closing(ctx: ClosingCstChildren, d: StructureDraft): void {
    const recipientNodes = inTextOrder(ctx.recipients);
    for (const n of recipientNodes) this.visit(n, d);
    const recipientLines = new Set(recipientNodes.flatMap((n) => linesIn(n.children)));
    const closingRest: IToken[] = [];
    for (const t of linesIn(ctx)) {
      if (recipientLines.has(t) || takeFootnote(t, d.footnotes, d.regions)) continue;
      closingRest.push(t);
    }
    d.signature = readClosingSignature(closingRest, d.diagnostics);
  }

  recipients(ctx: RecipientsCstChildren, d: StructureDraft): void {
    const lines = linesIn(ctx);
    d.recipients.push(...readRecipients(lines.map((t) => t.image)));
    d.regions.push({ start: lines[0]!.startOffset, end: lines[lines.length - 1]!.endOffset! + 1, context: "recipients" });
  }

  annex(ctx: AnnexCstChildren, d: StructureDraft): void {
    const annex = readAnnex(linesIn(ctx), d.footnotes, d.regions);
    if (annex) d.annexes.push(annex);
  }

  // Page furniture after the document.
  trailer(_ctx: TrailerCstChildren, _d: StructureDraft): void {}
}

/** The one visitor of the process. */
export const structureVisitor = new StructureVisitor();

// The document grammar: a CST parser over line tokens. The layout zones (layout-zones.ts) gate
// each rule, so every line lands in exactly one part of the document, and within the parts the
// rules give the structure (Kính gửi with its items, each preamble statement with its
// continuation lines, Nơi nhận with its items, each annex with its lines).
import type { CstNode, IToken } from "chevrotain";
import { CstParser, EOF } from "../chevrotain.js";
import {
  AddresseesLabel,
  AnyLine,
  BasisLine,
  BulletLine,
  CapsLine,
  FootnoteLine,
  MarkerLine,
  RecipientsLine,
  TextLine,
  documentTokens,
} from "./document-tokens.js";
import type { LayoutZones } from "./layout-zones.js";
import { looksLikeName } from "./layout-zones.js";

/** Zone boundaries as source offsets, which is what the parser's gates can see of a token. */
interface ZoneOffsets {
  header: number;
  front: number;
  body: number;
  closing: number;
  annexes: number[];
  trailer: number;
}

class DocumentParser extends CstParser {
  zones: ZoneOffsets = { header: 0, front: 0, body: 0, closing: 0, annexes: [], trailer: 0 };

  constructor() {
    super(documentTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: true });
    this.performSelfAnalysis();
  }

  private before(bound: () => number): () => boolean {
    return () => {
      const t = this.LA(1);
      return t.tokenType !== EOF && t.startOffset < bound();
    };
  }

  /** Where the annex starting at `start` ends: at the next annex, else at the trailer. */
  private annexEnd(start: number): number {
    return this.zones.annexes.find((a) => a > start) ?? this.zones.trailer;
  }

  // NĐ 30/2020 Điều 8: the document, component by component.
  public document = this.RULE("document", () => {
    this.SUBRULE(this.preface);
    this.SUBRULE(this.header);
    this.SUBRULE(this.front);
    this.SUBRULE(this.body);
    this.SUBRULE(this.closing);
    this.MANY({ GATE: () => this.zones.annexes.includes(this.LA(1).startOffset), DEF: () => this.SUBRULE(this.annex) });
    this.SUBRULE(this.trailer);
  });

  // Page furniture and anything else before the header.
  public preface = this.RULE("preface", () => {
    this.MANY({ GATE: this.before(() => this.zones.header), DEF: () => this.CONSUME(AnyLine) });
  });

  // NĐ 30/2020 Điều 8.1–8.4: Quốc hiệu, tiêu ngữ, issuing body, number, place and date (in any order).
  public header = this.RULE("header", () => {
    this.MANY({ GATE: this.before(() => this.zones.front), DEF: () => this.CONSUME(AnyLine) });
  });

  // NĐ 30/2020 Điều 8.5–8.6: type and title, Kính gửi, the preamble of legal bases.
  public front = this.RULE("front", () => {
    this.MANY({
      GATE: this.before(() => this.zones.body),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [{ ALT: () => this.SUBRULE(this.addressees) }, { ALT: () => this.SUBRULE(this.basis) }, { ALT: () => this.CONSUME(AnyLine) }],
        }),
    });
  });

  // `Kính gửi: A` and its items, one per line, until the text starts.
  public addressees = this.RULE("addressees", () => {
    this.CONSUME(AddresseesLabel);
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        const bound = this.zones.body;
        if (t.tokenType === EOF || t.startOffset >= bound) return false;
        if (t.tokenType === BulletLine) return t.image.length < 200;
        return (t.tokenType === TextLine || t.tokenType === CapsLine) && t.image.length < 90 && /[;,.]$|^\S+(?:\s\S+){0,9}$/u.test(t.image) && !/\s(?:như sau|sau)\s*:?$/u.test(t.image);
      },
      DEF: () => this.CONSUME(AnyLine),
    });
  });

  // One preamble paragraph (`Căn cứ ...;`) and the lines a page break split off it.
  public basis = this.RULE("basis", () => {
    const first = this.CONSUME(BasisLine);
    let last = first.image;
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        return t.tokenType === TextLine && t.startOffset < this.zones.body && !/[;.:,]\s*$/u.test(last) && !/[.;:]\s*["”]?\s*$/u.test(last);
      },
      DEF: () => {
        last = this.CONSUME(TextLine).image;
      },
    });
  });

  // The body: sections, paragraphs, footnote bodies.
  public body = this.RULE("body", () => {
    this.MANY({
      GATE: this.before(() => this.zones.closing),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [{ ALT: () => this.CONSUME(FootnoteLine) }, { ALT: () => this.CONSUME(MarkerLine) }, { ALT: () => this.CONSUME(AnyLine) }],
        }),
    });
  });

  // NĐ 30/2020 Điều 8.7–8.8: Nơi nhận and the signature, in either order or interleaved.
  public closing = this.RULE("closing", () => {
    this.MANY({
      GATE: this.before(() => this.zones.annexes[0] ?? this.zones.trailer),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [{ ALT: () => this.SUBRULE(this.recipients) }, { ALT: () => this.CONSUME(FootnoteLine) }, { ALT: () => this.CONSUME(AnyLine) }],
        }),
    });
  });

  // `Nơi nhận:` and its items (`- ...;`), skipping the signature lines set beside them.
  public recipients = this.RULE("recipients", () => {
    this.CONSUME(RecipientsLine);
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        if (t.tokenType === EOF || t.startOffset >= (this.zones.annexes[0] ?? this.zones.trailer)) return false;
        return t.tokenType === BulletLine || (t.tokenType === TextLine && !looksLikeName(t.image) && /[;,.]$/u.test(t.image));
      },
      DEF: () => this.CONSUME(AnyLine),
    });
  });

  // NĐ 30/2020 Điều 8.9: an attached part (phụ lục, đề cương, quy chế ban hành kèm theo).
  public annex = this.RULE("annex", () => {
    const head = this.CONSUME(AnyLine);
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        return t.tokenType !== EOF && t.startOffset < this.annexEnd(head.startOffset);
      },
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [{ ALT: () => this.CONSUME2(FootnoteLine) }, { ALT: () => this.CONSUME2(MarkerLine) }, { ALT: () => this.CONSUME2(AnyLine) }],
        }),
    });
  });

  // Page furniture after the document.
  public trailer = this.RULE("trailer", () => {
    this.MANY(() => this.CONSUME(AnyLine));
  });
}

/** The one parser of the process; `parseLines` sets its input per document. */
const parser = new DocumentParser();

/** Parses classified lines into the document CST, given the zones found by layout analysis. */
export function parseLines(tokens: IToken[], zones: LayoutZones): { cst: CstNode; errors: typeof parser.errors } {
  const offsetOf = (i: number) => (i >= tokens.length ? Number.MAX_SAFE_INTEGER : tokens[i]!.startOffset);
  parser.zones = {
    header: offsetOf(zones.headerStart),
    front: offsetOf(zones.frontStart),
    body: offsetOf(zones.bodyStart),
    closing: offsetOf(zones.closingStart),
    annexes: zones.annexStarts.map(offsetOf),
    trailer: offsetOf(zones.trailerStart),
  };
  parser.input = tokens;
  const cst = parser.document();
  return { cst, errors: parser.errors };
}

/** The parser, for generating its railroad diagrams and CST types. */
export function documentGrammar(): CstParser {
  return parser;
}

// The legal-reference grammar (../shared/notes/formats.md, "Shapes of a reference"): a CST parser
// over the tokens of reference-tokens.ts. It reads one reference from where the pre-filter found
// one may start, up to the `về` that opens its subject: the subject is free text whose extent
// src/citations finds by scanning the text, and the references inside it are read from their own
// starts (and marked nested). Everything but the type word and the number is optional and the
// date, issuing body and term come in any order, since real documents put them where they like;
// gates look ahead so that a rule is only entered when it will match, and recovery is the net.
//
// Spec deviations: the grammar also reads the Party's issuer-first order (`Quyết định của Bộ
// Chính trị số 31-QĐ/TW, ngày 01-10-1997`), lists that share a type word (`các Quyết định số A,
// số B`, `Kết luận số 187, 188-KL/TW`), numbers with no type word (the code in the number names the
// type), short forms (`Quy định 377`, `TT 32`), and references nested in another's subject.
import type { IToken, TokenType } from "chevrotain";
import { CstParser, tokenMatcher } from "./chevrotain.js";
import {
  BodyWord,
  Comma,
  Cua,
  Dash,
  DocNumber,
  Filler,
  Integer,
  LParen,
  Nam,
  NameWord,
  Nay,
  Ngay,
  NumericDate,
  Quote,
  RParen,
  So,
  TermOfOffice,
  Thang,
  TypeCodeWord,
  TypeName,
  Va,
  Ve,
  Word,
  referenceTokens,
} from "./reference-tokens.js";

/** Longest name between a type word and its number (`Luật Ban hành văn bản quy phạm pháp luật`). */
export const MAX_NAME_TOKENS = 12;
/** Longest issuing body after `của` (`Bộ Lao động - Thương binh và Xã hội`). */
const MAX_BODY_TOKENS = 14;

// Lower-case words that end a body's name: what follows is the verb or the subject, not the body
// (`của Chính phủ quy định chi tiết`, `của UBND tỉnh ban hành`, `của Bộ trưởng Bộ Y tế tại`).
const BODY_STOP_WORDS = new Set([
  "tại", "theo", "đã", "được", "có", "là", "nhằm", "để", "trong", "đối", "cho", "với", "từ", "đến",
  "thì", "nếu", "hoặc", "khi", "việc", "trên", "gửi", "đang", "sẽ", "cũng", "như", "mà", "nay",
  "ngày", "số", "giao", "tiếp", "yêu", "kèm", "trước", "sau", "chậm", "hết", "kể",
]);
// Verbs of two syllables whose first one also names bodies (`Ủy ban`, `Ban Chỉ đạo`): they only
// end a body together (`của UBND tỉnh ban hành`, `của Bộ phê duyệt`).
const BODY_STOP_PAIRS = new Set([
  "ban hành", "phê duyệt", "sửa đổi", "bổ sung", "thực hiện", "triển khai", "chỉ đạo", "đề nghị", "hiện hành",
]);

// Lower-case words no document name holds: a name stops before them (`Luật Bảo hiểm xã hội thì`,
// `Bộ luật Lao động được thỏa thuận`, `Điều lệ ... đối với sỹ quan`).
const NAME_STOP_WORDS = new Set([
  "thì", "nếu", "hoặc", "được", "đã", "là", "nhằm", "để", "theo", "tại", "như", "mà", "khi", "đang",
  "sẽ", "cũng", "phải", "không", "đối", "từ", "đến", "bị", "nêu", "trên", "gồm", "các", "do",
]);
// Pinpoint words: `Điều 15`, `khoản 3`, `Mục II` point into a document, they do not name one.
const PINPOINT_WORDS = new Set(["điều", "khoản", "điểm", "mục", "chương", "phần", "phụ"]);
const ROMAN = /^[IVXLC]+$/;

const isAllCaps = (image: string): boolean => image.length > 1 && image === image.toUpperCase() && image !== image.toLowerCase();

const startsUpper = (image: string): boolean => {
  const c = image.charAt(0);
  return c !== c.toLowerCase();
};

/** The reference grammar's CST parser; use the one instance `referenceParser`. */
export class ReferenceParser extends CstParser {
  /** The text the current tokens were read from. */
  private source = "";
  /** Start offsets of the tokens a paragraph break stands before (a reference never spans one). */
  private breaks = new Set<number>();
  /** The last token the entry read (null when the parse did not finish). */
  lastRead: IToken | null = null;
  /** trailerAhead's answer for the token it was last asked about (each trailer gate asks it again). */
  private trailerCache: { token: IToken | null; kind: ReturnType<ReferenceParser["trailerAhead"]> } = { token: null, kind: null };

  constructor() {
    super(referenceTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "none" });
    this.performSelfAnalysis();
  }

  // -- lookahead helpers (never run while the grammar is being recorded: gates only)

  private at(k: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(k), type);
  }

  /** No paragraph break between token k-1 and token k. */
  private sameParagraph(k: number): boolean {
    return !this.breaks.has(this.LA(k).startOffset);
  }

  /** Which trailer of a reference starts at LA(1) (after an optional comma), if any. */
  private trailerAhead(): "date" | "year" | "issuer" | "term" | "subject" | null {
    const token = this.LA(1);
    if (this.trailerCache.token !== token) this.trailerCache = { token, kind: this.readTrailerAhead() };
    return this.trailerCache.kind;
  }

  private readTrailerAhead(): "date" | "year" | "issuer" | "term" | "subject" | null {
    if (!this.sameParagraph(1)) return null;
    let i = 1;
    if (this.at(1, Comma)) {
      if (!this.sameParagraph(2)) return null;
      i = 2;
    }
    if (this.at(i, Ngay)) {
      if (this.at(i + 1, NumericDate)) return "date";
      return this.writtenDateAt(i + 1) ? "date" : null;
    }
    if (this.at(i, NumericDate)) return "date";
    if (this.at(i, Nam)) return this.at(i + 1, Integer) && this.LA(i + 1).image.length === 4 ? "year" : null;
    if (this.at(i, Cua)) return this.at(i + 1, BodyWord) && startsUpper(this.LA(i + 1).image) ? "issuer" : null;
    if (this.at(i, TermOfOffice)) return "term";
    if (this.at(i, LParen) && this.at(i + 1, TermOfOffice) && this.at(i + 2, RParen)) return "term";
    if (this.at(i, Ve)) return "subject";
    if (this.at(i, Quote) && this.at(i + 1, Ve)) return "subject";
    return null;
  }

  /** `13 tháng 4 năm 2020` starts at LA(k). */
  private writtenDateAt(k: number): boolean {
    return (
      this.at(k, Integer) && this.at(k + 1, Thang) && this.at(k + 2, Integer) && this.at(k + 3, Nam) && this.at(k + 4, Integer)
    );
  }

  /** A number follows: `số 29-NQ/TW`, `29-NQ/TW`, `số 45`, or `377` right after the type word. */
  private numberAhead(): boolean {
    if (!this.sameParagraph(1)) return false;
    if (this.at(1, DocNumber)) return true;
    if (this.at(1, So)) return this.at(2, DocNumber) || this.at(2, Integer);
    return this.at(1, Integer) && this.at(0, TypeName);
  }

  /** `187, 188-KL/TW`: bare sequences that share the symbol of the number ending the list. */
  private integerListAhead(): boolean {
    for (let i = 1; i < 40; i += 2) {
      if (!(this.at(i, Comma) || this.at(i, Va))) return false;
      if (this.at(i + 1, DocNumber)) return true;
      if (!this.at(i + 1, Integer)) return false;
    }
    return false;
  }

  /** `, số 1437/QĐ-TTg` or `và số 218/CĐ-TTg` after a reference: another member of its list. */
  private siblingAhead(): boolean {
    if (!this.sameParagraph(1) || !(this.at(1, Comma) || this.at(1, Va))) return false;
    return this.at(2, DocNumber) || (this.at(2, So) && this.at(3, DocNumber));
  }

  private looseNumberAhead(): boolean {
    return this.at(1, DocNumber) || (this.at(1, So) && this.at(2, DocNumber));
  }

  /** Whether LA(1) may continue the name between the type word and the number. */
  private nameWordAhead(count: number): boolean {
    if (count >= MAX_NAME_TOKENS || !this.sameParagraph(1)) return false;
    const t = this.LA(1);
    // A capitalised type word starts a reference of its own; a lower-case one is part of a name
    // (`Luật Ban hành văn bản quy phạm pháp luật`, `quy định chi tiết`).
    if (tokenMatcher(t, TypeName)) return !startsUpper(t.image);
    // `Quy định 377` is a short form; `Nghị quyết Trung ương 8 khóa XI`, `Luật NSNN 2015` are names.
    if (tokenMatcher(t, Integer))
      return (
        count > 0 &&
        (/^(?:19|20)\d\d$/.test(t.image) ||
          ((this.at(2, Word) || this.at(2, TermOfOffice) || (this.at(2, LParen) && this.at(3, TermOfOffice))) && this.sameParagraph(2)))
      );
    if (tokenMatcher(t, Comma)) return count > 0 && this.at(2, Word) && this.sameParagraph(2);
    if (tokenMatcher(t, Nam)) return this.ordinalAt(1);
    // `Luật Tổ chức HĐND và UBND`, but not `Luật Bảo hiểm xã hội và được ...`
    if (tokenMatcher(t, Va)) return count > 0 && this.at(2, Word) && startsUpper(this.LA(2).image) && !this.pinpointAt(2);
    if (tokenMatcher(t, Word)) {
      const lower = t.image.toLowerCase();
      if (lower === t.image && NAME_STOP_WORDS.has(lower)) return false;
      if (this.pinpointAt(1)) return false;
      // An upper-case title (`LUẬT PHÒNG THỦ DÂN SỰ`) ends where the case changes.
      if (count > 0 && isAllCaps(this.LA(-count).image) && isAllCaps(this.LA(0).image) && !isAllCaps(t.image)) return false;
    }
    return tokenMatcher(t, NameWord);
  }

  /** `năm` at LA(k) is the ordinal of `lần thứ năm` (fifth), not the word before a year. */
  private ordinalAt(k: number): boolean {
    return /^thứ$/i.test(this.LA(k - 1).image) && !this.at(k + 1, Integer);
  }

  /** `Điều 15`, `khoản 3`, `Mục II`, `Phụ lục` at LA(k). */
  private pinpointAt(k: number): boolean {
    const t = this.LA(k);
    if (!tokenMatcher(t, Word)) return false;
    const lower = t.image.toLowerCase();
    if (!PINPOINT_WORDS.has(lower)) return false;
    if (lower === "phụ") return /^lục$/i.test(this.LA(k + 1).image);
    const next = this.LA(k + 1);
    return tokenMatcher(next, Integer) || (tokenMatcher(next, Word) && ROMAN.test(next.image));
  }

  /** Whether LA(1) may continue the name of an issuing body. */
  private bodyWordAhead(count: number): boolean {
    if (count >= MAX_BODY_TOKENS || !this.sameParagraph(1)) return false;
    const t = this.LA(1);
    if (!tokenMatcher(t, BodyWord)) return false;
    if (tokenMatcher(t, Nam)) return this.ordinalAt(1);
    // `của Bộ Tài chính V/v hướng dẫn`: the subject line of a công văn
    if (/^[vV]$/.test(t.image) && this.LA(2).image === "/") return false;
    if (tokenMatcher(t, Word)) {
      if (startsUpper(t.image)) return true;
      const lower = t.image.toLowerCase();
      return !BODY_STOP_WORDS.has(lower) && !BODY_STOP_PAIRS.has(`${lower} ${this.LA(2).image.toLowerCase()}`);
    }
    // `Sở Giáo dục và Đào tạo`, `Lao động - Thương binh`, `Bộ Chính trị, Ban Bí thư`
    if (tokenMatcher(t, Va) || tokenMatcher(t, Dash) || tokenMatcher(t, Comma))
      return count > 0 && this.at(2, Word) && startsUpper(this.LA(2).image) && this.sameParagraph(2);
    return true;
  }

  // -- rules

  /** One reference from where it starts: by type word, by a type code (`TT 32`), or by its number. */
  public entry = this.RULE("entry", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.reference) },
      { GATE: () => this.at(2, Integer), ALT: () => this.SUBRULE(this.codeShortForm) },
      { GATE: () => this.looseNumberAhead(), ALT: () => this.SUBRULE(this.looseNumber) },
      // The pre-filter's start and the lexer may disagree at a window's edge: read nothing then.
      { ALT: () => this.CONSUME(Filler) },
    ]);
    this.ACTION(() => (this.lastRead = this.LA(0)));
  });

  /** `<type name> [name] [số] <number> trailers siblings`, `Quyết định này`, or a named reference. */
  public reference = this.RULE("reference", () => {
    this.CONSUME(TypeName);
    this.OR([
      { GATE: () => this.at(1, Nay) && this.sameParagraph(1), ALT: () => this.CONSUME(Nay) },
      {
        ALT: () => {
          this.SUBRULE(this.name);
          this.OPTION({ GATE: () => this.numberAhead(), DEF: () => this.SUBRULE(this.numberPart) });
          this.SUBRULE(this.trailers);
          this.MANY({ GATE: () => this.siblingAhead(), DEF: () => this.SUBRULE(this.sibling) });
        },
      },
    ]);
  });

  /** Words between the type word and the number: a name (`Giáo dục`), a qualifier (`thẩm tra`),
   * or the Party's issuer-first `của Bộ Chính trị`. */
  public name = this.RULE("name", () => {
    let count = 0;
    this.MANY({
      GATE: () => this.nameWordAhead(count),
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(NameWord) }, { ALT: () => this.CONSUME(TypeName) }]);
        this.ACTION(() => count++);
      },
    });
  });

  /** `[số[:]] 29-NQ/TW`, `số 45`, `377`, `số 187, 188- KL/TW` (NĐ 30/2020 Điều 8.3). */
  public numberPart = this.RULE("numberPart", () => {
    this.OPTION(() => this.CONSUME(So));
    this.OR([
      { ALT: () => this.CONSUME(DocNumber) },
      {
        ALT: () => {
          this.CONSUME(Integer);
          this.MANY({
            GATE: () => this.integerListAhead(),
            DEF: () => {
              this.OR2([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(Va) }]);
              this.OR3([{ ALT: () => this.CONSUME2(Integer) }, { ALT: () => this.CONSUME2(DocNumber) }]);
            },
          });
        },
      },
    ]);
  });

  /** What may follow a number, in any order: date, year, issuing body, term; then the subject. */
  public trailers = this.RULE("trailers", () => {
    this.MANY({
      GATE: () => {
        const kind = this.trailerAhead();
        return kind !== null && kind !== "subject";
      },
      DEF: () => {
        this.OR([
          { GATE: () => this.trailerAhead() === "date", ALT: () => this.SUBRULE(this.date) },
          { GATE: () => this.trailerAhead() === "year", ALT: () => this.SUBRULE(this.year) },
          { GATE: () => this.trailerAhead() === "issuer", ALT: () => this.SUBRULE(this.issuer) },
          { GATE: () => this.trailerAhead() === "term", ALT: () => this.SUBRULE(this.term) },
        ]);
      },
    });
    this.OPTION({ GATE: () => this.trailerAhead() === "subject", DEF: () => this.SUBRULE(this.subject) });
  });

  /** `ngày 04/11/2013`, `, ngày 01-10-1997`, `ngày 13 tháng 4 năm 2020` (NĐ 30/2020 Điều 8.4). */
  public date = this.RULE("date", () => {
    this.OPTION(() => this.CONSUME(Comma));
    this.OPTION2(() => this.CONSUME(Ngay));
    this.OR([
      { ALT: () => this.CONSUME(NumericDate) },
      {
        ALT: () => {
          this.CONSUME(Integer);
          this.CONSUME(Thang);
          this.CONSUME2(Integer);
          this.CONSUME(Nam);
          this.CONSUME3(Integer);
        },
      },
    ]);
  });

  /** `năm 2019`: the year of a named document or of an undated number. */
  public year = this.RULE("year", () => {
    this.OPTION(() => this.CONSUME(Comma));
    this.CONSUME(Nam);
    this.CONSUME(Integer);
  });

  /** `của <body>`: the issuing body. */
  public issuer = this.RULE("issuer", () => {
    this.OPTION(() => this.CONSUME(Comma));
    this.CONSUME(Cua);
    this.SUBRULE(this.body);
  });

  /** The name of a body: `Ban Chấp hành Trung ương Đảng`, `UBND tỉnh Quảng Ngãi`. */
  public body = this.RULE("body", () => {
    let count = 0;
    this.MANY({
      GATE: () => this.bodyWordAhead(count),
      DEF: () => {
        this.CONSUME(BodyWord);
        this.ACTION(() => count++);
      },
    });
  });

  /** `khóa XI` or `(khóa XI)`: the committee's or assembly's term. */
  public term = this.RULE("term", () => {
    this.OPTION(() => this.CONSUME(Comma));
    this.OR([
      { ALT: () => this.CONSUME(TermOfOffice) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.CONSUME2(TermOfOffice);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  /** `về`, `, về`, `“Về`: the start of the subject (trích yếu); the text after it is the subject. */
  public subject = this.RULE("subject", () => {
    this.OPTION(() => this.CONSUME(Comma));
    this.OPTION2(() => this.CONSUME(Quote));
    this.CONSUME(Ve);
  });

  /** `, số 1437/QĐ-TTg ...` or `và số 218/CĐ-TTg ...`: a further member of a list. */
  public sibling = this.RULE("sibling", () => {
    this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(Va) }]);
    this.OPTION(() => this.CONSUME(So));
    this.CONSUME(DocNumber);
    this.SUBRULE(this.trailers);
  });

  /** A number with no type word before it (`và số 218/CĐ-TTg`, `501/TTr-STC`): its code names the type. */
  public looseNumber = this.RULE("looseNumber", () => {
    this.OPTION(() => this.CONSUME(So));
    this.CONSUME(DocNumber);
    this.SUBRULE(this.trailers);
    this.MANY({ GATE: () => this.siblingAhead(), DEF: () => this.SUBRULE(this.sibling) });
  });

  /** `TT 32`, `QĐ 16`: a type code and a bare sequence, a short form of an earlier reference. */
  public codeShortForm = this.RULE("codeShortForm", () => {
    this.CONSUME(TypeCodeWord);
    this.CONSUME(Integer);
  });

  /** Parses one reference from the start of `tokens`, read from `source`, and returns its CST. */
  parseEntry(source: string, tokens: IToken[]) {
    this.source = source;
    this.breaks = new Set();
    this.trailerCache = { token: null, kind: null };
    this.lastRead = null;
    let newline = source.indexOf("\n");
    for (let i = 1; i < tokens.length && newline >= 0; i++) {
      const t = tokens[i]!;
      if (newline >= t.startOffset) continue;
      this.breaks.add(t.startOffset);
      newline = source.indexOf("\n", t.startOffset);
    }
    this.input = tokens;
    // The entry reads one reference from the front of its window and leaves the rest, which the
    // parser reports as redundant input with an Error: that report is expected and its stack
    // trace, the costly part, of no use.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return this.entry();
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** The one parser instance of the process (Chevrotain parsers are built once and reused). */
export const referenceParser = new ReferenceParser();

/** The reference grammar's parser, for tools that describe it (railroad diagrams, CST types). */
export function referenceGrammar(): ReferenceParser {
  return referenceParser;
}

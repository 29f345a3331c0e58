// Reads the CST of one entry of the reference grammar (grammars/reference-parser.ts, types in
// grammars/reference/reference-cst.d.ts) into the references it holds (a list gives several),
// with offsets into the text the parser read. This is the "find" step of the pipeline: what each
// reference says, before types, keys and short forms are resolved (build-citations.ts).
import type { CstNode, IToken } from "chevrotain";
import type { NumberShape } from "../../grammars/reference-tokens.js";
import { MAX_NAME_TOKENS, referenceParser } from "../../grammars/reference-parser.js";
import type {
  BodyCstChildren,
  CodeShortFormCstChildren,
  DateCstChildren,
  EntryCstChildren,
  IssuerCstChildren,
  LooseNumberCstChildren,
  ReferenceCstChildren,
  SiblingCstChildren,
  SubjectCstChildren,
  TermCstChildren,
  TrailersCstChildren,
  YearCstChildren,
} from "../../grammars/reference/reference-cst.js";
import { isoDate, isoFromNumericDate } from "./iso-date.js";

/** One reference as written: its parts, before the vocabulary gives them meaning. */
/** What every kind of reference has: where it is and the words around its number or name. */
interface ReferenceParts {
  /** Offset of the reference's first character (its type word, `số`, or number). */
  start: number;
  /** Offset just past its last character, the `về` subject left out. */
  end: number;
  /** The type word as written (`Nghị quyết`), or null for a bare number. */
  typeWord: string | null;
  /** A type code used as a word (`TT` in `TT 32`). */
  codeWord: string | null;
  /** The words between type word and number or trailers (`Giáo dục`, `Hội nghị Trung ương 8`). */
  name: string | null;
  /** ISO date written after the number. */
  date: string | null;
  /** A year written as `năm 2019` or at the end of a name (`Luật NSNN 2015`). */
  year: number | null;
  /** The body after `của` (before the number in the Party's issuer-first order, or after it). */
  issuer: string | null;
  /** The term of office, `XI` in `khóa XI`. */
  term: string | null;
  /** The `về ...` clause, `về` (and `việc`) left out (filled in once its end is known). */
  subject: string | null;
  /** Index of the reference whose subject holds this one, or null. */
  parent: number | null;
}

/** A reference with a number (`số 29-NQ/TW`); `seq` is set for a list member that borrows the list's symbol (`187` in `số 187, 188-KL/TW`). */
export interface NumberReference extends ReferenceParts {
  kind: "number";
  number: NumberShape;
  seq: string | null;
}

/** A bare sequence after a type word or code (`Quy định 377`, `TT 32`). */
export interface ShortReference extends ReferenceParts {
  kind: "short";
  number: null;
  seq: string;
}

/** A reference by name, with no number (`Luật Giáo dục`). */
export interface NamedReference extends ReferenceParts {
  kind: "named";
  number: null;
  seq: null;
}

/** The document itself (`Quyết định này`). */
export interface SelfReference extends ReferenceParts {
  kind: "self";
  number: null;
  seq: null;
}

/** A reference as the grammar found it: one type per kind, each with the parts that kind has (as eyecite's models). */
export type FoundReference = NumberReference | ShortReference | NamedReference | SelfReference;

/** The fields that tell the kinds apart. */
type KindFields = Pick<NumberReference, "kind" | "number" | "seq"> | Pick<ShortReference, "kind" | "number" | "seq">;

/** What one entry holds: its references, where its subject starts, and how far the parse read. */
export interface EntryReading {
  references: FoundReference[];
  /** The subject's start (after `về`), the index of the reference it belongs to, and whether a quote opened it. */
  subject: { start: number; owner: number; quoted: boolean } | null;
  /** Offset just past the last token the parse consumed. */
  end: number;
  /** Whether the parse consumed every token it was given (the text may have been cut short). */
  consumedAll: boolean;
}

/** The trailers of one reference, read once and shared by the members of its list. */
interface Trailers {
  date: string | null;
  year: number | null;
  issuer: string | null;
  term: string | null;
  /** Where the subject's text starts (after `về`), and whether a quote opened it. */
  subject: { start: number; quoted: boolean } | null;
  /** Where the last trailer before the subject ends (the reference's raw text ends there). */
  end: number;
}

// Tokens that recovery inserted have no place in the text.
const isReal = (t: IToken): boolean => !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
const real = (list: IToken[] | undefined): IToken[] => (list ?? []).filter(isReal);
const endOf = (t: IToken): number => (t.endOffset ?? t.startOffset + t.image.length - 1) + 1;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
const isToken = (x: CstNode | IToken): x is IToken => (x as IToken).image !== undefined;

/** All real tokens under a node, in text order. */
function tokensOf(node: CstNode | undefined): IToken[] {
  if (!node) return [];
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children)) for (const x of list) if (isToken(x)) isReal(x) && out.push(x);
        else walk(x);
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

const BaseVisitor = referenceParser.getBaseCstVisitorConstructor();

/** The visitor of the reference grammar's CST (one instance, reset for each entry it reads). */
class ReferenceVisitor extends BaseVisitor {
  /** The text the parser read. */
  private source = "";
  found: FoundReference[] = [];
  /** Where the entry's subject starts, once a reference opens one. */
  opened: EntryReading["subject"] = null;

  constructor() {
    super();
    this.validateVisitor();
  }

  /** Reads an entry's CST, read from `source`, afresh. */
  read(source: string, cst: CstNode): void {
    this.source = source;
    this.found = [];
    this.opened = null;
    this.entry(cst.children as EntryCstChildren);
  }

  entry(ctx: EntryCstChildren): void {
    if (ctx.reference) this.reference(ctx.reference[0]!.children);
    if (ctx.looseNumber) this.looseNumber(ctx.looseNumber[0]!.children);
    if (ctx.codeShortForm) this.codeShortForm(ctx.codeShortForm[0]!.children);
  }

  reference(ctx: ReferenceCstChildren): void {
    const typeTok = real(ctx.TypeName)[0];
    if (!typeTok) return;
    const typeWord = squash(typeTok.image);
    const nay = real(ctx.Nay)[0];
    if (nay) {
      this.push({ ...blank(typeTok.startOffset, endOf(nay)), kind: "self", number: null, seq: null, typeWord });
      return;
    }
    // The name, with the Party's issuer-first `của <body>` split off.
    const nameToks = tokensOf(ctx.name?.[0]);
    const cua = nameToks.findIndex((t) => t.tokenType.name === "Cua");
    let ownName = cua >= 0 ? nameToks.slice(0, cua) : nameToks;
    // A name that ran to the grammar's limit has no clear end: keep it up to its last comma.
    const lastComma = ownName.findLastIndex((t) => t.tokenType.name === "Comma");
    if (nameToks.length >= MAX_NAME_TOKENS && lastComma > 0) ownName = ownName.slice(0, lastComma);
    while (ownName.length && /^(?:Comma|Va|Dash)$/.test(ownName[ownName.length - 1]!.tokenType.name)) ownName = ownName.slice(0, -1);
    const headIssuer = cua >= 0 ? this.text(nameToks.slice(cua + 1)) || null : null;
    let name = this.text(ownName);
    let nameYear: number | null = null;
    const lastName = ownName[ownName.length - 1];
    if (lastName && /^(?:19|20)\d\d$/.test(lastName.image) && ownName.length > 1) {
      nameYear = Number(lastName.image);
      name = this.text(ownName.slice(0, -1));
    }
    const trailers = this.trailers(ctx.trailers?.[0]?.children);
    const numberToks = tokensOf(ctx.numberPart?.[0]);
    const kept = cua >= 0 && ownName.length === cua ? nameToks : ownName;
    const coreEnd = Math.max(endOf(typeTok), ...kept.map(endOf), ...numberToks.map(endOf), trailers.end);
    const common = {
      typeWord,
      name,
      date: trailers.date,
      year: trailers.year ?? nameYear,
      issuer: trailers.issuer ?? headIssuer,
      term: trailers.term,
    };

    let main = -1;
    const numbers = numberToks.filter((t) => t.tokenType.name === "DocNumber" || t.tokenType.name === "Integer");
    if (numbers.length === 0) main = this.push({ ...blank(typeTok.startOffset, coreEnd), ...common, kind: "named", number: null, seq: null });
    else {
      // `số 187, 188- KL/TW`: bare sequences borrow the symbol of the number after them; the
      // first member's raw text starts at the type word.
      let pending: IToken[] = [];
      const emit = (start: number, end: number, fields: KindFields): void => {
        const i = this.push({ ...blank(main < 0 ? typeTok.startOffset : start, end), ...common, ...fields });
        if (main < 0) main = i;
      };
      for (const t of numbers) {
        if (t.tokenType.name === "Integer") {
          pending.push(t);
          continue;
        }
        const shape = t.payload as NumberShape;
        for (const p of pending) emit(p.startOffset, endOf(p), { kind: "number", number: shape, seq: p.image });
        pending = [];
        emit(t.startOffset, Math.max(endOf(t), trailers.end), { kind: "number", number: shape, seq: null });
      }
      for (const p of pending) emit(p.startOffset, Math.max(endOf(p), trailers.end), { kind: "short", number: null, seq: p.image });
    }
    this.noteSubject(trailers.subject, main);
    for (const s of ctx.sibling ?? []) this.sibling(s.children, typeWord, common.issuer);
  }

  /** `, số 1437/QĐ-TTg ...`: a member of the list, with the list's type word and body. */
  sibling(ctx: SiblingCstChildren, typeWord: string | null = null, issuer: string | null = null): void {
    this.numberReference(ctx, typeWord, issuer);
  }

  /** A number with no type word before it (`và số 218/CĐ-TTg`), and the list members after it. */
  looseNumber(ctx: LooseNumberCstChildren): void {
    const issuer = this.numberReference(ctx, null, null);
    for (const s of ctx.sibling ?? []) this.sibling(s.children, null, issuer);
  }

  /** Pushes a number reference (`[số] N [ngày …] [của …]`); returns the issuer it names, for list members. */
  private numberReference(ctx: Pick<SiblingCstChildren, "So" | "DocNumber" | "trailers">, typeWord: string | null, issuer: string | null): string | null {
    const numberTok = real(ctx.DocNumber)[0];
    if (!numberTok) return null;
    const start = (real(ctx.So)[0] ?? numberTok).startOffset;
    const trailers = this.trailers(ctx.trailers?.[0]?.children);
    const i = this.push({
      ...blank(start, Math.max(endOf(numberTok), trailers.end)),
      kind: "number",
      typeWord,
      number: numberTok.payload as NumberShape,
      seq: null,
      date: trailers.date,
      year: trailers.year,
      issuer: trailers.issuer ?? issuer,
      term: trailers.term,
    });
    this.noteSubject(trailers.subject, i);
    return trailers.issuer;
  }

  codeShortForm(ctx: CodeShortFormCstChildren): void {
    const code = real(ctx.TypeCodeWord)[0];
    const seq = real(ctx.Integer)[0];
    if (!code || !seq) return;
    this.push({ ...blank(code.startOffset, endOf(seq)), kind: "short", number: null, codeWord: code.image, seq: seq.image });
  }

  trailers(ctx: TrailersCstChildren | undefined): Trailers {
    const out: Trailers = { date: null, year: null, issuer: null, term: null, subject: null, end: 0 };
    if (!ctx) return out;
    const grow = (node: CstNode): void => {
      for (const t of tokensOf(node)) out.end = Math.max(out.end, endOf(t));
    };
    for (const d of ctx.date ?? []) {
      grow(d);
      out.date ??= this.date(d.children);
    }
    for (const y of ctx.year ?? []) {
      grow(y);
      out.year ??= this.year(y.children);
    }
    for (const i of ctx.issuer ?? []) {
      grow(i);
      out.issuer ??= this.issuer(i.children);
    }
    for (const t of ctx.term ?? []) {
      grow(t);
      out.term ??= this.term(t.children);
    }
    const subject = ctx.subject?.[0];
    if (subject) out.subject = this.subject(subject.children);
    return out;
  }

  date(ctx: DateCstChildren): string | null {
    const numeric = real(ctx.NumericDate)[0];
    if (numeric) return isoFromNumericDate(numeric.image);
    const [day, month, year] = real(ctx.Integer).map((x) => Number(x.image));
    return day !== undefined && month !== undefined && year !== undefined ? isoDate(day, month, year) : null;
  }

  year(ctx: YearCstChildren): number | null {
    const value = real(ctx.Integer)[0];
    return value ? Number(value.image) : null;
  }

  issuer(ctx: IssuerCstChildren): string | null {
    return this.body(ctx.body?.[0]?.children);
  }

  body(ctx: BodyCstChildren | undefined): string | null {
    return this.text(real(ctx?.BodyWord).sort((a, b) => a.startOffset - b.startOffset)) || null;
  }

  term(ctx: TermCstChildren): string | null {
    const term = real(ctx.TermOfOffice)[0];
    return term ? term.image.replace(/^\S+\s+/, "").toUpperCase() : null;
  }

  /** Where the subject's text starts: right after `về`. */
  subject(ctx: SubjectCstChildren): Trailers["subject"] {
    const ve = real(ctx.Ve)[0];
    return ve ? { start: endOf(ve), quoted: real(ctx.Quote).length > 0 } : null;
  }

  // The rules below are read by the rules above, in context.
  name(): void {}
  numberPart(): void {}

  private push(r: FoundReference): number {
    this.found.push(r);
    return this.found.length - 1;
  }

  private noteSubject(subject: Trailers["subject"], owner: number): void {
    if (subject && owner >= 0) this.opened = { start: subject.start, owner, quoted: subject.quoted };
  }

  /** The source text from the first to the last token, white space squashed. */
  private text(t: IToken[]): string {
    if (t.length === 0) return "";
    return squash(this.source.slice(t[0]!.startOffset, endOf(t[t.length - 1]!)));
  }
}

/** A reference's parts, none read yet, spanning `start` to `end`. */
function blank(start: number, end: number): ReferenceParts {
  return {
    start,
    end,
    typeWord: null,
    codeWord: null,
    name: null,
    date: null,
    year: null,
    issuer: null,
    term: null,
    subject: null,
    parent: null,
  };
}

const visitor = new ReferenceVisitor();

/**
 * Reads the one reference at the start of `tokens` (read from `source`) with the one parser:
 * offsets in the result are offsets into `source`.
 */
export function readEntry(source: string, tokens: IToken[]): EntryReading {
  const cst = referenceParser.parseEntry(source, tokens);
  visitor.read(source, cst);
  // Where the parse stopped; after a recovery the tree itself says.
  let last = referenceParser.lastRead;
  if (!last || !isReal(last)) last = tokensOf(cst).pop() ?? null;
  return {
    references: visitor.found,
    subject: visitor.opened,
    end: last ? endOf(last) : 0,
    consumedAll: last === null || last === tokens[tokens.length - 1],
  };
}

// Reads the CST of one entry of the reference grammar (grammars/reference-parser.ts) into the
// references it holds (a list gives several), with offsets into the text the parser read. This is
// the "find" step of the pipeline: what each reference says, before types, keys and short forms
// are resolved.
import type { CstNode, IToken } from "chevrotain";
import type { NumberShape } from "../../grammars/reference-tokens.js";
import { MAX_NAME_TOKENS, referenceParser } from "../../grammars/reference-parser.js";
import { isoDate, isoFromNumericDate } from "./iso-date.js";

/** One reference as written: its parts, before the vocabulary gives them meaning. */
export interface FoundReference {
  /** `number`: has a number; `short`: a bare sequence (`Quy định 377`); `named`: no number; `self`: `Quyết định này`. */
  kind: "number" | "short" | "named" | "self";
  /** Offset of the reference's first character (its type word, `số`, or number). */
  start: number;
  /** Offset just past its last character, the `về` subject left out. */
  end: number;
  /** The type word as written (`Nghị quyết`), or null for a bare number. */
  typeWord: string | null;
  /** A type code used as a word (`TT` in `TT 32`). */
  codeWord: string | null;
  /** The number's parts, for kind `number`. */
  number: NumberShape | null;
  /** The sequence of a short form, or of a list member that borrows the list's symbol (`187`). */
  seq: string | null;
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

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const isToken = (x: CstNode | IToken): x is IToken => (x as IToken).image !== undefined;
// Tokens that recovery inserted have no place in the text.
const isReal = (t: IToken): boolean => !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

/** All real tokens under a node, in text order. */
function tokensOf(node: CstNode | undefined): IToken[] {
  if (!node) return [];
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children as Children))
      for (const x of list ?? []) if (isToken(x)) isReal(x) && out.push(x);
        else walk(x);
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

const first = <T>(list: T[] | undefined): T | undefined => list?.[0];
const node = (c: Children, name: string): CstNode | undefined => first(c[name]) as CstNode | undefined;
const nodes = (c: Children, name: string): CstNode[] => (c[name] ?? []) as CstNode[];
const toks = (c: Children, name: string): IToken[] => ((c[name] ?? []) as IToken[]).filter(isReal);
const endOf = (t: IToken): number => (t.endOffset ?? t.startOffset + t.image.length - 1) + 1;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

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

/** Walks one span's CST; `source` is the text the parser read. */
class ReferenceCollector {
  readonly found: FoundReference[] = [];
  constructor(private readonly source: string) {}

  opened: EntryReading["subject"] = null;

  entry(n: CstNode): void {
    const c = n.children as Children;
    const reference = node(c, "reference");
    if (reference) this.reference(reference, null);
    const loose = node(c, "looseNumber");
    if (loose) this.looseNumber(loose, null);
    const short = node(c, "codeShortForm");
    if (short) this.codeShortForm(short, null);
  }

  private blank(start: number, end: number, parent: number | null): FoundReference {
    return {
      kind: "named",
      start,
      end,
      typeWord: null,
      codeWord: null,
      number: null,
      seq: null,
      name: null,
      date: null,
      year: null,
      issuer: null,
      term: null,
      subject: null,
      parent,
    };
  }

  private push(r: FoundReference): number {
    this.found.push(r);
    return this.found.length - 1;
  }

  reference(n: CstNode, parent: number | null): void {
    const c = n.children as Children;
    const typeTok = toks(c, "TypeName")[0];
    if (!typeTok) return;
    const typeWord = squash(typeTok.image);
    const nay = toks(c, "Nay")[0];
    if (nay) {
      this.push({ ...this.blank(typeTok.startOffset, endOf(nay), parent), kind: "self", typeWord });
      return;
    }
    // The name, with the Party's issuer-first `của <body>` split off.
    const nameToks = tokensOf(node(c, "name"));
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
    const trailers = this.trailers(node(c, "trailers"));
    const numberToks = tokensOf(node(c, "numberPart"));
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

    let main: number;
    const numbers = numberToks.filter((t) => t.tokenType.name === "DocNumber" || t.tokenType.name === "Integer");
    if (numbers.length === 0) {
      main = this.push({ ...this.blank(typeTok.startOffset, coreEnd, parent), ...common, kind: "named" });
    } else {
      // `số 187, 188- KL/TW`: bare sequences borrow the symbol of the number after them.
      main = -1;
      let pending: IToken[] = [];
      const emit = (start: number, end: number, fields: Partial<FoundReference>): void => {
        const i = this.push({ ...this.blank(main < 0 ? typeTok.startOffset : start, end, parent), ...common, ...fields });
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
        emit(t.startOffset, Math.max(endOf(t), trailers.end), { kind: "number", number: shape });
      }
      for (const p of pending) emit(p.startOffset, Math.max(endOf(p), trailers.end), { kind: "short", seq: p.image });
    }
    this.noteSubject(trailers.subject, main);
    for (const s of nodes(c, "sibling")) this.sibling(s, parent, typeWord, common.issuer);
  }

  private sibling(n: CstNode, parent: number | null, typeWord: string | null, issuer: string | null): void {
    const c = n.children as Children;
    const numberTok = toks(c, "DocNumber")[0];
    if (!numberTok) return;
    const start = (toks(c, "So")[0] ?? numberTok).startOffset;
    const trailers = this.trailers(node(c, "trailers"));
    const i = this.push({
      ...this.blank(start, Math.max(endOf(numberTok), trailers.end), parent),
      kind: "number",
      typeWord,
      number: numberTok.payload as NumberShape,
      date: trailers.date,
      year: trailers.year,
      issuer: trailers.issuer ?? issuer,
      term: trailers.term,
    });
    this.noteSubject(trailers.subject, i);
  }

  looseNumber(n: CstNode, parent: number | null): void {
    const c = n.children as Children;
    const numberTok = toks(c, "DocNumber")[0];
    if (!numberTok) return;
    const start = (toks(c, "So")[0] ?? numberTok).startOffset;
    const trailers = this.trailers(node(c, "trailers"));
    const i = this.push({
      ...this.blank(start, Math.max(endOf(numberTok), trailers.end), parent),
      kind: "number",
      number: numberTok.payload as NumberShape,
      date: trailers.date,
      year: trailers.year,
      issuer: trailers.issuer,
      term: trailers.term,
    });
    this.noteSubject(trailers.subject, i);
    for (const s of nodes(c, "sibling")) this.sibling(s, parent, null, trailers.issuer);
  }

  codeShortForm(n: CstNode, parent: number | null): void {
    const c = n.children as Children;
    const code = toks(c, "TypeCodeWord")[0];
    const seq = toks(c, "Integer")[0];
    if (!code || !seq) return;
    this.push({ ...this.blank(code.startOffset, endOf(seq), parent), kind: "short", codeWord: code.image, seq: seq.image });
  }

  private trailers(n: CstNode | undefined): Trailers {
    const out: Trailers = { date: null, year: null, issuer: null, term: null, subject: null, end: 0 };
    if (!n) return out;
    const c = n.children as Children;
    const grow = (t: IToken[]): void => {
      for (const x of t) out.end = Math.max(out.end, endOf(x));
    };
    for (const d of nodes(c, "date")) {
      const t = tokensOf(d);
      grow(t);
      out.date ??= this.dateOf(t);
    }
    for (const y of nodes(c, "year")) {
      const t = tokensOf(y);
      grow(t);
      const value = t.find((x) => x.tokenType.name === "Integer");
      out.year ??= value ? Number(value.image) : null;
    }
    for (const i of nodes(c, "issuer")) {
      const t = tokensOf(i);
      grow(t);
      out.issuer ??= this.text(tokensOf(node(i.children as Children, "body"))) || null;
    }
    for (const m of nodes(c, "term")) {
      const t = tokensOf(m);
      grow(t);
      const term = t.find((x) => x.tokenType.name === "TermOfOffice");
      out.term ??= term ? term.image.replace(/^\S+\s+/, "").toUpperCase() : null;
    }
    const subject = node(c, "subject");
    const ve = subject ? toks(subject.children as Children, "Ve")[0] : undefined;
    if (subject && ve) out.subject = { start: endOf(ve), quoted: toks(subject.children as Children, "Quote").length > 0 };
    return out;
  }

  private dateOf(t: IToken[]): string | null {
    const numeric = t.find((x) => x.tokenType.name === "NumericDate");
    if (numeric) return isoFromNumericDate(numeric.image);
    const ints = t.filter((x) => x.tokenType.name === "Integer").map((x) => Number(x.image));
    return ints.length === 3 ? isoDate(ints[0]!, ints[1]!, ints[2]!) : null;
  }

  /** Notes where the subject of reference `owner` starts (its end is found in the text). */
  private noteSubject(subject: Trailers["subject"], owner: number): void {
    if (subject && owner >= 0) this.opened = { start: subject.start, owner, quoted: subject.quoted };
  }

  /** The source text from the first to the last token, white space squashed. */
  private text(t: IToken[]): string {
    if (t.length === 0) return "";
    return squash(this.source.slice(t[0]!.startOffset, endOf(t[t.length - 1]!)));
  }
}

/**
 * Reads the one reference at the start of `tokens` (read from `source`) with the one parser:
 * offsets in the result are offsets into `source`.
 */
export function readEntry(source: string, tokens: IToken[]): EntryReading {
  const cst = referenceParser.parseEntry(source, tokens);
  const collector = new ReferenceCollector(source);
  collector.entry(cst);
  const consumed = tokensOf(cst);
  const last = consumed[consumed.length - 1];
  return {
    references: collector.found,
    subject: collector.opened,
    end: last ? endOf(last) : 0,
    consumedAll: consumed.length >= tokens.length,
  };
}

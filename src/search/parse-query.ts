// Query syntax: words, "quoted phrases" (straight or curly quotes), and identifiers in any
// spelling (`29/NQ-TW`, `01779/QĐ-UBND`, `04/11/2013`), all through the document analyzer so
// that a query term is exactly the term the document was indexed under.
import { analyzeText, type Token } from "./analyze-text.js";
import { foldAligned } from "../../grammars/text/fold.js";
import { hasDiacritics, spellingsOf, toneKeyOfSpan } from "./tone-key.js";

/** One matching unit of a query word or phrase. */
export interface QueryUnit {
  /** the folded term (for an identifier: one of its parts) */
  term: string;
  /** the tone key to rank exact-diacritic matches up, or null when typed without diacritics (matches every spelling) */
  toneKey: string | null;
}

/** A query word: a syllable, number or identifier. */
export interface QueryWord {
  /** as typed */
  text: string;
  token: Token;
  /** the tone key when the word was typed with diacritics (words only), else null */
  toneKey: string | null;
  /** when `toneKey` is set: the spellings that have it (see `spellingsOf`) */
  spellings: string[] | null;
  /** true when quoted on its own: matched as typed, with no prefix or typo tolerance */
  quoted: boolean;
}

/** A quoted phrase of two or more tokens, matched on adjacent units. */
export interface QueryPhrase {
  text: string;
  tokens: Token[];
  units: QueryUnit[];
}

/** A parsed query. */
export interface ParsedQuery {
  words: QueryWord[];
  phrases: QueryPhrase[];
}

const QUOTE = /["“”„«»]/;

function unitsOf(text: string, tokens: readonly Token[]): QueryUnit[] {
  const units: QueryUnit[] = [];
  for (const token of tokens) {
    if (token.parts) {
      for (const part of token.parts) units.push({ term: part, toneKey: null });
    } else {
      const written = text.slice(token.start, token.end);
      units.push({ term: token.term, toneKey: token.kind === "word" && hasDiacritics(written) ? toneKeyOfSpan(text, token.start, token.end) : null });
    }
  }
  return units;
}

function wordsOf(text: string, quoted: boolean): QueryWord[] {
  const folded = foldAligned(text);
  return analyzeText(text, folded).map((token) => {
    const written = text.slice(token.start, token.end);
    const toneKey = token.kind === "word" && hasDiacritics(written) ? toneKeyOfSpan(text, token.start, token.end) : null;
    return { text: written, token, toneKey, spellings: toneKey === null ? null : spellingsOf(written), quoted };
  });
}

/**
 * Splits a query into words and quoted phrases; an unclosed quote runs to the end of the query.
 * @example parseQuery('"giáo dục" 29/NQ-TW').phrases[0].text // "giáo dục"
 */
export function parseQuery(query: string): ParsedQuery {
  const normalized = query.normalize("NFC");
  const words: QueryWord[] = [];
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  const pushWord = (word: QueryWord): void => {
    const key = `${word.token.term}\u0000${word.toneKey ?? ""}\u0000${word.quoted}`;
    if (!seen.has(key)) {
      seen.add(key);
      words.push(word);
    }
  };
  const pieces = normalized.split(QUOTE);
  pieces.forEach((piece, i) => {
    // Odd pieces stand between quotes.
    if (i % 2 === 0) {
      for (const word of wordsOf(piece, false)) pushWord(word);
      return;
    }
    const tokens = analyzeText(piece);
    if (tokens.length === 1) {
      for (const word of wordsOf(piece, true)) pushWord(word);
    } else if (tokens.length > 1) {
      phrases.push({ text: piece.trim(), tokens, units: unitsOf(piece, tokens) });
    }
  });
  return { words, phrases };
}

/** The units an identifier word is matched on as a phrase of its parts (`29-NQ/TW` → 29, nq, tw), for highlighting. */
export function wordUnits(word: QueryWord): QueryUnit[] {
  if (word.token.parts) return word.token.parts.map((term) => ({ term, toneKey: null }));
  return [{ term: word.token.term, toneKey: word.toneKey }];
}

// The character tables live with the fold (grammars/text/char-tables.ts); this path stays for the
// modules of src/search that import it, until they import them from there.
export { BASE, CLASS, CharClass, TABLE_SIZE, TONE, Tone, UPPER, classOf, foldOf } from "../../grammars/text/char-tables.js";

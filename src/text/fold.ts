// The fold lives with the grammars that need it (grammars/text/fold.ts); this path stays for the
// modules of src/search and src/kb that import it, until they import it from there.
export { foldAligned, foldText } from "../../grammars/text/fold.js";

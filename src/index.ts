// The library's public API: re-exports only (a test pins this list).
export { parseDocument, parseDocumentBytes, parseDocumentText } from "./citations/parse-with-citations.js";
export type { ParsedText, ParseOptions, TextSource } from "./parse/parse-document.js";
export * from "./model/index.js";
export { decodeDocument, type DecodedDocument } from "./input/decode-document.js";
export { OffsetMap } from "./input/offset-map.js";

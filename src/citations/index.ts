// The citations stage: find references to documents in a record's text, give each a canonical key,
// and match keys against what users type.
export { findCitations, type CitationRegion, type FindCitationsOptions } from "./find-citations.js";
export { citationKey, keyMatches, type ReferenceQuery, type KeyInput } from "./canonical-key.js";
export { parseReferenceQuery, parseReferenceQueries } from "./parse-reference-query.js";
export { knownDocuments, type KnownDocument } from "./known-documents.js";

// The `cites` filter of a search: a reference in any spelling, read into a test on the canonical
// keys a document cites. One reading for every store (embedded and PostgreSQL); the reference
// grammar is loaded only when a search asks for it.

/** A test on cited keys for the reference `cites`; throws `ReferenceQueryError` when it names no document. */
export async function compileCitesMatch(cites: string): Promise<(key: string) => boolean> {
  const [{ parseReferenceQueries }, { keyMatches }, { ReferenceQueryError }] = await Promise.all([
    import("../citations/parse-reference-query.js"),
    import("../citations/canonical-key.js"),
    import("./citing-query.js"),
  ]);
  const queries = parseReferenceQueries(cites);
  if (queries.length === 0) throw new ReferenceQueryError(cites);
  return (key) => queries.some((q) => keyMatches(q, key));
}

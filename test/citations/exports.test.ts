// The public surface of the citations stage: a change to it is a change to the API.
import { expect, it } from "vitest";
import * as citations from "../../src/citations/index.js";

it("exports exactly the public API", () => {
  expect(Object.keys(citations).sort()).toEqual(["citationKey", "findCitations", "keyMatches", "knownDocuments", "parseReferenceQueries", "parseReferenceQuery"]);
});

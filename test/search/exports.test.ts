import { expect, it } from "vitest";
import * as api from "../../src/search/index.js";

// The public API of src/search; a change here is a change of contract for the CLI and users.
it("exports exactly the public API", () => {
  expect(Object.keys(api).sort()).toEqual([
    "DEFAULT_SHARD_SIZE",
    "FIELD_BOOSTS",
    "INDEX_FORMAT_VERSION",
    "IndexLockedError",
    "IndexManifest",
    "MANIFEST_FILE",
    "SearchIndex",
    "analyzeText",
    "checkIndex",
    "foldText",
    "hasDiacritics",
    "loadIndex",
    "normalizeIdentifier",
    "parseQuery",
    "saveIndex",
    "search",
    "toneKey",
  ]);
});

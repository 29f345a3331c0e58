// One JSON value per line (NDJSON), safe to print anywhere. JSON.stringify already escapes quotes,
// backslashes, C0 controls (a newline inside a string cannot split the line) and lone surrogates;
// what it leaves raw is valid JSON but not harmless: C1 controls (0x9B is a terminal's CSI),
// U+2028 and U+2029 (line breaks to JavaScript before ES2019 and to Python's splitlines), and the
// bidirectional overrides that can make a line display other than it reads. They are escaped
// too, so the line parses back to exactly the same strings.

// Outside strings JSON text is ASCII, so every match stands inside a string.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A value as one line of JSON (without the newline), escaped for terminals and line splitters.
 * @example toJsonLine({ title: "a\u2028b" }) // '{"title":"a\\u2028b"}'
 */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

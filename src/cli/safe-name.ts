// How a file name or an error message is printed on a terminal: a hostile name cannot drive it.
// Controls (C0, DEL, C1), zero-width and bidirectional formatting characters, and the line and
// paragraph separators: what could move the cursor, recolour the terminal or disguise a name.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** A file name with control characters escaped (`\u001b`), so a hostile name cannot drive the terminal. */
export function safeName(name: string): string {
  return name.replace(UNSAFE_IN_NAMES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

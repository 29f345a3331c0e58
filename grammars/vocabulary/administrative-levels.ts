// The levels of Vietnam's local administration, the one list of them: the words that open a
// locality's name in a body's name (`Ủy ban nhân dân huyện Bình Sơn`), with the abbreviations
// documents write (`TP.`, `TX`). Province level: tỉnh, thành phố (trực thuộc trung ương); district
// level (until 2025): huyện, quận, thị xã, thành phố (thuộc tỉnh); commune level: xã, phường, thị
// trấn, đặc khu (2025). Readers that find a body's locality build their patterns from this list.

/** One level: its name as written in full, and the abbreviations that stand for it. */
export interface AdministrativeLevel {
  name: string;
  abbreviations: readonly string[];
}

/** Every level, the longer names first so that a pattern built in this order prefers `thị xã` to `xã`. */
export const ADMINISTRATIVE_LEVELS = [
  { name: "thành phố", abbreviations: ["tp.", "tp"] },
  { name: "thị trấn", abbreviations: [] },
  { name: "thị xã", abbreviations: ["tx.", "tx"] },
  { name: "đặc khu", abbreviations: [] },
  { name: "tỉnh", abbreviations: [] },
  { name: "huyện", abbreviations: [] },
  { name: "quận", abbreviations: [] },
  { name: "phường", abbreviations: [] },
  { name: "xã", abbreviations: [] },
] as const satisfies readonly AdministrativeLevel[];

/** A level's name in full (`huyện`, `thành phố`). */
export type AdministrativeLevelName = (typeof ADMINISTRATIVE_LEVELS)[number]["name"];

/** The levels' names in full, in the order of `ADMINISTRATIVE_LEVELS`. */
export const ADMINISTRATIVE_LEVEL_NAMES = ADMINISTRATIVE_LEVELS.map((level) => level.name) as [AdministrativeLevelName, ...AdministrativeLevelName[]];

const byWritten = new Map<string, AdministrativeLevelName>(
  ADMINISTRATIVE_LEVELS.flatMap((level: { name: AdministrativeLevelName; abbreviations: readonly string[] }) => [[level.name, level.name] as const, ...level.abbreviations.map((a) => [a, level.name] as const)]),
);

/**
 * The level a word stands for, in full (`TP.` → `thành phố`), or null when it names none.
 * @example administrativeLevelOf("TX") // "thị xã"
 */
export function administrativeLevelOf(written: string): AdministrativeLevelName | null {
  return byWritten.get(written.normalize("NFC").toLowerCase()) ?? null;
}

/** The alternatives of a regular expression matching any level as written, lower case (`thành phố|tp\.|…`), longer names first. */
export function administrativeLevelPattern(): string {
  return [...byWritten.keys()].map((w) => w.replace(/[.]/g, "\\.")).join("|");
}

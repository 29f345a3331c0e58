// The options `list`, `search` and `cites` share: the list filters (--type, --issuer, --place,
// --province, --level, --system, --year, --cites) and the output format (--format text|json|csv,
// --json being --format json).
import { UsageError } from "./command-io.js";
import type { ListFilters } from "../kb/collection.js";

/** The options that take a value, for parseArgs. */
export const FILTER_OPTIONS = ["type", "issuer", "place", "province", "level", "system", "year", "cites"] as const;

/** The help lines of the filters. */
export const FILTER_HELP = `  --type KH         documents of a type (code or name)
  --issuer NAME     whose issuer's name has these words (Bình Sơn, UBND huyện Bình Sơn)
  --place NAME      of a place in any spelling ("TP. Cần Thơ" = "Cần Thơ"): the place line, or
                    the province (today's, or a former one: "Sóc Trăng" is Cần Thơ's since 2025)
  --province NAME   of a province, today's or a former one
  --level L         issued at a level: "trung ương", tỉnh, huyện, xã (with or without diacritics)
  --system S        state or party documents
  --year Y | A..B   of a year or a range of years
  --cites REF       that cite a document, given in any spelling (29-NQ/TW, "Nghị quyết 29")`;

function yearRange(value: string): { yearFrom?: number; yearTo?: number } {
  const m = /^\s*(\d{4})?\s*(?:(\.\.|-)\s*(\d{4})?)?\s*$/.exec(value);
  if (!m || (!m[1] && !m[3])) throw new UsageError(`--year is a year or a range such as 2023..2025, not '${value}'`);
  if (!m[2]) return { yearFrom: Number(m[1]), yearTo: Number(m[1]) };
  return { ...(m[1] ? { yearFrom: Number(m[1]) } : {}), ...(m[3] ? { yearTo: Number(m[3]) } : {}) };
}

/** The list filters given as options; throws a UsageError for a malformed one. */
export function listFiltersOf(options: Record<string, string | true>): ListFilters {
  const filters: ListFilters = {};
  const text = (name: string): string | undefined => {
    const v = options[name];
    if (v === true) throw new UsageError(`--${name} needs a value`);
    return v;
  };
  for (const name of ["type", "issuer", "place", "province", "level", "cites"] as const) {
    const v = text(name);
    if (v !== undefined && v.trim() !== "") filters[name] = v;
  }
  const system = text("system");
  if (system !== undefined) {
    if (system !== "state" && system !== "party") throw new UsageError(`--system is state or party, not '${system}'`);
    filters.system = system;
  }
  const year = text("year");
  if (year !== undefined) Object.assign(filters, yearRange(year));
  return filters;
}

/** An output format. */
export type OutputFormat = "text" | "json" | "csv";

/** The output format asked for: --format F, or --json. */
export function outputFormatOf(options: Record<string, string | true>): OutputFormat {
  const format = options.format;
  if (format === true) throw new UsageError("--format needs a value: text, json or csv");
  if (format !== undefined && format !== "text" && format !== "json" && format !== "csv") throw new UsageError(`--format is text, json or csv, not '${format}'`);
  if (options.json && format !== undefined && format !== "json") throw new UsageError(`--json and --format ${format} ask for two formats`);
  return options.json ? "json" : (format ?? "text");
}

/** Turns a ListFilterError (a level or province that is none) into a UsageError. */
export function asUsageError(error: unknown, option?: string): unknown {
  if ((error as Error)?.name === "ListFilterError") return new UsageError(`${option ? `--${option}: ` : ""}${(error as Error).message}`);
  return error;
}

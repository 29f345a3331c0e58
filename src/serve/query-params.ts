// Reading the web API's query parameters: the list filters under the names the CLI gives them
// (type, issuer, place, province, level, system, year, cites), paging, and the export format.
import type { ListFilters } from "../kb/collection.js";

/** A parameter that is not what its name needs (HTTP 400). */
export class BadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRequestError";
  }
}

/** The list filters in a URL's query. */
export function filtersOf(params: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  for (const name of ["type", "issuer", "place", "province", "level", "cites"] as const) {
    const v = params.get(name)?.trim();
    if (v) filters[name] = v;
  }
  const system = params.get("system");
  if (system) {
    if (system !== "state" && system !== "party") throw new BadRequestError(`system is state or party, not '${system}'`);
    filters.system = system;
  }
  const year = params.get("year")?.trim();
  if (year) {
    const m = /^(\d{4})?(?:(\.\.)(\d{4})?)?$/.exec(year);
    if (!m || (!m[1] && !m[3])) throw new BadRequestError(`year is a year or a range such as 2023..2025, not '${year}'`);
    if (!m[2]) filters.yearFrom = filters.yearTo = Number(m[1]);
    else {
      if (m[1]) filters.yearFrom = Number(m[1]);
      if (m[3]) filters.yearTo = Number(m[3]);
    }
  }
  return filters;
}

/** A whole number parameter within bounds, or its default. */
export function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadRequestError(`${name} is a whole number from ${min} to ${max}, not '${raw}'`);
  return n;
}

/** How a list is sent: JSON (default), CSV or an Excel XML spreadsheet. */
export type ExportFormat = "json" | "csv" | "excel";

/** The `format` parameter. */
export function formatOf(params: URLSearchParams): ExportFormat {
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv" && format !== "excel") throw new BadRequestError(`format is json, csv or excel, not '${format}'`);
  return format;
}

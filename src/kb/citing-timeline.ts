// A timeline of the documents that cite one document: how many were issued in each year or month,
// in all and per province or level — how an instruction travels down from the centre to the
// provinces, districts and communes. Every period from the first to the last is present, empty
// ones too, so a chart's axis is even.
import type { ListedDocument, Timeline, TimelineBin } from "./collection-results.js";
import type { TimelineOptions } from "./collection.js";
import { LEVELS } from "./document-place.js";

/** The series value of a document without a province or a level. */
export const NO_VALUE = "—";

/** The periods from `first` to `last` inclusive (`2024`, or `2024-06`). */
function periodsBetween(first: string, last: string, by: "year" | "month"): string[] {
  const out: string[] = [];
  if (by === "year") {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The timeline of the citing documents `documents` (each once), for the reference read as `target`. */
export function buildTimeline(target: string, documents: readonly ListedDocument[], options: TimelineOptions = {}): Timeline {
  const by = options.by ?? "year";
  const split = options.split ?? null;
  const seriesOf = (d: ListedDocument): string => (split === null ? "all" : (d[split] ?? NO_VALUE));
  // A date known to the year only ("năm 2023") counts by year, not by month.
  const datedEnough = by === "year" ? /^\d{4}/ : /^\d{4}-\d{2}/;
  const dated = documents.filter((d) => d.date !== null && datedEnough.test(d.date));
  const periodOf = (d: ListedDocument): string => d.date!.slice(0, by === "year" ? 4 : 7);
  const totals = new Map<string, number>();
  for (const d of dated) totals.set(seriesOf(d), (totals.get(seriesOf(d)) ?? 0) + 1);
  // Levels in their order down the administration (trung ương → xã); other series most documents first.
  const rank = (s: string): number => (split === "level" ? (LEVELS as readonly string[]).indexOf(s) >>> 0 : 0);
  const series = [...totals].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const periods = dated.map(periodOf).sort();
  const bins: TimelineBin[] = periods.length === 0 ? [] : periodsBetween(periods[0]!, periods[periods.length - 1]!, by).map((period) => ({ period, total: 0, counts: {} }));
  const at = new Map(bins.map((b) => [b.period, b]));
  for (const d of dated) {
    const bin = at.get(periodOf(d))!;
    bin.total++;
    bin.counts[seriesOf(d)] = (bin.counts[seriesOf(d)] ?? 0) + 1;
  }
  return { target, by, split, series, bins, undated: documents.length - dated.length };
}

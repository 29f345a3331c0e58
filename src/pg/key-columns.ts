// A canonical key in the columns the key lookups use (`k_number`, `k_name` are indexed): a
// reference query is narrowed by them in SQL, then matched exactly by `keyMatches`.
import { parseKey } from "../citations/canonical-key.js";

/** The parts of a canonical key as column values: type, number, issuer, name, year, date (all null for no key). */
export function keyColumns(key: string | null): (string | number | null)[] {
  const k = key ? parseKey(key) : null;
  return [k?.type ?? null, k?.number ?? null, k?.issuer ?? null, k?.name ?? null, k?.year ?? null, k?.date ?? null];
}

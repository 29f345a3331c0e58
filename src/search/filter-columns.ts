// The filterable fields of a shard's documents as columns indexed by MiniSearch short id: each
// distinct value (document type, issuer, place, citation key) gets a small id, so a query tests
// every distinct value once and then scans typed arrays. Testing each document's summary instead
// cost ~0.8 µs a document at 50k documents (pointer chasing through scattered objects): 42 ms
// for a filtered query against ~5 ms unfiltered.
import type { IndexedSummary } from "./index-document.js";
import type { CompiledFilter } from "./search-filter.js";

const NONE = -1;
const SYSTEMS = [null, "state", "party"] as const;

class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  idOf(value: string | null): number {
    if (value === null) return NONE;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  // Which ids pass `test`, deciding each distinct value once.
  passing(test: (value: string) => boolean): Uint8Array {
    return Uint8Array.from(this.values, (value) => (test(value) ? 1 : 0));
  }
}

function grow<T extends Int32Array | Uint8Array | Int16Array>(array: T, size: number, make: (n: number) => T, fill: number): T {
  if (array.length >= size) return array;
  const next = make(Math.max(size, array.length * 2, 64));
  next.fill(fill);
  next.set(array);
  return next;
}

/** Filter columns of one shard. */
export class FilterColumns {
  private live = new Uint8Array(0);
  private type = new Int32Array(0);
  private issuer = new Int32Array(0);
  private place = new Int32Array(0);
  private system = new Uint8Array(0);
  private year = new Int16Array(0);
  private cites: (Int32Array | undefined)[] = [];
  private readonly types = new Dictionary();
  private readonly issuers = new Dictionary();
  private readonly places = new Dictionary();
  private readonly keys = new Dictionary();

  /** Records the filterable fields of the document with short id `doc`. */
  set(doc: number, summary: IndexedSummary): void {
    const size = doc + 1;
    this.live = grow(this.live, size, (n) => new Uint8Array(n), 0);
    this.type = grow(this.type, size, (n) => new Int32Array(n), NONE);
    this.issuer = grow(this.issuer, size, (n) => new Int32Array(n), NONE);
    this.place = grow(this.place, size, (n) => new Int32Array(n), NONE);
    this.system = grow(this.system, size, (n) => new Uint8Array(n), 0);
    this.year = grow(this.year, size, (n) => new Int16Array(n), 0);
    this.live[doc] = 1;
    this.type[doc] = this.types.idOf(summary.docType ? `${summary.docType.code}\u0000${summary.docType.name}` : null);
    this.issuer[doc] = this.issuers.idOf(summary.issuer);
    this.place[doc] = this.places.idOf(summary.place);
    this.system[doc] = SYSTEMS.indexOf(summary.system);
    // Year 0 stands for "unknown": no document is dated in year 0.
    this.year[doc] = summary.year ?? 0;
    this.cites[doc] = summary.cites.length > 0 ? Int32Array.from(summary.cites, (key) => this.keys.idOf(key)) : undefined;
  }

  /** Forgets the document with short id `doc`. */
  delete(doc: number): void {
    if (doc < this.live.length) this.live[doc] = 0;
    this.cites[doc] = undefined;
  }

  /** For short ids `0 … size - 1`: 1 where the document is missing or `filter` excludes it. */
  exclusions(filter: CompiledFilter, size: number): Uint8Array {
    const excluded = new Uint8Array(size).fill(1);
    const typeFilter = filter.type;
    const types = typeFilter ? this.types.passing((value) => typeFilter(...(value.split("\u0000") as [string, string]))) : null;
    const issuers = filter.issuer ? this.issuers.passing(filter.issuer) : null;
    const places = filter.place ? this.places.passing(filter.place) : null;
    const system = filter.system ? SYSTEMS.indexOf(filter.system) : -1;
    const keySets = filter.cites.map((match) => this.keys.passing(match));
    const from = filter.years?.from ?? -Infinity;
    const to = filter.years?.to ?? Infinity;
    const n = Math.min(size, this.live.length);
    for (let doc = 0; doc < n; doc++) {
      if (this.live[doc] !== 1) continue;
      if (types && !types[this.type[doc]!]) continue;
      if (issuers && !issuers[this.issuer[doc]!]) continue;
      if (places && !places[this.place[doc]!]) continue;
      if (system >= 0 && this.system[doc] !== system) continue;
      if (filter.years) {
        const year = this.year[doc]!;
        if (year === 0 || year < from || year > to) continue;
      }
      if (keySets.length > 0) {
        const keys = this.cites[doc];
        if (!keys || !keySets.every((passing) => keys.some((key) => passing[key] === 1))) continue;
      }
      excluded[doc] = 0;
    }
    return excluded;
  }
}

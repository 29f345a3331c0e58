// A timing-free measure of how much work the pipeline does, in the units its costs come in: the
// characters regular expressions and string searches go over, the characters slicing, splitting,
// joining and case mapping produce, and the array elements visited by iteration, spreading and
// the callback methods (map, filter, some, find, …). A stage that runs a pattern over an
// ever-growing string, rescans a line once per word or copies a growing array shows up as work
// growing faster than its input, however fast or loaded the machine is: tests never assert on
// wall-clock time.
//
// Every regular-expression method (test, match, replace, split, matchAll, search) goes through
// RegExp.prototype.exec once that is replaced (V8 then leaves its fast paths), so one wrapper
// sees all of them, inside libraries (Chevrotain, remark) as well.

let work = 0;
// Work done inside a counted method (split calling exec) is counted once, at the outside.
let inside = 0;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

function replace(target: object, name: PropertyKey, make: (original: AnyFunction) => AnyFunction): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
  const original = descriptor.value as AnyFunction;
  Object.defineProperty(target, name, { ...descriptor, value: make(original) });
  return () => Object.defineProperty(target, name, descriptor);
}

/** A method whose cost is known from its receiver, arguments and result. */
function costed(target: object, name: PropertyKey, cost: (self: unknown, args: unknown[], result: unknown, before: number) => number, snapshot: (self: unknown) => number = () => 0): () => void {
  return replace(target, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      if (inside > 0) return original.apply(this, args);
      const before = snapshot(this);
      inside++;
      let result: unknown;
      try {
        result = original.apply(this, args);
      } finally {
        inside--;
      }
      work += cost(this, args, result, before);
      return result;
    },
  );
}

/** A method that calls back once per element visited: the calls are counted exactly. */
function perCall(target: object, name: PropertyKey): () => void {
  return replace(target, name, (original) =>
    function (this: unknown, ...args: unknown[]) {
      const callback = args[0];
      if (typeof callback !== "function") return original.apply(this, args);
      const counted = function (this: unknown, ...inner: unknown[]) {
        work++;
        return (callback as AnyFunction).apply(this, inner);
      };
      return original.apply(this, [counted, ...args.slice(1)]);
    },
  );
}

const chars = (value: unknown): number => (typeof value === "string" ? value.length : 0);

function regexCost(self: unknown, args: unknown[], result: unknown, lastIndex: number): number {
  const re = self as RegExp;
  const input = String(args[0]);
  const match = result as RegExpExecArray | null;
  // A sticky pattern looks only where it stands; one anchored at the start (without the m flag)
  // fails at once; any other scans from where it starts to the end of its match, or to the end.
  if (re.sticky || (re.source.startsWith("^") && !re.multiline)) return 1 + (match ? match[0].length : 0);
  const from = re.global ? lastIndex : 0;
  const end = match ? match.index + match[0].length : input.length;
  return 1 + Math.max(0, end - from);
}

function searchCost(self: unknown, args: unknown[], result: unknown): number {
  const length = String(self).length;
  const from = typeof args[1] === "number" ? Math.max(0, args[1]) : 0;
  const at = result as number;
  return 1 + (at >= 0 ? at - from + chars(args[0]) : Math.max(0, length - from));
}

function lastSearchCost(self: unknown, args: unknown[], result: unknown): number {
  const length = String(self).length;
  const from = typeof args[1] === "number" ? Math.min(length, Math.max(0, args[1])) : length;
  return 1 + from - Math.max(0, result as number);
}

// Splicing moves the elements after the cut.
function spliceCost(_self: unknown, args: unknown[], _result: unknown, lengthBefore: number): number {
  const start = Number(args[0] ?? 0);
  const at = start < 0 ? Math.max(0, lengthBefore + start) : Math.min(start, lengthBefore);
  return 1 + (lengthBefore - at) + Math.max(0, args.length - 2);
}

const ofString = (self: unknown) => 1 + String(self).length;
const trimmed = (self: unknown, _args: unknown[], result: unknown) => 1 + String(self).length - chars(result);
const ofResult = (_self: unknown, _args: unknown[], result: unknown) => 1 + (typeof result === "string" ? result.length : Array.isArray(result) ? result.length : 0);

/** Runs `fn` with the meter on and returns its result with the work counted. */
export function measureWork<T>(fn: () => T): { result: T; work: number } {
  const restore = [
    costed(RegExp.prototype, "exec", regexCost, (self) => (self as RegExp).lastIndex),
    costed(String.prototype, "indexOf", searchCost),
    costed(String.prototype, "lastIndexOf", lastSearchCost),
    costed(String.prototype, "includes", ofString),
    costed(String.prototype, "startsWith", (_self, args) => 1 + chars(args[0])),
    costed(String.prototype, "endsWith", (_self, args) => 1 + chars(args[0])),
    // V8 slices without copying, and trims by looking only at the white space it removes.
    costed(String.prototype, "slice", () => 1),
    costed(String.prototype, "substring", () => 1),
    costed(String.prototype, "split", ofString),
    costed(String.prototype, "normalize", ofString),
    costed(String.prototype, "toLowerCase", ofString),
    costed(String.prototype, "toUpperCase", ofString),
    costed(String.prototype, "toLocaleUpperCase", ofString),
    costed(String.prototype, "toLocaleLowerCase", ofString),
    costed(String.prototype, "trim", trimmed),
    costed(String.prototype, "trimStart", trimmed),
    costed(String.prototype, "trimEnd", trimmed),
    costed(String.prototype, "repeat", ofResult),
    costed(String.prototype, "padStart", ofResult),
    costed(String.prototype, "padEnd", ofResult),
    costed(Array.prototype, "join", ofResult),
    costed(Array.prototype, "slice", ofResult),
    costed(Array.prototype, "concat", ofResult),
    costed(Array.prototype, "indexOf", (self) => 1 + (self as unknown[]).length),
    costed(Array.prototype, "includes", (self) => 1 + (self as unknown[]).length),
    costed(Array.prototype, "splice", spliceCost, (self) => (self as unknown[]).length),
    costed(Array.prototype, "unshift", (self) => 1 + (self as unknown[]).length),
    costed(Array.prototype, "shift", (self) => 1 + (self as unknown[]).length),
    ...(["map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "forEach", "reduce", "flatMap"] as const).map((name) => perCall(Array.prototype, name)),
    // for-of and spreading: each element taken from an array iterator.
    replace(ArrayIteratorPrototype, "next", (original) =>
      function (this: unknown, ...args: unknown[]) {
        work++;
        return original.apply(this, args);
      },
    ),
  ];
  const before = work;
  try {
    const result = fn();
    return { result, work: work - before };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]()) as object;

/** How much more work the larger input cost than the smaller one (the meter's ratio). */
export function workGrowth(run: (size: number) => unknown, small: number, factor: number): { small: number; large: number; ratio: number } {
  const a = measureWork(() => run(small)).work;
  const b = measureWork(() => run(small * factor)).work;
  return { small: a, large: b, ratio: b / a };
}

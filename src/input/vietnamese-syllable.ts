// Whether a word is a well-formed Vietnamese syllable: onset + (medial) vowel cluster + coda, at
// most one tone mark, and the tone allowed by the coda. Encoding detection scores every word of
// every candidate decoding with it, and character repair uses it to regroup split syllables, so it
// must be cheap: the toneless syllables are enumerated once into a Set, and a word is checked by
// stripping its tone (one table lookup per character) and looking the rest up.
//
// The inventory is the standard one of Vietnamese orthography (onsets, rhymes, spelling rules
// c/k/q, g/gh, ng/ngh). It accepts the tone on any vowel of the cluster, because real documents
// hold misplaced marks (`qúy`, `hòan`, `ngừơi`) that are still Vietnamese.

const TONE_NONE = 0;
const TONE_GRAVE = 1; // huyền
const TONE_HOOK = 2; // hỏi
const TONE_TILDE = 3; // ngã
const TONE_ACUTE = 4; // sắc
const TONE_DOT = 5; // nặng

// Each vowel with its five toned forms, in the order grave, hook, tilde, acute, dot.
const TONED_VOWELS: Record<string, string> = {
  a: "àảãáạ",
  ă: "ằẳẵắặ",
  â: "ầẩẫấậ",
  e: "èẻẽéẹ",
  ê: "ềểễếệ",
  i: "ìỉĩíị",
  o: "òỏõóọ",
  ô: "ồổỗốộ",
  ơ: "ờởỡớợ",
  u: "ùủũúụ",
  ư: "ừửữứự",
  y: "ỳỷỹýỵ",
};

// Lower-case letter → [toneless letter, tone]; letters outside the table end the check.
const LETTERS = new Map<string, readonly [string, number]>();
for (const c of "bcdđghklmnpqrstvx") LETTERS.set(c, [c, TONE_NONE]);
for (const [base, toned] of Object.entries(TONED_VOWELS)) {
  LETTERS.set(base, [base, TONE_NONE]);
  for (let t = 0; t < toned.length; t++) LETTERS.set(toned[t]!, [base, t + 1]);
}

// Rhymes as nucleus (with medial) → allowed codas; "" is the open rhyme.
const RHYMES: Record<string, readonly string[]> = {
  a: ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"],
  // k only in the Central Highlands names Đắk, Lắk, Đăk.
  ă: ["c", "k", "m", "n", "ng", "p", "t"],
  â: ["c", "m", "n", "ng", "p", "t", "u", "y"],
  e: ["", "c", "m", "n", "ng", "p", "t", "o"],
  ê: ["", "ch", "m", "n", "nh", "p", "t", "u"],
  i: ["", "ch", "m", "n", "nh", "p", "t", "u"],
  ia: [""],
  iê: ["c", "m", "n", "ng", "p", "t", "u"],
  yê: ["m", "n", "ng", "t", "u"],
  o: ["", "c", "i", "m", "n", "ng", "p", "t"],
  oo: ["c", "ng"],
  ô: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ơ: ["", "i", "m", "n", "p", "t"],
  u: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ua: [""],
  uô: ["c", "i", "m", "n", "ng", "t"],
  ư: ["", "c", "i", "m", "ng", "t", "u"],
  ưa: [""],
  ươ: ["c", "i", "m", "n", "ng", "p", "t", "u"],
  y: [""],
  // Medial o.
  oa: ["", "c", "ch", "i", "m", "n", "ng", "nh", "p", "t", "y", "o"],
  oă: ["c", "m", "n", "ng", "t"],
  oe: ["", "n", "t", "o"],
  // Medial u.
  uâ: ["n", "ng", "t", "y"],
  uê: ["", "ch", "n", "nh"],
  uy: ["", "ch", "n", "nh", "p", "t", "u"],
  uya: [""],
  uyê: ["n", "t"],
  uơ: [""],
};

const ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"];
const FRONT = /^(?:e|ê|i|y|ia|iê)/; // nuclei that take k, gh, ngh instead of c, g, ng
const MEDIAL_O = /^o[aăe]/;
const MEDIAL_U = /^u(?:[âêơ]|y)/;

function allowed(onset: string, nucleus: string): boolean {
  const front = FRONT.test(nucleus);
  switch (onset) {
    case "c":
      // c before a medial is written q(u): qua, quân.
      return !front && !MEDIAL_U.test(nucleus) && !MEDIAL_O.test(nucleus);
    case "ng":
      return !front;
    case "k":
    case "gh":
    case "ngh":
      return front;
    case "g":
      // `gì`, `gìn`: g before i is the gi onset sharing its i.
      return (!front || nucleus === "i") && !MEDIAL_U.test(nucleus);
    case "gi":
      return !/^[iy]/.test(nucleus) && !MEDIAL_O.test(nucleus) && !MEDIAL_U.test(nucleus);
    case "":
      // Without an onset the iê diphthong is written yê (yêu, yên), and yê needs no onset or a u.
      return nucleus !== "iê";
    default:
      return nucleus !== "yê";
  }
}

// Toneless syllable → bit mask of the positions a tone may stand on: any vowel of the cluster
// (old and new placement, and the misplaced marks of real documents), the u of qu (`qủa` is
// met), never a final semivowel (`xaõ` is VNI for xã read wrongly, not Vietnamese).
function buildSyllables(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (onset: string, nucleus: string, coda: string, extra = 0) => {
    let mask = extra;
    for (let k = 0; k < nucleus.length; k++) mask |= 1 << (onset.length + k);
    const key = onset + nucleus + coda;
    map.set(key, (map.get(key) ?? 0) | mask);
  };
  for (const [nucleus, codas] of Object.entries(RHYMES)) {
    for (const coda of codas) {
      for (const onset of ONSETS) if (allowed(onset, nucleus)) add(onset, nucleus, coda);
      // qu takes the rhymes of medial o/u with the medial written as its u (qua, quân, quyết).
      const medial = /^[ou](.+)$/.exec(nucleus);
      if (medial && nucleus !== "uô" && nucleus !== "ua" && nucleus !== "ươ" && nucleus !== "oo") add("qu", medial[1]!, coda, 1 << 1);
      // gi before iê drops the i (giếng, giết).
      if (nucleus === "iê") add("gi", nucleus.slice(1), coda);
    }
  }
  // qu + ô (quốc) and the old spelling qui.
  for (const coda of RHYMES["ô"]!) add("qu", "ô", coda, 1 << 1);
  for (const coda of RHYMES["i"]!) add("qu", "i", coda, 1 << 1);
  return map;
}

const SYLLABLES = buildSyllables();
const STOP_CODA = /(?:[ptc]|ch)$/;

/**
 * Whether `word` (NFC, any case) is one well-formed Vietnamese syllable: a known onset, vowel
 * cluster and coda, at most one tone mark, and only sắc or nặng after p, t, c, ch.
 * @example isVietnameseSyllable("Nguyễn") // true; isVietnameseSyllable("Müller") // false
 */
export function isVietnameseSyllable(word: string): boolean {
  const n = word.length;
  if (n === 0 || n > 8) return false;
  // Documents repeat a few thousand syllables: remembering answers halves the cost per word.
  const known = cache.get(word);
  if (known !== undefined) return known;
  const answer = check(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, answer);
  return answer;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, boolean>();

function check(word: string): boolean {
  const n = word.length;
  const lower = word.toLowerCase();
  let toneless = "";
  let tone = TONE_NONE;
  let toneAt = 0;
  for (let i = 0; i < n; i++) {
    const entry = LETTERS.get(lower[i]!);
    if (!entry) return false;
    if (entry[1] !== TONE_NONE) {
      if (tone !== TONE_NONE) return false;
      tone = entry[1];
      toneAt = i;
    }
    toneless += entry[0];
  }
  const positions = SYLLABLES.get(toneless);
  if (positions === undefined) return false;
  if (tone === TONE_NONE) return true;
  return (positions & (1 << toneAt)) !== 0 && (tone === TONE_ACUTE || tone === TONE_DOT || !STOP_CODA.test(toneless));
}

// Vietnam's provinces, the one table of them: the 63 provinces and centrally-run cities that
// existed until the 2025 reorganisation, and the 34 that Nghị quyết 202/2025/QH15 (in force
// 12/6/2025) made of them. A document issued in a former province is found under the province it
// now belongs to, and keeps the former name (a 2020 plan of Sóc Trăng is Cần Thơ's today, and still
// Sóc Trăng's). Names are matched folded (no diacritics, đ → d), with the variants documents write.

/** One province or centrally-run city of today, with the former provinces merged into it. */
export interface Province {
  /** the name without its level word: `Cần Thơ` */
  name: string;
  /** a centrally-run city (thành phố trực thuộc trung ương) rather than a tỉnh */
  city: boolean;
  /** the provinces merged into it in 2025 (itself not included); empty when it was kept as it was */
  merged: readonly string[];
}

/** The 34 provinces after Nghị quyết 202/2025/QH15; the first name of each merger is the one kept. */
export const PROVINCES: readonly Province[] = [
  // The eleven kept as they were.
  { name: "Hà Nội", city: true, merged: [] },
  { name: "Huế", city: true, merged: [] },
  { name: "Lai Châu", city: false, merged: [] },
  { name: "Điện Biên", city: false, merged: [] },
  { name: "Sơn La", city: false, merged: [] },
  { name: "Lạng Sơn", city: false, merged: [] },
  { name: "Quảng Ninh", city: false, merged: [] },
  { name: "Thanh Hóa", city: false, merged: [] },
  { name: "Nghệ An", city: false, merged: [] },
  { name: "Hà Tĩnh", city: false, merged: [] },
  { name: "Cao Bằng", city: false, merged: [] },
  // The twenty-three made by merging.
  { name: "Tuyên Quang", city: false, merged: ["Hà Giang"] },
  { name: "Lào Cai", city: false, merged: ["Yên Bái"] },
  { name: "Thái Nguyên", city: false, merged: ["Bắc Kạn"] },
  { name: "Phú Thọ", city: false, merged: ["Vĩnh Phúc", "Hòa Bình"] },
  { name: "Bắc Ninh", city: false, merged: ["Bắc Giang"] },
  { name: "Hưng Yên", city: false, merged: ["Thái Bình"] },
  { name: "Hải Phòng", city: true, merged: ["Hải Dương"] },
  { name: "Ninh Bình", city: false, merged: ["Hà Nam", "Nam Định"] },
  { name: "Quảng Trị", city: false, merged: ["Quảng Bình"] },
  { name: "Đà Nẵng", city: true, merged: ["Quảng Nam"] },
  { name: "Quảng Ngãi", city: false, merged: ["Kon Tum"] },
  { name: "Gia Lai", city: false, merged: ["Bình Định"] },
  { name: "Khánh Hòa", city: false, merged: ["Ninh Thuận"] },
  { name: "Lâm Đồng", city: false, merged: ["Đắk Nông", "Bình Thuận"] },
  { name: "Đắk Lắk", city: false, merged: ["Phú Yên"] },
  { name: "Hồ Chí Minh", city: true, merged: ["Bình Dương", "Bà Rịa - Vũng Tàu"] },
  { name: "Đồng Nai", city: false, merged: ["Bình Phước"] },
  { name: "Tây Ninh", city: false, merged: ["Long An"] },
  { name: "Cần Thơ", city: true, merged: ["Sóc Trăng", "Hậu Giang"] },
  { name: "Vĩnh Long", city: false, merged: ["Bến Tre", "Trà Vinh"] },
  { name: "Đồng Tháp", city: false, merged: ["Tiền Giang"] },
  { name: "Cà Mau", city: false, merged: ["Bạc Liêu"] },
  { name: "An Giang", city: false, merged: ["Kiên Giang"] },
];

/** Other ways documents write a province's name (folded), mapped to the name in the table. */
const VARIANTS: Readonly<Record<string, string>> = {
  "thua thien hue": "Huế",
  "thua thien - hue": "Huế",
  "hcm": "Hồ Chí Minh",
  "hcmc": "Hồ Chí Minh",
  "sai gon": "Hồ Chí Minh",
  "ba ria vung tau": "Bà Rịa - Vũng Tàu",
  "brvt": "Bà Rịa - Vũng Tàu",
  "br vt": "Bà Rịa - Vũng Tàu",
  "bac can": "Bắc Kạn",
  "dac lac": "Đắk Lắk",
  "dak lak": "Đắk Lắk",
  "daklak": "Đắk Lắk",
  "dac nong": "Đắk Nông",
  "daknong": "Đắk Nông",
  "kontum": "Kon Tum",
};

/** A province a name stands for: today's province, and the former one when the name is of a province merged in 2025. */
export interface ProvinceMatch {
  /** today's province (one of the 34) */
  province: string;
  /** the province of before 2025 the name names, when it was merged into another (`Sóc Trăng`) */
  former: string | null;
  city: boolean;
}

const FOLD_MARKS = /\p{M}/gu;

/**
 * A place name folded to the form every spelling of it shares: no diacritics, đ → d, lower case,
 * punctuation and dashes as single spaces, the level word (`tỉnh`, `thành phố`, `TP.`) left out.
 * "TP. Cần Thơ", "thành phố Cần Thơ", "TP.Cần Thơ" and "Cần Thơ" are all `can tho`.
 * @example placeKey("TP.Cần Thơ") // "can tho"
 */
export function placeKey(name: string): string {
  const folded = name
    .normalize("NFD")
    .replace(FOLD_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return folded.replace(LEVEL_PREFIX, "").trim();
}

// The level words a place name may open with, folded (tp. as `tp` once punctuation is gone). Only
// the levels of a province and a district: "xã", folded, would also be the "xa" of other words.
const LEVEL_PREFIX = /^(?:tinh|thanh pho|tp|t p|quan|huyen|thi xa|tx)\s+/;

const byKey = new Map<string, ProvinceMatch>();
for (const p of PROVINCES) {
  byKey.set(placeKey(p.name), { province: p.name, former: null, city: p.city });
  for (const former of p.merged) byKey.set(placeKey(former), { province: p.name, former, city: false });
}
for (const [variant, name] of Object.entries(VARIANTS)) {
  const match = byKey.get(placeKey(name));
  if (match) byKey.set(placeKey(variant), match);
}

/**
 * The province a place name names (in any spelling, with or without its level word), or null when
 * it names none of the 63 former or 34 current provinces (a district, a commune).
 * @example provinceOf("tỉnh Sóc Trăng") // { province: "Cần Thơ", former: "Sóc Trăng", city: false }
 */
export function provinceOf(name: string): ProvinceMatch | null {
  return byKey.get(placeKey(name)) ?? null;
}

// Every key, the longest first, as one pattern of whole words, to find a province inside a
// body's name ("Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu").
const ANY_PROVINCE = new RegExp(`(?:^| )(${[...byKey.keys()].sort((a, b) => b.length - a.length).join("|")})(?= |$)`);

const AFTER_LEVEL = new RegExp(`(?:^| )(?:tinh uy|thanh uy|tinh|thanh pho|tp) (${[...byKey.keys()].sort((a, b) => b.length - a.length).join("|")})(?= |$)`);

/**
 * The province named in a longer text (a body's name, folded or not): the first province name
 * that stands after a province-level word (`tỉnh`, `thành phố`, `TP`, `Tỉnh ủy`, `Thành ủy`), else
 * the first standing alone; null when none is named.
 * @example provinceNamedIn("Ủy ban nhân dân huyện Bình Sơn, tỉnh Quảng Ngãi") // { province: "Quảng Ngãi", … }
 */
export function provinceNamedIn(text: string): ProvinceMatch | null {
  const folded = ` ${placeKeyWords(text)} `;
  const m = AFTER_LEVEL.exec(folded) ?? ANY_PROVINCE.exec(folded.trim());
  return m ? byKey.get(m[1]!)! : null;
}

// Folded words of a text, without removing a leading level word.
function placeKeyWords(text: string): string {
  return text
    .normalize("NFD")
    .replace(FOLD_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The 63 provinces of before the 2025 reorganisation. */
export function formerProvinces(): string[] {
  return PROVINCES.flatMap((p) => [p.name === "Huế" ? "Thừa Thiên Huế" : p.name, ...p.merged]);
}

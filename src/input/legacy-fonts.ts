// What a font's name says about the bytes set in it. Vietnamese fonts of the 1990s and 2000s
// drew Vietnamese letters at the code points of Latin-1 ones, each family by its own code: the
// ABC fonts (`.VnTime`, `.VnArial`, … ; the `H` variants `.VnTimeH`, `.VnArialH` draw capitals
// at the lower-case positions, for headings) by TCVN3, the VNI fonts (`VNI-Times`, `VNI-Helve`)
// by VNI. A name that matches neither says nothing (a Unicode font, or a legacy font with an odd
// name such as `VNSTCVN3`, seen holding both codes): its text goes to detection.

/** How the bytes of a run are encoded, as its font tells: TCVN3, TCVN3 drawn as capitals, or VNI. */
export type FontEncoding = "tcvn3" | "tcvn3-capitals" | "vni";

// `.VnTime`, `.VnArial Narrow`, `VnTime` (the dot is sometimes lost), `.VnTimeH`, `.VnArialH`.
const ABC = /^\.?Vn[A-Z]/;
// An `H` after a lower-case letter or space ends the name of the capitals variants.
const ABC_CAPITALS = /[a-z ]H$/;
const VNI = /^VNI[- ]/i;

/** The encoding a font's name implies, or null when it implies none. */
export function fontEncoding(name: string | null): FontEncoding | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (ABC.test(trimmed)) return ABC_CAPITALS.test(trimmed) ? "tcvn3-capitals" : "tcvn3";
  if (VNI.test(trimmed)) return "vni";
  return null;
}

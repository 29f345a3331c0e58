// How a document relates to one its subject clause names: "Kế hoạch ... về tiếp tục thực hiện
// Nghị quyết số 29-NQ/TW" continues it, "về thực hiện" / "triển khai" implements it, "sửa đổi, bổ
// sung" amends it, "thay thế" replaces it. The words are read on the folded text (no marks,
// lower case) just before the cited document, so tone placement and case do not matter.
import { foldDiacritics } from "../../grammars/text/fold.js";
import type { Relation } from "./store-format.js";

/** The verbs that state a relation, in the order they are tried (longer phrases first), each with why it means that relation. */
export const RELATION_WORDS: readonly { words: RegExp; relation: Relation; why: string }[] = [
  { words: /tiep tuc (?:lanh dao chi dao |day manh |trien khai )?(?:thuc hien|trien khai|quan triet)$/, relation: "continues", why: "tiếp tục thực hiện: a follow-up of the cited document" },
  { words: /(?:sua doi bo sung|sua doi|bo sung)(?: mot so dieu| mot so noi dung)?(?: cua)?$/, relation: "amends", why: "sửa đổi, bổ sung: changes the cited document's text" },
  { words: /thay the$/, relation: "replaces", why: "thay thế: takes the cited document's place" },
  {
    words: /(?:thuc hien|trien khai(?: thuc hien)?|to chuc thuc hien|huong dan(?: thi hanh| thuc hien)?|quan triet(?: va trien khai)?|cu the hoa|quy dinh chi tiet(?: thi hanh)?|hanh dong thuc hien|ban hanh ke hoach thuc hien)$/,
    relation: "implements",
    why: "thực hiện, triển khai, hướng dẫn, cụ thể hóa: puts the cited document into effect",
  },
];

/**
 * The relation stated by the words just before a cited document (`về tiếp tục thực hiện` →
 * `continues`), or null when they state none.
 * @example
 * relationBefore("Kết luận số 91-KL/TW của Bộ Chính trị về tiếp tục thực hiện ") // → "continues"
 */
export function relationBefore(text: string): Relation | null {
  // Only the last few words can be the verb of this citation; a long prefix would be folded for nothing.
  const folded = foldDiacritics(text.slice(-80));
  for (const { words, relation } of RELATION_WORDS) if (words.test(folded)) return relation;
  return null;
}

// Test-only writers of ZIP archives and .docx files, written from the formats' specifications
// (APPNOTE.TXT, ECMA-376) rather than from the reader, so the reader is checked against them.
import { crc32, deflateRawSync } from "node:zlib";

/** A ZIP archive of the given files (deflated, or stored with `store`). */
export function makeZip(files: Record<string, string | Uint8Array>, options: { store?: boolean } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const packed = options.store ? Buffer.from(data) : deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(options.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(options.store ? 0 : 8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A paragraph of runs; `list` numbers it with a list of numbering.xml. */
export function paragraph(text: string, options: { list?: { numId: number; level: number } } = {}): string {
  const props = options.list ? `<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:numPr><w:ilvl w:val="${options.list.level}"/><w:numId w:val="${options.list.numId}"/></w:numPr></w:pPr>` : "";
  return `<w:p>${props}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A table: rows of cells, each cell a list of paragraphs' texts. */
export function table(rows: string[][][]): string {
  return `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr/>${cell.map((t) => paragraph(t)).join("")}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;
}

/** A numbering.xml with one list (numId 1): I., then 1., then a). */
export const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** A .docx of the given body XML (and numbering or footnotes parts). */
export function makeDocx(body: string, parts: { numbering?: string; footnotes?: string } = {}, options: { store?: boolean } = {}): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
  };
  if (parts.numbering) files["word/numbering.xml"] = parts.numbering;
  if (parts.footnotes) files["word/footnotes.xml"] = parts.footnotes;
  return makeZip(files, options);
}

/** A short công văn as a Word file lays it out: header and signature in tables, numbered sections. */
export function sampleDocx(): Uint8Array {
  const body = [
    table([[["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN", "Số: 203/TB-UBND"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Sơn, ngày 18 tháng 6 năm 2024"]]]),
    paragraph("THÔNG BÁO"),
    paragraph("Kết luận của Chủ tịch UBND huyện tại Hội nghị triển khai kế hoạch"),
    `<w:p><w:r><w:t xml:space="preserve">Ngày 14/6/2024, Ủy ban nhân dân huyện tổ chức Hội nghị</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r><w:del><w:r><w:delText>chữ đã xóa</w:delText></w:r></w:del></w:p>`,
    paragraph("ĐÁNH GIÁ CHUNG", { list: { numId: 1, level: 0 } }),
    paragraph("Kết quả đạt được", { list: { numId: 1, level: 1 } }),
    paragraph("Ưu điểm", { list: { numId: 1, level: 2 } }),
    paragraph("Hạn chế", { list: { numId: 1, level: 2 } }),
    paragraph("NHIỆM VỤ THỜI GIAN TỚI", { list: { numId: 1, level: 0 } }),
    paragraph("Phòng Giáo dục chủ trì thực hiện", { list: { numId: 1, level: 1 } }),
    table([[["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Thanh Thương"]]]),
  ].join("");
  const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Kế hoạch số 12/KH-UBND ngày 1/2/2024.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
  return makeDocx(body, { numbering: NUMBERING, footnotes });
}

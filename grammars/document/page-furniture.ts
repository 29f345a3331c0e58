// What web portals wrap around a document (banners, metadata tables, notices, related links,
// log-in prompts). Lines like these after the signature end the document; before the header
// they are skipped with everything else that precedes it.

/** Lines of portal furniture, matched at the start of a trimmed line. */
export const FURNITURE_LINE =
  /^(?:Văn bản này chưa cập nhật|Văn bản liên quan|Bản dịch này thuộc quyền|THƯ VIỆN PHÁP LUẬT|Thư Viện Pháp Luật|Cảm ơn đã dùng|Đang tải văn bản|Nội dung văn bản đang được cập nhật|Tải văn bản|Click vào phần|Rà chuột vào|Chú thích\s*:?\s*$|NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN|Văn bản bị thay thế|Văn bản thay thế|Lược đồ|Tiếng Anh\s*$|Tình trạng\s*:|Hiệu lực\s*:|Cập nhật\s*:|Ban hành\s*:|Số hiệu\s*:|Loại văn bản\s*:|Nơi ban hành\s*:|Người ký\s*:|Ngày ban hành\s*:|Ngày hiệu lực\s*:|Ngày công báo\s*:|Số công báo\s*:|Source\s*:|Nguồn\s*:|Bạn Chưa Đăng Nhập|Vui lòng Đăng nhập|Quý khách|Tài khoản|Hỗ trợ\s*:)/u;

/** A closing line that portals put right after the document: "<Type> <number> năm <year> ... ban hành". */
export const PORTAL_CAPTION = /^(?:Kết luận|Quyết định|Nghị quyết|Nghị định|Thông tư|Công văn|Kế hoạch|Thông báo|Hướng dẫn|Quy định|Chỉ thị|Công điện|Tờ trình)\s+\d[\w./-]*(?:\s+năm\s+\d{4}|\s+ngày\s+\d)[^\n]*(?:ban hành|do\s+[^\n]+)$/u;

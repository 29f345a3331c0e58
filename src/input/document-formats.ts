// The file formats vanban reads as documents, by extension: the one list that every lister of a
// collection's files and every reader consults, so that a format added here is read everywhere.
// Each format's reader lives in its own module (read-docx.ts, read-doc.ts, read-rtf.ts,
// read-html.ts, …); this file only names them.

/** Extensions of the files read as documents when a folder is listed (a file named explicitly is read whatever its extension). */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".md", ".markdown", ".text", ".docx", ".doc", ".rtf", ".html", ".htm", ".pdf"]);

import { z } from "zod";
import { DocumentRecord } from "./record.js";

/** The JSON Schema (draft 2020-12) of the document record, generated from the zod schemas. */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://github.com/vanban/vanban/schema/document-record-v1.json",
    title: "DocumentRecord",
    ...z.toJSONSchema(DocumentRecord, { target: "draft-2020-12" }),
  } as Record<string, unknown>;
}

export * from "./record.js";
export { recordJsonSchema } from "./json-schema.js";

import { recordJsonSchema } from "../../model/json-schema.js";
import { UsageError, type CommandIo } from "../command-io.js";

/** `vanban schema`: prints the JSON Schema of the document record. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help")) {
    io.out("Usage: vanban schema\n\nPrints the JSON Schema (draft 2020-12) of the document record, generated from the zod schemas.\n");
    return 0;
  }
  if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
  io.out(JSON.stringify(recordJsonSchema(), null, 2) + "\n");
  return 0;
}

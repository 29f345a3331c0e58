// Chevrotain, as every grammar here uses it. The package's entry point is some 680 modules (its
// lodash-es among them, a module per function), ~270 ms to load in every process that parses:
// `vanban parse`, `cites`, `refs`, each parse worker of `vanban index`. The package also ships
// the same code as one file (`lib/chevrotain.mjs`, the build of the same version, lodash inlined),
// which loads in ~20 ms; that file is loaded here, and the entry point when a version ships
// without it. All of the grammars' Chevrotain values must come from this module: token types,
// lexers and parsers of two copies of Chevrotain would not work together. Types come from the
// package itself.
import type * as Api from "chevrotain";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

async function load(): Promise<typeof Api> {
  try {
    // `chevrotain` resolves to lib/src/api.js; the single file is lib/chevrotain.mjs.
    const bundle = join(dirname(createRequire(import.meta.url).resolve("chevrotain")), "..", "chevrotain.mjs");
    if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as typeof Api;
  } catch {
    // Resolved some other way (a bundler): the entry point below.
  }
  return import("chevrotain");
}

const chevrotain = await load();

export const { createToken, tokenMatcher, createSyntaxDiagramsCode, generateCstDts, EOF } = chevrotain;
export const Lexer = chevrotain.Lexer;
export type Lexer = Api.Lexer;
export const CstParser = chevrotain.CstParser;
export type CstParser = Api.CstParser;

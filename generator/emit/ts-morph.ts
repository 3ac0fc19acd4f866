import { createRequire } from 'node:module';

/**
 * ts-morph's values, required rather than imported: to import a CommonJS package, Node's ESM
 * loader first lexes its sources (TypeScript's 9 MB among them) for the names it exports, which
 * costs ~100 ms on every run and gains nothing. Types are imported from 'ts-morph' as usual.
 */
const tsMorph: typeof import('ts-morph') = createRequire(import.meta.url)('ts-morph');

export const { ModuleDeclarationKind, printStructure, StructureKind, Writers } = tsMorph;

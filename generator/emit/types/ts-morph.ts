import { createRequire } from 'node:module';

/**
 * ts-morph's values. It is a CommonJS package without a module type: imported as an ES module, Node
 * would first compile it once more to detect its syntax and scan it for named exports; required, it
 * is compiled once.
 */
export const { ModuleDeclarationKind, printStructure, StructureKind, Writers } = createRequire(import.meta.url)(
  'ts-morph',
) as typeof import('ts-morph');

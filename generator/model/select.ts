/**
 * Selection: keeps the operations a team asked for, so every emitter sees a smaller model and
 * knows nothing of the selection. Schemas are already resolved into each operation, so whatever
 * the kept operations `$ref` comes along with them.
 */
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';
import type { ApiModel, Diagnostic, Operation } from './types.ts';

// CommonJS without a module type: required, it is compiled once (see emit/types/ts-morph.ts).
const picomatch = createRequire(import.meta.url)('picomatch') as typeof Picomatch;

export interface Selection {
  /** Globs over URL paths (`v3/pay/**`) or, prefixed with `tag:`, over tags (`tag:基础支付`); none keeps everything. */
  include: readonly string[];
  /** Same syntax; an operation matched here is dropped even when an include matches it. */
  exclude: readonly string[];
}

const TAG_PREFIX = 'tag:';

function matcherOf(pattern: string): (operation: Operation) => boolean {
  const overTags = pattern.startsWith(TAG_PREFIX);
  const matches = picomatch(overTags ? pattern.slice(TAG_PREFIX.length) : pattern, { dot: true });
  return overTags ? (operation) => operation.tags.some((tag) => matches(tag)) : (operation) => matches(operation.path);
}

/** Where a diagnostic about the command line points: there is no spec file to name. */
const COMMAND_LINE = { file: '(command line)', line: 1, col: 1 };

export function selectOperations(
  model: ApiModel,
  selection: Selection = { include: [], exclude: [] },
): { model: ApiModel; diagnostics: Diagnostic[] } {
  if (selection.include.length === 0 && selection.exclude.length === 0) return { model, diagnostics: [] };
  const includes = selection.include.map((pattern) => ({ pattern, matches: matcherOf(pattern), used: false }));
  const excludes = selection.exclude.map(matcherOf);
  const keep = (operation: Operation): boolean => {
    if (excludes.some((matches) => matches(operation))) return false;
    if (includes.length === 0) return true;
    const matching = includes.filter((include) => include.matches(operation));
    for (const include of matching) include.used = true;
    return matching.length > 0;
  };
  const endpoints = model.endpoints
    .map((endpoint) => ({ ...endpoint, operations: endpoint.operations.filter(keep) }))
    .filter((endpoint) => endpoint.operations.length > 0);
  const diagnostics = includes
    .filter((include) => !include.used)
    .map(
      ({ pattern }): Diagnostic => ({
        severity: 'warning',
        code: 'UNMATCHED_INCLUDE',
        message: `--include '${pattern}' selects no operation${pattern.startsWith(TAG_PREFIX) ? '' : ' (patterns match URL paths such as v3/pay/transactions/jsapi; prefix tags with tag:)'}`,
        location: COMMAND_LINE,
      }),
    );
  return { model: { ...model, endpoints }, diagnostics };
}

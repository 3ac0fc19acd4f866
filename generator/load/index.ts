import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathSegments } from '../model/naming.ts';
import {
  compareText,
  HTTP_METHODS,
  type ApiModel,
  type Diagnostic,
  type Endpoint,
  type HttpMethod,
  type Operation,
} from '../model/types.ts';
import { FileStore, listTree, type ParsedFile } from './files.ts';
import { loadNotifications, NOTIFICATIONS_FILE } from './notifications.ts';
import { OperationLoader } from './operation.ts';
import { Reporter, type Trace } from './report.ts';
import type { YPair } from './yaml-tree.ts';
import { SchemaResolver } from './schema.ts';
import { SpecFile } from './source.ts';
import { didYouMean } from './suggest.ts';
import { ValueReader } from './values.ts';

export interface LoadOptions {
  /** Report per-operation data errors as warnings, degrade the broken node and load the rest. */
  keepGoing?: boolean;
  /** What earlier loads (a watch session's) built, reused where its inputs are unchanged; updated. */
  cache?: LoadCache;
}

/** What a load keeps for the next: the same inputs give the same objects, so emitters' memos (emit/memo.ts) hit by identity. */
export interface LoadCache {
  /** Spec files by path on disk, reused while their text is unchanged. */
  parsed: Map<string, ParsedFile>;
  /** By the method's entry in its parsed file, reused while every `$ref` file it read is unchanged. */
  operations: WeakMap<YPair, [Operation | undefined, Trace]>;
  endpoints: Map<string, Endpoint>;
  /** What the last load listed under each root's `v3`, used unlisted while a watcher holds that no entry was added, removed or renamed since. */
  listed?: (string[] | undefined)[];
  listingHolds?: boolean;
}

export interface LoadResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

/** A file named `{empty}.yaml` stands for the trailing slash. */
const EMPTY_SEGMENT = /(?<=^|\/)\{empty\}$/;
const SPEC_EXTENSION = /\.ya?ml$/;

/**
 * Loads every `v3/**` spec file under the spec roots into the model; a later root overrides an
 * earlier one per file (and per top-level name in the files `$ref`s reach). Never throws for bad
 * input: every problem is a diagnostic with the file (relative to its root, prefixed with the root
 * when there are several), line and column.
 */
export async function loadSpecs(specDirs: string | readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const roots = typeof specDirs === 'string' ? [specDirs] : specDirs;
  const { cache } = options;
  const reporter = new Reporter(options.keepGoing ?? false);
  const files = new FileStore(roots, reporter, cache?.parsed);
  const schemas = new SchemaResolver(files, reporter);
  const operations = new OperationLoader(schemas, reporter);
  const read = new ValueReader(reporter);
  const endpoints = new Map<string, Endpoint>();
  const loadOperation = (file: SpecFile, path: string, method: HttpMethod, pair: YPair): Operation | undefined => {
    const kept = cache?.operations.get(pair);
    if (kept && [...kept[1].files].every(([target, layers]) => sameItems(files.layers(target), layers))) {
      reporter.replay(kept[1]);
      return kept[0];
    }
    const built = reporter.trace(() => operations.load(file, path, method, pair));
    // A cycle is reported where a cold load enters it first, and a missing file may turn into a symlink out of the root: built anew.
    const cacheable =
      built[1].diagnostics.every((entry) => entry.code !== 'REF_CYCLE') &&
      [...built[1].files.values()].every((layers) => layers.length > 0);
    if (cacheable) cache?.operations.set(pair, built);
    return built[0];
  };

  // A patch layer may hold only definitions: a root without `v3` is an error only when every root lacks it.
  const listed = (cache?.listingHolds && cache.listed) || roots.map((root) => listSpecFiles(root, 'v3'));
  if (cache) cache.listed = listed;
  for (const [index, root] of roots.entries()) files.listed.set(root, new Set(listed[index]));
  if (listed.every((list) => list === undefined))
    reporter.invalid(new SpecFile('v3', ''), 0, 'READ_ERROR', `no \`v3\` folder in ${roots.join(', ')}`);
  for (const relativePath of [...new Set(listed.flatMap((list) => list ?? []))].sort(compareText)) {
    const file = files.open(relativePath);
    if (!file?.parsed.ok) continue;
    // `v3/a/{id}.yaml` -> `v3/a/{id}`; `v3/a/{empty}.yaml` -> `v3/a/`.
    const path = relativePath.replace(SPEC_EXTENSION, '').replace(EMPTY_SEGMENT, '');
    const root = read.map(file, file.parsed.root, 'a spec file must map HTTP methods to operations; file skipped');
    if (!root) continue;
    const endpoint = endpoints.get(path) ?? {
      path,
      segments: cache?.endpoints.get(path)?.segments ?? pathSegments(path),
      operations: [],
      source: file.location(0),
    };
    for (const pair of root.pairs) {
      const method = HTTP_METHODS.find((candidate) => candidate === pair.key);
      if (!method) {
        reporter.warning(
          file,
          pair.keyOffset,
          'NOT_AN_OPERATION',
          `\`${pair.key}\` is not an HTTP method (${HTTP_METHODS.join(', ')})${didYouMean(pair.key, HTTP_METHODS)}; skipped`,
        );
        continue;
      }
      const existing = endpoint.operations.find((operation) => operation.method === method);
      if (existing) {
        const first = `${existing.source.file}:${existing.source.line}:${existing.source.col}`;
        reporter.invalid(
          file,
          pair.keyOffset,
          'DUPLICATE_OPERATION',
          `${method.toUpperCase()} ${path} is already defined at ${first}; this one is skipped`,
        );
        continue;
      }
      const operation = loadOperation(file, path, method, pair);
      if (operation) endpoint.operations.push(operation);
    }
    if (endpoint.operations.length > 0) {
      endpoint.operations.sort((a, b) => HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method));
      endpoints.set(path, endpoint);
    }
  }

  const sorted = [...endpoints.values()]
    .sort((a, b) => compareText(a.path, b.path))
    .map((endpoint) => {
      const kept = cache?.endpoints.get(endpoint.path);
      const same = kept?.source.file === endpoint.source.file && sameItems(kept.operations, endpoint.operations);
      return same ? kept : endpoint;
    });
  if (cache) cache.endpoints = new Map(sorted.map((endpoint) => [endpoint.path, endpoint]));
  const model: ApiModel = { endpoints: sorted };
  if (roots.some((root) => existsSync(join(root, NOTIFICATIONS_FILE)))) {
    const file = files.open(NOTIFICATIONS_FILE);
    const notifications = file && loadNotifications(file, schemas, reporter);
    if (notifications) model.notifications = notifications;
  }
  return { model, diagnostics: reporter.diagnostics() };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Spec files under `root/folder`, `/`-separated, in code-unit order; `undefined` if the folder is missing. */
function listSpecFiles(root: string, folder: string): string[] | undefined {
  return listTree(root, folder)
    ?.files.filter((path) => SPEC_EXTENSION.test(path))
    .sort(compareText);
}

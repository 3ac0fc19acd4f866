import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, where the templates and the runtime sources live. This module sits one folder
 * below it, and so does the build the generator runs from (`build/cli.js`, which inlines it).
 */
export const PROJECT_ROOT: string = fileURLToPath(new URL('..', import.meta.url));

/** The files below `root` (all of them: it is a folder the project owns), relative to it with `/` separators. */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

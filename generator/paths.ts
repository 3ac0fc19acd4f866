import { fileURLToPath } from 'node:url';

/**
 * The project root, where the templates and the runtime sources live. This module sits one folder
 * below it, and so does the build the generator runs from (`build/cli.js`, which inlines it).
 */
export const PROJECT_ROOT: string = fileURLToPath(new URL('..', import.meta.url));

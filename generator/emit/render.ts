import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../paths.ts';
import type { EmittedFile } from './files.ts';

/**
 * The handlebars templates of the docs and of the package files (`templates/docs/`,
 * `templates/package/`; a package file's template sits at its path in the package). Each is
 * compiled once per process; templates only lay the view-model out, so the helpers stay few and small.
 */

const TEMPLATE_ROOT = join(PROJECT_ROOT, 'templates');

// CommonJS without a module type: required, it is compiled once (see emit/types/ts-morph.ts).
const handlebars = (createRequire(import.meta.url)('handlebars') as typeof Handlebars).create();
/** For values spliced into JSON: strings are quoted and escaped. */
handlebars.registerHelper('json', (value: unknown) => new handlebars.SafeString(JSON.stringify(value)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** `templates/<name>.hbs` laid out with `view`. */
export function render(name: string, view: object = {}): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(TEMPLATE_ROOT, `${name}.hbs`), 'utf8');
    // Output is markdown, JSON and code, never HTML: the view-model escapes what it needs.
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}

/** A package file laid out by its template, `templates/package/<path>.hbs`. */
export function packageFile(path: string, view: object = {}): EmittedFile {
  return { path, contents: render(`package/${path}`, view) };
}

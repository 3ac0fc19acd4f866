import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../../paths.ts';

/**
 * The handlebars templates of the docs and of the package files. Each is compiled once per
 * process; templates only lay the view-model out, so the helpers stay few and small.
 */

const TEMPLATE_ROOT = join(PROJECT_ROOT, 'templates');

const handlebars = Handlebars.create();
/** For values spliced into JSON: strings are quoted and escaped. */
handlebars.registerHelper('json', (value: unknown) => new handlebars.SafeString(JSON.stringify(value)));

export type TemplateName =
  | 'docs/endpoint.md'
  | 'docs/notification.md'
  | 'docs/index.md'
  | 'package/package.json'
  | 'package/README.md';

const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();

export function render(name: TemplateName, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(TEMPLATE_ROOT, `${name}.hbs`), 'utf8');
    // Output is markdown and JSON, never HTML: the view-model escapes what it needs.
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}

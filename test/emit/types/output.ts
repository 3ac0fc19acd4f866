import { emitTypes } from '../../../generator/emit/types/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';

/** The emitted `dist/openapi.d.ts` of a model. */
export async function emitted(model: ApiModel): Promise<string> {
  const files = await emitTypes(model);
  const file = files.find((candidate) => candidate.path === 'dist/openapi.d.ts');
  if (!file) throw new Error('dist/openapi.d.ts was not emitted');
  return file.contents;
}

/** A namespace declaration's line span: `export [declare] namespace A.B {` through its closing brace. */
interface Span {
  start: number;
  end: number;
  indent: string;
}

/** Every declaration of the namespace `qualified` (e.g. `WeChatPay.OpenAPI.V3`), however nested. */
function namespaceSpans(lines: string[], qualified: string): Span[] {
  const spans: Span[] = [];
  const open: { name: string; indent: string; start: number }[] = [];
  lines.forEach((line, index) => {
    const header = /^( *)export (?:declare )?namespace ([\w.]+) \{$/.exec(line);
    if (header) {
      const outer = open.at(-1)?.name;
      open.push({ name: outer ? `${outer}.${header[2]}` : header[2]!, indent: header[1]!, start: index });
    } else if (open.length > 0 && line === `${open.at(-1)!.indent}}`) {
      const closed = open.pop()!;
      if (closed.name === qualified) spans.push({ start: closed.start, end: index, indent: closed.indent });
    }
  });
  return spans;
}

/** Lines of the output shown as if declared at the top level, in `export declare namespace <qualified> { ... }`. */
function asTopLevel(qualified: string, body: string[], indent: string): string {
  const dedented = body.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  return [`export declare namespace ${qualified} {`, ...dedented, '}'].join('\n');
}

/**
 * The namespace a header names (e.g. `export declare namespace A.B {`), wherever it is nested, shown
 * as that top-level declaration.
 */
export function block(text: string, header: string): string {
  const lines = text.split('\n');
  const qualified = /^export declare namespace ([\w.]+) \{$/.exec(header)?.[1];
  if (!qualified) {
    // Any other top-level declaration, through its closing brace at column 0.
    const start = lines.indexOf(header);
    if (start < 0) throw new Error(`no line '${header}' in:\n${text}`);
    return lines.slice(start, lines.indexOf('}', start) + 1).join('\n');
  }
  const span = namespaceSpans(lines, qualified)[0];
  if (!span) throw new Error(`no namespace for '${header}' in:\n${text}`);
  return asTopLevel(qualified, lines.slice(span.start + 1, span.end), span.indent);
}

/** The interface `name` declared in `namespace`, shown as the only member of that namespace. */
export function interfaceIn(text: string, namespace: string, name: string): string {
  const lines = text.split('\n');
  for (const span of namespaceSpans(lines, namespace)) {
    const memberIndent = `${span.indent}  `;
    const start = lines.findIndex(
      (line, index) => index > span.start && index < span.end && line.startsWith(`${memberIndent}export interface ${name} `),
    );
    if (start < 0) continue;
    const end = lines.indexOf(`${memberIndent}}`, start);
    return asTopLevel(namespace, lines.slice(start, end + 1), span.indent);
  }
  throw new Error(`no interface ${name} in namespace ${namespace} in:\n${text}`);
}

/** How many declarations of the namespace `qualified` the output has. */
export function countNamespaces(text: string, qualified: string): number {
  return namespaceSpans(text.split('\n'), qualified).length;
}

/** Joins expected lines, so inline expectations read like the output. */
export function lines(...expected: string[]): string {
  return expected.join('\n');
}

import { format, type FormatConfig } from 'oxfmt';
import type { EmittedFile } from './files.ts';
import { memo } from './memo.ts';

/**
 * The one style of every emitted JavaScript and TypeScript file (prettier's, by oxfmt). Fixed
 * options, never a config file, so the output is byte-identical on every machine.
 */
export const FORMAT_OPTIONS: FormatConfig = {
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  endOfLine: 'lf',
};

/** The file laid out by the formatter; a text the formatter cannot parse is a defect of its emitter. */
export async function formatCode(file: EmittedFile): Promise<EmittedFile> {
  const { code, errors } = await format(file.path, file.contents, FORMAT_OPTIONS);
  if (errors.length > 0)
    throw new Error(
      `${file.path} does not parse:\n${errors.map((error) => error.codeframe ?? error.message).join('\n')}`,
    );
  return { path: file.path, contents: code };
}

/**
 * `// comment` and `export const name = Object.freeze({...})` holding the `key: value` entries of
 * each group (an endpoint's operations), laid out as formatCode lays out the whole file. The
 * formatter lays out each member of the expanded table on its own, so a group formatted in a table
 * of its own gives the same lines; each group's lines are kept (memo), so a watch run formats only
 * the groups whose input changed.
 */
export async function formatTable(
  path: string,
  comment: string,
  name: string,
  groups: readonly [unit: string, input: object, entries: () => string[]][],
): Promise<EmittedFile> {
  const table = (body: string): string => `${comment}\nexport const ${name} = Object.freeze({${body}});\n`;
  const bodies = await Promise.all(
    groups.map(([unit, input, entries]) =>
      memo(unit, input, async () => {
        const members = entries();
        if (members.length === 0) return '';
        const { contents } = await formatCode({ path, contents: table(`\n${members.join(',\n')}\n`) });
        return contents.slice(contents.indexOf('({\n') + 3, contents.lastIndexOf('});'));
      }),
    ),
  );
  const body = bodies.join('');
  return { path, contents: table(body === '' ? '' : `\n${body}`) };
}

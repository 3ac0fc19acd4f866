import { format, type FormatConfig } from 'oxfmt';
import type { EmittedFile } from './files.ts';
import { joinParts, memoMany } from './memo.ts';

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
  if (errors.length > 0) throw new Error(`${file.path} does not parse:\n${describeErrors(errors)}`);
  return { path: file.path, contents: code };
}

/** The errors oxc reports, each with its code frame when it has one. */
export function describeErrors(errors: readonly { message: string; codeframe: string | null }[]): string {
  return errors.map((error) => error.codeframe ?? error.message).join('\n');
}

/**
 * `// comment` and `export const name = Object.freeze({...})` holding the `key: value` entries of
 * each group (an endpoint's operations), laid out as formatCode lays out the whole file. The
 * formatter lays out each member of an expanded table on its own, so the groups that were not
 * kept (memo.ts) are formatted together in one table, split back per group and kept: a watch run
 * formats only the groups whose input changed.
 */
export async function formatTable(
  path: string,
  comment: string,
  name: string,
  groups: readonly [unit: string, input: object, entries: () => string[]][],
): Promise<EmittedFile> {
  const head = `${comment}\nexport const ${name} = Object.freeze({`;
  const laidOutGroups = await memoMany(groups, async (missing) => {
    const memberLists = missing.map(([, , entries]) => entries());
    const members = memberLists.flat();
    if (members.length === 0) return memberLists.map(() => '');
    const formatted = (await formatCode({ path, contents: `${head}\n${members.join(',\n')}\n});\n` })).contents;
    // Each member starts on a line of its own with its quoted key, at the table's indentation.
    const laidOut = formatted
      .slice(formatted.indexOf('({\n') + 3, formatted.lastIndexOf('});'))
      .split(/(?=^ {2}['"])/m);
    if (laidOut.length !== members.length) throw new Error(`${path}: the formatter merged or split table members`);
    return memberLists.map((list) => laidOut.splice(0, list.length).join(''));
  });
  const body = laidOutGroups.some((group) => group !== '') ? ['\n', ...laidOutGroups] : [];
  return { path, contents: joinParts(path, [head, ...body, '});\n']) };
}

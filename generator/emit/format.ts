import { format, type FormatConfig } from 'oxfmt';
import type { EmittedFile } from './files.ts';

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

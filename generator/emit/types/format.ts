import * as prettier from 'prettier';

/** Fixed options, never a config file, so the output is byte-identical on every machine. */
export const PRETTIER_OPTIONS: prettier.Options = {
  // Same output as `typescript` on these declarations, in about half the time.
  parser: 'babel-ts',
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  quoteProps: 'preserve',
  trailingComma: 'all',
  bracketSpacing: true,
  endOfLine: 'lf',
};

/** A data-member comment standing in for its text: `/** 12 *\/` on a line of its own. */
const PLACEHOLDER = /^( *)\/\*\* (\d+) \*\/$/gm;

/**
 * The one-line JSDoc comments of data members, kept out of the printed source until it is
 * formatted. They are the bulk of the file (long CJK descriptions), and both the TypeScript parser
 * behind ts-morph and prettier's width measuring pay for every character of them; yet each sits on
 * its own line before its member, so its text never takes part in a line-breaking decision.
 * The printer writes `/** <id> *\/`; {@link formatDeclarations} puts the text back.
 */
export class MemberComments {
  readonly #texts: string[] = [];

  /** The JSDoc text that stands in for `text` until formatting is done. */
  placeholder(text: string): string {
    this.#texts.push(text);
    return String(this.#texts.length - 1);
  }

  restore(formatted: string): string {
    return formatted.replace(PLACEHOLDER, (line, indent: string, id: string) => {
      const text = this.#texts[Number(id)];
      if (text === undefined) throw new Error(`no comment ${id} for the line '${line}'`);
      return `${indent}/** ${text} */`;
    });
  }
}

/**
 * Formats the printed declarations with prettier; the result is what prettier gives for the
 * file with its comments written out (checked over the whole corpus by the tests).
 */
export async function formatDeclarations(text: string, comments: MemberComments): Promise<string> {
  return comments.restore(await prettier.format(text, PRETTIER_OPTIONS));
}

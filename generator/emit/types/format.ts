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
const PLACEHOLDER = /^ *\/\*\* (\d+) \*\/$/;

/**
 * The first line of a property signature, as both the printer and prettier write it: its name
 * (an identifier or a quoted string), maybe `?`, then `:`. Parameters of a signature that prettier
 * broke over several lines look alike but end with `,`, which a property line never does.
 */
const MEMBER_LINE = /^( *)(?:[A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*')\??:(?: |$)/;

function isMemberLine(line: string): boolean {
  return MEMBER_LINE.test(line) && !line.endsWith(',');
}

/**
 * The one-line JSDoc comments of data members, kept out of the source until it is formatted.
 * They are the bulk of the file (long CJK descriptions) and each one costs the TypeScript parser
 * behind ts-morph and prettier dearly, yet each sits on its own line right before its member and
 * so takes no part in any line-breaking decision. The printer writes `/** <id> *\/` in its place.
 */
export class MemberComments {
  readonly #texts: string[] = [];

  /** The JSDoc text that stands in for `text` until formatting is done. */
  placeholder(text: string): string {
    this.#texts.push(text);
    return String(this.#texts.length - 1);
  }

  text(id: string): string {
    const text = this.#texts[Number(id)];
    if (text === undefined) throw new Error(`no member comment ${id}`);
    return text;
  }
}

/**
 * Formats the printed declarations with prettier; the result is what prettier gives for the file
 * with its comments written out (checked over the whole corpus by the tests). Prettier sees the
 * file without member comments (they cost it a third of its time); prettier keeps members in
 * order, one per line start, so the n-th member of its output gets the n-th member's comment back,
 * at the member's indentation, where prettier would have put it.
 */
export async function formatDeclarations(printed: string, comments: MemberComments): Promise<string> {
  const memberComments: (string | undefined)[] = [];
  const bare: string[] = [];
  let pending: string | undefined;
  for (const line of printed.split('\n')) {
    const placeholder = PLACEHOLDER.exec(line);
    if (placeholder) {
      pending = comments.text(placeholder[1] ?? '');
      continue;
    }
    if (isMemberLine(line)) {
      memberComments.push(pending);
      pending = undefined;
    }
    bare.push(line);
  }

  const formatted = (await prettier.format(bare.join('\n'), PRETTIER_OPTIONS)).split('\n');
  const output: string[] = [];
  let member = 0;
  for (const line of formatted) {
    const match = isMemberLine(line) ? MEMBER_LINE.exec(line) : null;
    if (match) {
      const comment = memberComments[member++];
      if (comment !== undefined) output.push(`${match[1]}/** ${comment} */`);
    }
    output.push(line);
  }
  // Members are never merged or split by formatting; a different count would misplace comments.
  if (member !== memberComments.length) {
    throw new Error(`formatting changed the number of members (${memberComments.length} -> ${member})`);
  }
  return output.join('\n');
}

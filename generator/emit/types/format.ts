import type { Options } from "prettier";

/** Fixed options, never a config file, so the output is byte-identical on every machine. */
export const PRETTIER_OPTIONS: Options = {
  // Same output as `typescript` on these declarations, in about half the time.
  parser: "babel-ts",
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  quoteProps: "preserve",
  trailingComma: "all",
  bracketSpacing: true,
  endOfLine: "lf",
};

const PRINT_WIDTH = 120;
const INDENT = "  ";

/** A data-member comment standing in for its text: `/** 12 *\/` on a line of its own. */
const PLACEHOLDER = /^\/\*\* (\d+) \*\/$/;

/** `name: type;` / `'quoted-name'?: type;`, as the printer writes a property signature on one line. */
const PROPERTY =
  /^([A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(\??): (.*);$/;

const EXPONENT = /\de\+/;

/** The start of a method or call signature: `get(` or `(`. */
const SIGNATURE_START = /^(?:[A-Za-z_$][\w$]*)?\(/;

/** A type text kept out of the printer, see DeferredTexts.type. */
const DEFERRED_TYPE = /\u0001(\d+)\u0001/g;

/** Shorter type texts are not worth the round trip. */
const DEFERRED_TYPE_MIN_LENGTH = 20;

/**
 * Texts kept out of the printer (ts-morph's writer walks every character it writes, and every
 * type text twice) and put back afterwards.
 *
 * - The one-line JSDoc comments of data members: the bulk of the file (long CJK descriptions).
 *   Each sits on its own line right before its member and so takes no part in any line-breaking
 *   decision; the printer writes `/** <id> *\/` in its place and the layout writes the text back.
 * - Long type texts (inline object types, literal unions): the printer writes a short token and
 *   `restoreTypes` puts the text back before the layout, which re-indents every line anyway.
 */
export class DeferredTexts {
  readonly #texts: string[] = [];
  readonly #types: string[] = [];

  /** The JSDoc text that stands in for `text` until the layout is done. */
  placeholder(text: string): string {
    this.#texts.push(text);
    return String(this.#texts.length - 1);
  }

  text(id: string): string {
    const text = this.#texts[Number(id)];
    if (text === undefined) throw new Error(`no member comment ${id}`);
    return text;
  }

  /** What the printer gets for a type text: the text itself when short, else a token (control characters no type text holds). */
  type(text: string): string {
    if (text.length < DEFERRED_TYPE_MIN_LENGTH) return text;
    this.#types.push(text);
    return `\u0001${this.#types.length - 1}\u0001`;
  }

  /** The printed text with every type token replaced by its text. */
  restoreTypes(printed: string): string {
    return printed.replace(DEFERRED_TYPE, (_token, id: string) => {
      const text = this.#types[Number(id)];
      if (text === undefined) throw new Error(`no deferred type ${id}`);
      return text;
    });
  }
}

/**
 * Lays the printed declarations out exactly as prettier (with PRETTIER_OPTIONS) formats them, and
 * writes the member comments back. The printer puts every member on one line (inline object
 * types one member per line); what prettier would change is small and known: indentation by
 * block depth, empty blocks as `{}`, and lines wider than the print width broken the way prettier
 * breaks unions and signatures. A statement holding a long line of any other shape goes through
 * prettier itself (loaded only then), so the result is prettier's in every case; the tests check
 * that over the whole corpus.
 */
export async function formatDeclarations(
  printed: string,
  deferred: DeferredTexts,
): Promise<string> {
  const output: string[] = [];
  /** [first, end) ranges of `output` holding a top-level statement only prettier can lay out. */
  const unformatted: [number, number][] = [];
  const lines = printed.split("\n");
  let depth = 0;
  /** Where the top-level statement being laid out starts in `output`; -1 between statements. */
  let statementStart = -1;
  let statementNeedsPrettier = false;

  for (let index = 0; index < lines.length; index++) {
    const text = (lines[index] ?? "").trim();
    if (text === "") {
      output.push("");
      continue;
    }
    const indent = INDENT.repeat(depth);
    if (statementStart < 0) statementStart = output.length;

    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) {
      output.push(`${indent}/** ${deferred.text(placeholder[1] ?? "")} */`);
      continue;
    }
    if (text.startsWith("/**") || text.startsWith("*")) {
      // A signature's JSDoc: prettier re-aligns the stars of its continuation lines.
      output.push(
        text.startsWith("*") ? `${indent} ${text}` : `${indent}${text}`,
      );
      continue;
    }

    if (text.startsWith("}")) {
      depth--;
      const closing = INDENT.repeat(depth);
      const last = output.length - 1;
      const opening = output[last];
      // An empty block: `interface A {` then `}` is `interface A {}`.
      if (
        opening !== undefined &&
        opening.endsWith("{") &&
        opening.trimStart() !== "{"
      ) {
        output[last] = `${opening}${text}`;
      } else {
        if (!pushLaidOut(output, closing, text)) statementNeedsPrettier = true;
      }
    } else {
      if (!pushLaidOut(output, indent, text)) statementNeedsPrettier = true;
      if (text.endsWith("{")) depth++;
    }

    if (depth === 0) {
      if (statementNeedsPrettier)
        unformatted.push([statementStart, output.length]);
      statementStart = -1;
      statementNeedsPrettier = false;
    }
  }

  if (unformatted.length > 0) await formatWithPrettier(output, unformatted);
  return output.join("\n");
}

/**
 * Pushes the lines prettier makes of one printed code line at `indent`; false when the line is
 * wider than the print width and of a shape whose breaking is not known here.
 */
function pushLaidOut(output: string[], indent: string, text: string): boolean {
  // Prettier rewrites escapes in strings and exponents in numbers (`1e+21` is `1e21`).
  if (text.includes("\\") || EXPONENT.test(text)) {
    output.push(indent + text);
    return false;
  }
  const fit = fits(indent.length, text);
  if (fit === true) {
    output.push(indent + text);
    return true;
  }
  if (fit === undefined) {
    output.push(indent + text);
    return false;
  }
  const broken = SIGNATURE_START.test(text)
    ? breakSignature(indent, text)
    : breakProperty(indent, text);
  if (broken) {
    output.push(...broken);
    return true;
  }
  output.push(indent + text);
  // Nothing prettier could break: a long name, a long type reference, an unbroken literal.
  return isUnbreakable(text);
}

/**
 * Whether `text` fits the print width after `column` characters; undefined when that depends on
 * how wide its non-ASCII characters are (prettier counts wide CJK characters twice).
 */
function fits(column: number, text: string): boolean | undefined {
  if (column + text.length > PRINT_WIDTH) return false;
  let wide = 0;
  for (let index = 0; index < text.length; index++)
    if (text.charCodeAt(index) > 0x7e) wide++;
  return column + text.length + wide <= PRINT_WIDTH ? true : undefined;
}

/** Lines prettier leaves as they are however long: nothing in them can be broken. */
function isUnbreakable(text: string): boolean {
  if (
    text.startsWith("export declare namespace ") ||
    text.startsWith("export interface ")
  ) {
    return !text.includes("(") && !text.includes("<") && !text.includes("'");
  }
  const property = PROPERTY.exec(text);
  if (property)
    return /^(?:[\w$.]+(?:\[\])*|'(?:[^'\\]|\\.)*')$/.test(property[3] ?? "");
  const opening = /^([A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*')\??: \{$/.exec(text);
  return opening !== null;
}

/**
 * `get(a: A, b?: B): R;` too wide: one parameter per line with a trailing comma, `): R;` on the
 * signature's indentation.
 */
function breakSignature(indent: string, text: string): string[] | undefined {
  const open = text.indexOf("(");
  const close = matchingClose(text, open);
  if (close < 0) return undefined;
  const rest = text.slice(close);
  if (!rest.startsWith("): ") || !rest.endsWith(";")) return undefined;
  const parameters = splitTopLevel(text.slice(open + 1, close), ", ");
  if (!parameters) return undefined;
  const inner = indent + INDENT;
  const lines = [
    indent + text.slice(0, open + 1),
    ...parameters.map((parameter) => `${inner}${parameter},`),
  ];
  lines.push(indent + rest);
  return lines.every((line) => fits(0, line) === true) ? lines : undefined;
}

/**
 * `name: A | B | C;` too wide: the union one member per line below the name; `name: (A | B)[];`:
 * the union inside the parentheses on a line of its own, or one member per line if that is too wide.
 */
function breakProperty(indent: string, text: string): string[] | undefined {
  const property = PROPERTY.exec(text);
  if (!property) return undefined;
  const head = `${property[1]}${property[2]}:`;
  const type = property[3] ?? "";
  const inner = indent + INDENT;
  let lines: string[] | undefined;

  const union = splitTopLevel(type, " | ");
  if (union && union.length > 1) {
    // Below the name on one line if it fits there, else one member per line.
    const oneLine = `${inner}${type};`;
    lines = [
      indent + head,
      ...(fits(0, oneLine) === true
        ? [oneLine]
        : union.map((member) => `${inner}| ${member}`)),
    ];
    if (lines.length > 2) lines[lines.length - 1] += ";";
  } else if (
    type.startsWith("(") &&
    type.endsWith(")[]") &&
    matchingClose(type, 0) === type.length - 3
  ) {
    const members = type.slice(1, -3);
    const items = splitTopLevel(members, " | ");
    if (!items || items.length < 2) return undefined;
    const oneLine = `${inner}${members}`;
    const body =
      fits(0, oneLine) === true
        ? [oneLine]
        : items.map((member) => `${inner}| ${member}`);
    lines = [`${indent}${head} (`, ...body, `${indent})[];`];
  }
  return lines?.every((line) => fits(0, line) === true) ? lines : undefined;
}

/** Index of the bracket closing the one at `open`, skipping quoted strings; -1 if none. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === "'" || char === '"') index = endOfString(text, index);
    else if (char === "(" || char === "{" || char === "[" || char === "<")
      depth++;
    else if (char === ")" || char === "}" || char === "]" || char === ">") {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * `text` split at `separator` outside brackets and strings; undefined when a part holds anything
 * nested (an inline object or parenthesized type), whose breaking is left to prettier.
 */
function splitTopLevel(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "'" || char === '"') index = endOfString(text, index);
    else if (char === "(" || char === "{" || char === "[" || char === "<") {
      // `[]` of an array type and `<...>` of a type reference are the only nesting kept.
      if (char === "[" && text[index + 1] === "]") index++;
      else if (char === "<") {
        const close = matchingClose(text, index);
        if (close < 0 || /[(){}|]/.test(text.slice(index, close)))
          return undefined;
        index = close;
      } else return undefined;
    } else if (text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      index += separator.length - 1;
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the quote closing the string opened at `open`. */
function endOfString(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === text[open]) return index;
  }
  return text.length;
}

/** Replaces each range of statements by what prettier makes of it; ranges come in order. */
async function formatWithPrettier(
  output: string[],
  ranges: readonly [number, number][],
): Promise<void> {
  const prettier = await import("prettier");
  for (let index = ranges.length - 1; index >= 0; index--) {
    const [start, end] = ranges[index] ?? [0, 0];
    const formatted = await prettier.format(
      output.slice(start, end).join("\n"),
      PRETTIER_OPTIONS,
    );
    output.splice(
      start,
      end - start,
      ...formatted.replace(/\n$/, "").split("\n"),
    );
  }
}

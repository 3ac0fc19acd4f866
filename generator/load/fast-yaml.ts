import type { YMap, YNode, YScalar, YSeq } from './yaml-tree.ts';

/**
 * A parser for the block-style YAML subset the spec files are written in: block mappings and
 * sequences indented with spaces, single-line plain and quoted scalars, single-line flow
 * sequences, `{}`, `|`/`|-` block scalars and comments. Scalars are typed like `yaml`'s core
 * schema. It returns `undefined` as soon as it meets anything else (anchors, tags, multi-line
 * plain scalars, folded scalars, syntax errors, ...), and the caller falls back to `yaml`.
 * Tabs are left to the library wherever they stand: YAML gives them a different meaning in almost
 * every position (separation after indicators, indentation, block content), and no spec file has one.
 */
export function parseBlockYaml(text: string): YNode | undefined {
  try {
    return new BlockParser(text).parseDocument();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Unsupported extends Error {}

function bail(): never {
  throw new Unsupported();
}

class BlockParser {
  /** Offsets of the significant (not blank, not comment-only) lines. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Column where the line's content starts; moved right for `- key: value` items. */
  private readonly indents: number[] = [];
  private index = 0;

  constructor(private readonly text: string) {
    if (text.includes('\t')) bail();
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let column = start;
      while (column < lineEnd && text.charCodeAt(column) === 32) column++;
      if (column < lineEnd && text[column] !== '#') {
        this.starts.push(start);
        this.ends.push(lineEnd);
        this.indents.push(column - start);
      }
      start = end + 1;
    }
  }

  parseDocument(): YNode | undefined {
    if (this.starts.length === 0) return { kind: 'scalar', value: null, offset: 0 };
    const first = this.text.slice(this.offsetOf(0), this.ends[0]);
    if (first.startsWith('---') || first.startsWith('%') || this.text.charCodeAt(0) === 0xfeff) bail();
    if ((this.indents[0] ?? 0) !== 0) bail();
    const root = this.parseBlock(0);
    if (this.index !== this.starts.length) bail();
    return root;
  }

  private offsetOf(line: number): number {
    return (this.starts[line] ?? 0) + (this.indents[line] ?? 0);
  }

  private isSeqItem(line: number): boolean {
    return this.isDashAt(this.offsetOf(line), this.ends[line]);
  }

  /** A `-` followed by a space or the end of its line: a sequence item's indicator. */
  private isDashAt(offset: number, lineEnd: number | undefined): boolean {
    return this.text.charCodeAt(offset) === 45 && (offset + 1 === lineEnd || this.text.charCodeAt(offset + 1) === 32);
  }

  /** A block node whose first line is the current line, at that line's indentation. */
  private parseBlock(indent: number): YNode {
    return this.isSeqItem(this.index) ? this.parseSeq(indent) : this.parseMap(indent);
  }

  private parseMap(indent: number): YMap {
    const map: YMap = { kind: 'map', pairs: [], offset: this.offsetOf(this.index) };
    while (this.index < this.starts.length && this.indents[this.index] === indent && !this.isSeqItem(this.index)) {
      const line = this.index;
      const keyOffset = this.offsetOf(line);
      const lineEnd = this.ends[line] ?? keyOffset;
      if (!this.readKey(keyOffset, lineEnd)) bail();
      const key = this.key;
      this.index++;
      map.pairs.push({ key, keyOffset, value: this.parseValue(this.valueStart, lineEnd, indent, keyOffset, true) });
    }
    if ((this.indents[this.index] ?? 0) > indent) bail();
    return map;
  }

  /** `indexOf('#', hashFrom)`, reused while parsing moves forward: most lines have no `#`. */
  private hashFrom = -1;
  private hashAt = -1;

  private nextHash(from: number): number {
    if (this.hashFrom === -1 || from < this.hashFrom || (this.hashAt !== -1 && this.hashAt < from)) {
      this.hashFrom = from;
      this.hashAt = this.text.indexOf('#', from);
    }
    return this.hashAt;
  }

  /** Set by `readKey`: the key and where its value starts (kept in fields to spare an allocation per line). */
  private key = '';
  private valueStart = 0;

  /** Whether `[start, end)` opens with `key:`; on success sets `key` and `valueStart`. */
  private readKey(start: number, end: number): boolean {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === 39 || first === 34) {
      const line = text.slice(start, end);
      const quoted = readQuoted(line, 0);
      if (!quoted || line[quoted.end] !== ':') return false;
      if (quoted.end + 1 < line.length && line[quoted.end + 1] !== ' ') return false;
      this.key = quoted.value;
      this.valueStart = start + quoted.end + 1;
      return true;
    }
    if (start >= end || INDICATORS.includes(text[start] ?? '')) return false;
    // Native `indexOf` rather than a character loop: fast even before the JIT warms up.
    for (let index = text.indexOf(':', start); index !== -1 && index < end; index = text.indexOf(':', index + 1)) {
      if (index + 1 < end && text.charCodeAt(index + 1) !== 32) continue;
      const key = text.slice(start, index);
      if (key.includes(' #') || text.charCodeAt(index - 1) === 32) return false;
      // Plain keys resolve like values (`200:` is the number 200), then become map keys as strings.
      this.key = String(coreScalar(key));
      this.valueStart = index + 1;
      return true;
    }
    return false;
  }

  private parseSeq(indent: number): YSeq {
    const seq: YSeq = { kind: 'seq', items: [], offset: this.offsetOf(this.index) };
    while (this.index < this.starts.length && this.indents[this.index] === indent && this.isSeqItem(this.index)) {
      const line = this.index;
      const dash = this.offsetOf(line);
      const lineEnd = this.ends[line] ?? dash;
      let itemOffset = dash + 1;
      while (this.text.charCodeAt(itemOffset) === 32 && itemOffset < lineEnd) itemOffset++;
      if (itemOffset < lineEnd && this.text.charCodeAt(itemOffset) !== 35 && this.readKey(itemOffset, lineEnd)) {
        // `- key: value` opens a mapping whose indentation is the column of `key`.
        const column = indent + (itemOffset - dash);
        this.indents[line] = column;
        seq.items.push(this.parseMap(column));
        continue;
      }
      if (this.isDashAt(itemOffset, lineEnd)) bail();
      this.index++;
      seq.items.push(this.parseValue(itemOffset, lineEnd, indent, dash, false));
    }
    if ((this.indents[this.index] ?? 0) > indent) bail();
    return seq;
  }

  /**
   * The value after `key:` or `- `, on `[start, end)` of the current line; `indent` is the
   * column of the parent collection.
   */
  private parseValue(start: number, end: number, indent: number, nullOffset: number, inMap: boolean): YNode {
    const text = this.text;
    let offset = start;
    while (offset < end && text.charCodeAt(offset) === 32) offset++;
    if (offset === end || text.charCodeAt(offset) === 35) {
      // -1 when no line follows.
      const nextIndent = this.indents[this.index] ?? -1;
      if (nextIndent > indent) return this.parseBlock(nextIndent);
      // A sequence may sit at its key's own indentation.
      if (inMap && nextIndent === indent && this.isSeqItem(this.index)) return this.parseSeq(indent);
      return { kind: 'scalar', value: null, offset: nullOffset };
    }
    const value =
      text.charCodeAt(offset) === 124
        ? this.parseLiteral(text.slice(offset, end), offset, indent)
        : this.parseInline(offset, end);
    if ((this.indents[this.index] ?? 0) > indent) bail();
    return value;
  }

  private parseInline(start: number, end: number): YNode {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === 39 || first === 34 || first === 91 || first === 123)
      return parseQuotedOrFlow(text.slice(start, end), start);
    // A plain scalar ends at a ` #` comment; trailing spaces are not part of it.
    let stop = this.nextHash(start + 1);
    while (stop !== -1 && stop < end && text.charCodeAt(stop - 1) !== 32) stop = this.nextHash(stop + 1);
    if (stop === -1 || stop >= end) stop = end;
    while (stop > start && text.charCodeAt(stop - 1) === 32) stop--;
    const plain = text.slice(start, stop);
    if (!isSafePlain(plain)) bail();
    return { kind: 'scalar', value: coreScalar(plain), offset: start };
  }

  /** `|` (clip) and `|-` (strip) literal block scalars. */
  private parseLiteral(header: string, offset: number, indent: number): YScalar {
    const indicator = stripComment(header);
    if (indicator !== '|' && indicator !== '|-') bail();
    const text = this.text;
    // Block scalar lines are raw text: walk the source from the end of the header line.
    let position = text.indexOf('\n', offset);
    const lines: string[] = [];
    let blockIndent = -1;
    let consumedEnd = position;
    while (position !== -1 && position < text.length) {
      const start = position + 1;
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const raw = text.slice(start, lineEnd);
      const spaces = raw.length - raw.trimStart().length;
      if (raw.trim() === '') {
        // Spaces beyond the block's indentation are content, and before the first line they would
        // set the indentation: left to the library.
        if (raw.length > 0 && (blockIndent === -1 || raw.length > blockIndent)) bail();
        lines.push('');
      } else {
        if (spaces <= indent) break;
        if (blockIndent === -1) blockIndent = spaces;
        if (spaces < blockIndent) bail();
        lines.push(raw.slice(blockIndent));
        consumedEnd = end;
      }
      position = end < text.length ? end : -1;
    }
    const body = lines.join('\n').replace(/\n+$/, '');
    // Skip the significant lines that belong to the block.
    while (this.index < this.starts.length && (this.starts[this.index] ?? 0) <= consumedEnd) this.index++;
    const value = body === '' ? '' : indicator === '|' ? `${body}\n` : body;
    return { kind: 'scalar', value, offset };
  }
}

/** Characters a plain key cannot start with. */
const INDICATORS = '[]{}#&*!|>%@`,?-';

function stripComment(text: string): string {
  const hash = text.search(/\s#/);
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

/** A quoted scalar, a flow sequence or `{}`, alone on the rest of its line. */
function parseQuotedOrFlow(text: string, offset: number): YScalar | YMap | YSeq {
  const first = text[0];
  if (first === '[') return parseFlowSeq(text, offset);
  if (first === '{') {
    if (stripComment(text) !== '{}') bail();
    return { kind: 'map', pairs: [], offset };
  }
  const quoted = readQuoted(text, 0);
  if (!quoted || stripComment(text.slice(quoted.end)) !== '') bail();
  return { kind: 'scalar', value: quoted.value, offset };
}

function isSafePlain(plain: string): boolean {
  if (plain === '') return false;
  const first = plain[0] ?? '';
  if ('&*!|>%@`{}[],#'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (plain.length === 1 || plain[1] === ' ')) return false;
  return !plain.includes(': ') && !plain.endsWith(':');
}

function parseFlowSeq(text: string, offset: number): YSeq {
  const items: YNode[] = [];
  let position = 1;
  for (;;) {
    while (text[position] === ' ') position++;
    const char = text[position];
    if (char === undefined) bail();
    if (char === ']') break;
    const itemOffset = offset + position;
    if (char === "'" || char === '"') {
      const quoted = readQuoted(text, position);
      if (!quoted) bail();
      items.push({ kind: 'scalar', value: quoted.value, offset: itemOffset });
      position = quoted.end;
    } else {
      let end = position;
      while (end < text.length && text[end] !== ',' && text[end] !== ']') end++;
      const plain = text.slice(position, end).trimEnd();
      if (!isSafePlain(plain) || plain.includes(':') || plain.includes(' #')) bail();
      items.push({ kind: 'scalar', value: coreScalar(plain), offset: itemOffset });
      position = end;
    }
    while (text[position] === ' ') position++;
    if (text[position] === ',') position++;
    else if (text[position] !== ']') bail();
  }
  if (stripComment(text.slice(position + 1)) !== '') bail();
  return { kind: 'seq', items, offset };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
};

/** Quoted scalars; a `'` doubled inside single quotes is one quote, not the end. */
const SINGLE_QUOTED = /'((?:[^']|'')*)'(?!')/y;
const DOUBLE_QUOTED = /"((?:[^"\\]|\\.)*)"/y;

/** A quoted scalar that closes on the same line; `end` is the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const single = text[start] === "'";
  const pattern = single ? SINGLE_QUOTED : DOUBLE_QUOTED;
  pattern.lastIndex = start;
  const body = pattern.exec(text)?.[1];
  if (body === undefined) return undefined;
  const value = single
    ? body.replaceAll("''", "'")
    : body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, sequence: string) =>
        sequence.length > 1
          ? String.fromCharCode(Number.parseInt(sequence.slice(1), 16))
          : (ESCAPES[sequence] ?? bail()),
      );
  return { value, end: pattern.lastIndex };
}

/** Plain scalar resolution of YAML 1.2's core schema, as `yaml` does it. */
function coreScalar(plain: string): string | number | boolean | null {
  // Most scalars are words or prose: only these first characters can start a non-string.
  if (!/^[-+.0-9~nNtTfF]/.test(plain) && plain !== '') return plain;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(plain)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(plain)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(plain)) return false;
  if (/^[-+]?[0-9]+$/.test(plain)) return Number.parseInt(plain, 10);
  if (/^0o[0-7]+$/.test(plain)) return Number.parseInt(plain.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(plain)) return Number.parseInt(plain.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(plain))
    return plain.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(plain)) return Number.NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain)) return Number.parseFloat(plain);
  return plain;
}

/** How emitted code spells names and strings: one place for every emitter. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A single-quoted string literal; every character that could end or break it is escaped. */
export function stringLiteral(text: string): string {
  // JSON's escapes are valid in TypeScript; then `"` needs none and `'` does.
  const escaped = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\(.)/g, (sequence, char: string) => (char === '"' ? '"' : sequence))
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}

/** A member name or object key: identifiers bare, anything else a string literal. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

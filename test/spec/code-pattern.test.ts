import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readYaml, specRoot } from './spec-schema.ts';

// Read the constraints from the spec itself, so the test checks what the generator will use.
const couponcodes = readYaml(path.join(specRoot, 'v3/marketing/busifavor/stocks/{stock_id}/couponcodes.yaml'));
const codeList = at(couponcodes, 'post', 'parameters', 1, 'schema', 'properties', 'coupon_code_list');
const codeItem = at(codeList, 'items');
const pattern = at(codeItem, 'pattern');

describe('coupon code pattern (0-9 a-z A-Z space - _ \\ / = |)', () => {
  it('is a string', () => {
    expect(typeof pattern).toBe('string');
  });

  // Both the plain and the `u` flag, as validators compile patterns either way.
  const regexps = [new RegExp(String(pattern)), new RegExp(String(pattern), 'u')];

  it.each([
    'ABC9588200',
    'abcxyz0123456789',
    'A B',
    ' ',
    'a-b_c',
    'back\\slash',
    'a/b=c|d',
    '-_\\/=| ',
  ])('accepts %j', (code) => {
    for (const regexp of regexps) expect(regexp.test(code)).toBe(true);
  });

  it.each([
    '',
    'tab\there',
    'new\nline',
    'form\ffeed',
    'carriage\rreturn',
    'no*star',
    'no.dot',
    'no+plus',
    'no#hash',
    'no[bracket]',
    '全角',
    'ＡＢＣ',
    'é',
    'no\u00a0nbsp',
  ])('rejects %j', (code) => {
    for (const regexp of regexps) expect(regexp.test(code)).toBe(false);
  });
});

describe('coupon_code_list constraints as a validator sees them', () => {
  const validate = new Ajv({ strict: false }).compile(codeList as object);
  const codes = (count: number, code = 'ABC'): string[] => Array.from({ length: count }, () => code);

  it.each([
    ['one code', ['ABC9588200'], true],
    ['200 codes', codes(200), true],
    ['a code of 32 characters', ['x'.repeat(32)], true],
    ['no code', [], false],
    ['201 codes', codes(201), false],
    ['a code of 33 characters', ['x'.repeat(33)], false],
    ['an empty code', [''], false],
    ['a code with a tab', ['A\tB'], false],
  ])('%s: %s', (_case, value, expected) => {
    expect(validate(value)).toBe(expected);
  });
});

function at(node: unknown, ...keys: (string | number)[]): unknown {
  let current = node;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

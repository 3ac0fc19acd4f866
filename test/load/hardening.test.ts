/** Spec input an adversarial review found accepted silently (hardening items 15-18). */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import { lines, load, operation, printed, specTree } from './helpers.ts';

/** A GET returning `schema` (YAML lines indented for `schema:`'s value). */
function getReturning(...schema: string[]): string {
  return lines('get:', '  responses:', '    200:', '      schema:', ...schema.map((line) => `        ${line}`));
}

describe('x-baseuri (item 16)', () => {
  it.each(['not a url', 'javascript:alert(1)', 'http://api.mch.weixin.qq.com', 'https://', '//api.mch.weixin.qq.com', 'https://api.example.com/?q=1'])(
    '%s is a diagnostic',
    async (uri) => {
      const result = await load({ 'v3/a.yaml': lines('get:', `  x-baseuri: ${JSON.stringify(uri)}`, '  responses:', '    204: {}') });
      expect(printed(result)).toEqual([expect.stringMatching(/^v3\/a\.yaml:2:14: error INVALID_VALUE `x-baseuri` must be an absolute https URL/)]);
    },
  );

  it('an absolute https URL is taken', async () => {
    const result = await load({ 'v3/a.yaml': lines('get:', '  x-baseuri: https://apihk.mch.weixin.qq.com', '  responses:', '    204: {}') });
    expect(printed(result)).toEqual([]);
    expect(operation(result, 'v3/a', 'get').baseURL).toBe('https://apihk.mch.weixin.qq.com');
  });
});

describe('required and enum (item 18)', () => {
  it('a required entry naming no member is a diagnostic', async () => {
    const result = await load({ 'v3/a.yaml': getReturning('type: object', 'required: [amount, totl]', 'properties:', '  amount: { type: integer }', '  total: { type: integer }') });
    expect(printed(result)).toEqual(['v3/a.yaml:6:28: warning REQUIRED_NOT_A_PROPERTY `required` names `totl`, which is not a property; did you mean `total`?']);
  });

  it('a required entry satisfied through allOf is fine', async () => {
    const result = await load({
      'v3/a.yaml': getReturning('allOf:', '  - type: object', '    properties:', '      a: { type: string }', '  - required: [a]'),
    });
    expect(printed(result)).toEqual([]);
  });

  it('a number in a string enum is a diagnostic', async () => {
    const result = await load({ 'v3/a.yaml': getReturning('type: string', 'enum: [SUCCESS, 1, 01, "2"]') });
    expect(printed(result)).toEqual([
      'v3/a.yaml:6:25: warning ENUM_NUMBER_AS_TEXT `enum` of a string schema holds the number 1; read as text (quote it)',
      'v3/a.yaml:6:28: warning ENUM_NUMBER_AS_TEXT `enum` of a string schema holds the number 1; read as text (quote it)',
    ]);
  });
});

describe('pattern (item 17)', () => {
  it('an invalid regular expression is a diagnostic', async () => {
    const result = await load({ 'v3/a.yaml': getReturning('type: string', 'pattern: "^[a-z"') });
    expect(printed(result)).toEqual([expect.stringMatching(/^v3\/a\.yaml:6:18: error INVALID_PATTERN `pattern` is not a valid regular expression/)]);
  });
});

describe('$ref and symlinks (item 15)', () => {
  it('a $ref through a symlink to a file outside the spec root is unresolved', async () => {
    const outside = specTree({ 'secret.yaml': lines('Secret:', '  type: string', '  description: outside the spec root') });
    const root = specTree({ 'v3/a.yaml': getReturning('$ref: "../definitions/link/secret.yaml#Secret"') });
    mkdirSync(join(root, 'definitions'));
    symlinkSync(outside, join(root, 'definitions', 'link'));
    const result = await loadSpecs(root);
    expect(printed(result)).toEqual([expect.stringMatching(/^v3\/a\.yaml:5:15: error UNRESOLVED_REF .*outside the spec root/)]);
  });

  it('a spec file that is a symlink out of the root is not read', async () => {
    const outside = specTree({ 'b.yaml': lines('get:', '  summary: outside', '  responses:', '    204: {}') });
    const root = specTree({ 'v3/a.yaml': lines('get:', '  responses:', '    204: {}') });
    symlinkSync(join(outside, 'b.yaml'), join(root, 'v3', 'b.yaml'));
    writeFileSync(join(root, 'v3', 'c.yaml'), lines('get:', '  responses:', '    204: {}'));
    const result = await loadSpecs(root);
    expect(result.model.endpoints.map((endpoint) => endpoint.path)).toEqual(['v3/a', 'v3/c']);
  });

  it('a later root cannot lead a file an earlier root lists out of its own root through a symlinked folder', async () => {
    const outside = specTree({ 'a.yaml': lines('get:', '  summary: outside', '  responses:', '    204: {}') });
    const base = specTree({ 'v3/pay/a.yaml': lines('get:', '  summary: base', '  responses:', '    204: {}') });
    const layer = specTree({ 'v3/b.yaml': lines('get:', '  responses:', '    204: {}') });
    symlinkSync(outside, join(layer, 'v3', 'pay'));
    const result = await loadSpecs([base, layer]);
    expect(operation(result, 'v3/pay/a', 'get').summary).toBe('base');
  });

  it('a symlink inside the root is followed', async () => {
    const root = specTree({
      'shared/defs.yaml': lines('Amount:', '  type: integer'),
      'v3/a.yaml': getReturning('$ref: "../definitions/defs.yaml#Amount"'),
    });
    symlinkSync(join(root, 'shared'), join(root, 'definitions'));
    const result = await loadSpecs(root);
    expect(printed(result)).toEqual([]);
  });
});

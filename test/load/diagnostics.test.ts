import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../generator/load/index.ts';
import { lines, load, operation, printed, specTree } from './helpers.ts';

/** A GET returning `schema` (YAML lines indented for `schema:`'s value). */
function getReturning(...schema: string[]): string {
  return lines('get:', '  responses:', '    200:', '      schema:', ...schema.map((line) => `        ${line}`));
}

describe('loadSpecs diagnostics', () => {
  it('YAML_SYNTAX: reports the first syntax error and skips the file', async () => {
    const result = await load({
      'v3/broken.yaml': lines('get:', '  summary: a: b', '  responses: {}'),
      'v3/fine.yaml': lines('get:', '  responses:', '    204: {}'),
    });
    expect(printed(result)).toEqual(['v3/broken.yaml:2:12: error YAML_SYNTAX Nested mappings are not allowed in compact mappings']);
    expect(result.model.endpoints.map((endpoint) => endpoint.path)).toEqual(['v3/fine']);
  });

  it('UNKNOWN_KEY: `tag` is accepted as `tags` with a warning; other unknown keys are errors with a suggestion', async () => {
    const result = await load({
      'v3/tagged.yaml': lines('post:', '  tag: [资金]', '  summry: typo', '  responses:', '    204: {}'),
      'v3/schema.yaml': getReturning('type: object', 'requird: [a]', 'properties:', '  a: { type: string }'),
    });
    expect(printed(result)).toEqual([
      'v3/schema.yaml:6:9: error UNKNOWN_KEY unknown schema key `requird`; did you mean `required`?',
      'v3/tagged.yaml:2:3: warning UNKNOWN_KEY unknown operation key `tag`; did you mean `tags`? (read as `tags`)',
      'v3/tagged.yaml:3:3: error UNKNOWN_KEY unknown operation key `summry`; did you mean `summary`?',
    ]);
    expect(operation(result, 'v3/tagged', 'post').tags).toEqual(['资金']);
  });

  it('UNKNOWN_TYPE: a near-miss type is read as the type it was meant to be; anything else degrades to `unknown`', async () => {
    const result = await load({
      'v3/types.yaml': getReturning('type: object', 'properties:', '  a:', '    type: stringde', '  b:', "    type: 'string '", '  c:', '    type: int', '  d:', '    type: dictionary'),
    });
    expect(printed(result)).toEqual([
      'v3/types.yaml:8:19: error UNKNOWN_TYPE unknown type "stringde"; read as `string`',
      'v3/types.yaml:10:19: error UNKNOWN_TYPE unknown type "string "; read as `string`',
      'v3/types.yaml:12:19: error UNKNOWN_TYPE unknown type "int"; read as `integer`',
      'v3/types.yaml:14:19: error UNKNOWN_TYPE unknown type "dictionary"',
    ]);
    const response = operation(result, 'v3/types', 'get').response;
    const kinds = response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.map((property) => property.schema.kind) : [];
    expect(kinds).toEqual(['string', 'string', 'number', 'unknown']);
  });

  it('ARRAY_WITHOUT_ITEMS: a warning even without keepGoing; the array has no items', async () => {
    const result = await load({ 'v3/list.yaml': getReturning('type: object', 'properties:', '  tags:', '    type: array', '    description: 标签') });
    expect(printed(result)).toEqual(['v3/list.yaml:8:13: warning ARRAY_WITHOUT_ITEMS array without `items`; documented as `[]`']);
    const response = operation(result, 'v3/list', 'get').response;
    expect(response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.[0]?.schema : undefined).toEqual({ kind: 'array', constraints: {}, description: '标签' });
  });

  it('MISPLACED_PROPERTIES: one diagnostic for all names beside `type`, read as properties', async () => {
    const result = await load({
      'v3/amount.yaml': getReturning('type: object', 'properties:', '  amount:', '    type: object', '    properties:', '    total:', '      type: integer', '    currency:', '      type: string'),
    });
    expect(printed(result)).toEqual([
      'v3/amount.yaml:10:13: error MISPLACED_PROPERTIES `total`, `currency` are written beside `type: object`; indent them under `properties` (read as properties)',
    ]);
    const response = operation(result, 'v3/amount', 'get').response;
    const amount = response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.[0]?.schema : undefined;
    expect(amount?.kind === 'object' ? amount.properties?.map((property) => property.name) : undefined).toEqual(['total', 'currency']);
  });

  it('INVALID_PROPERTY_NAME: a name with a space is reported and left out', async () => {
    const result = await load({ 'v3/pay.yaml': getReturning('type: object', 'properties:', '  payer _currency:', '    type: string', '  total:', '    type: integer') });
    expect(printed(result)).toEqual(['v3/pay.yaml:7:11: error INVALID_PROPERTY_NAME property name `payer _currency` contains a space; the property is left out']);
    const response = operation(result, 'v3/pay', 'get').response;
    expect(response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.map((property) => property.name) : undefined).toEqual(['total']);
  });

  it('UNRESOLVED_REF: a missing file and a missing name (with a suggestion) each point at the $ref value', async () => {
    const result = await load({
      'definitions/Enumerations.yaml': lines('CodeMode:', '  type: string'),
      'v3/refs.yaml': getReturning('type: object', 'properties:', '  a:', "    $ref: '../definitions/Missing.yaml#X'", '  b:', "    $ref: '../definitions/Enumerations.yaml#/CodeMod'"),
    });
    expect(printed(result)).toEqual([
      "v3/refs.yaml:8:19: error UNRESOLVED_REF `$ref` ../definitions/Missing.yaml#X: file definitions/Missing.yaml not found",
      "v3/refs.yaml:10:19: error UNRESOLVED_REF `$ref` ../definitions/Enumerations.yaml#/CodeMod: no `CodeMod` in definitions/Enumerations.yaml; did you mean `CodeMode`?",
    ]);
  });

  it('REF_CYCLE: a definition that contains itself is reported once and degraded', async () => {
    const result = await load({
      'definitions/Tree.yaml': lines('Node:', '  type: object', '  properties:', '    child:', "      $ref: '#Node'"),
      'v3/tree.yaml': getReturning("$ref: '../definitions/Tree.yaml#Node'"),
      'v3/tree2.yaml': getReturning("$ref: '../definitions/Tree.yaml#Node'"),
    });
    expect(printed(result)).toEqual(['definitions/Tree.yaml:5:13: error REF_CYCLE `$ref` definitions/Tree.yaml#Node refers back to itself']);
    const response = operation(result, 'v3/tree', 'get').response;
    const child = response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.[0]?.schema : undefined;
    expect(child?.kind).toBe('unknown');
  });

  it('PATH_PARAM_MISSING and PATH_PARAM_UNUSED: placeholders and path parameters must match', async () => {
    const op = (...params: string[]) => lines('post:', '  parameters:', ...params, '  responses:', '    204: {}');
    const result = await load({
      'v3/a/{id}.yaml': op(),
      'v3/b.yaml': op('    - { name: id, in: path, type: string }'),
      'v3/c/{id}.yaml': op('    - { name: id, in: query, type: integer }'),
      'v3/d/{user_id}.yaml': op('    - { name: use_id, in: path, type: string }'),
    });
    expect(printed(result)).toEqual([
      'v3/a/{id}.yaml:1:1: error PATH_PARAM_MISSING `{id}` in the URL has no `in: path` parameter; read as a required string',
      'v3/b.yaml:3:7: error PATH_PARAM_UNUSED path parameter `id` has no `{id}` in v3/b; parameter dropped',
      'v3/c/{id}.yaml:3:7: error PATH_PARAM_MISSING `{id}` in the URL is declared `in: query`; read as a path parameter',
      'v3/d/{user_id}.yaml:3:7: error PATH_PARAM_MISSING `{user_id}` in the URL has no path parameter; `use_id` is read as `user_id`',
    ]);
    expect(operation(result, 'v3/c/{id}', 'post')).toMatchObject({ queryParams: [], pathParams: [{ name: 'id', in: 'path', required: true, schema: { kind: 'number' } }] });
    expect(operation(result, 'v3/b', 'post').pathParams).toEqual([]);
  });

  it('DUPLICATE_OPERATION: a method in two files of one path, or a duplicated method key', async () => {
    const get = ['get:', '  summary: first', '  responses:', '    204: {}'];
    const result = await load({
      'v3/twice.yaml': lines(...get),
      'v3/twice.yml': lines('get:', '  summary: second', '  responses:', '    204: {}'),
      'v3/again.yaml': lines(...get, 'get:', '  summary: again', '  responses:', '    204: {}'),
    });
    expect(printed(result)).toEqual([
      'v3/again.yaml:5:1: error DUPLICATE_OPERATION GET v3/again is already defined at v3/again.yaml:1:1; this one is skipped',
      'v3/twice.yml:1:1: error DUPLICATE_OPERATION GET v3/twice is already defined at v3/twice.yaml:1:1; this one is skipped',
    ]);
    expect(operation(result, 'v3/twice', 'get').summary).toBe('first');
  });

  it('DUPLICATE_KEY: any other repeated key is reported where it repeats; the last one wins', async () => {
    const result = await load({ 'v3/keys.yaml': getReturning('type: object', 'properties:', '  a: { type: string }', '  a: { type: integer }') });
    expect(printed(result)).toEqual(['v3/keys.yaml:8:11: error DUPLICATE_KEY duplicate property `a`; the last one wins']);
    const response = operation(result, 'v3/keys', 'get').response;
    expect(response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.map((property) => property.schema.kind) : undefined).toEqual(['number']);
  });

  it('INVALID_VALUE: a known key with a value of the wrong type', async () => {
    const result = await load({ 'v3/flags.yaml': lines('get:', '  deprecated: yes', '  tags: 资金', '  x-showcase: 1', '  responses:', '    204: {}') });
    expect(printed(result)).toEqual([
      'v3/flags.yaml:2:15: error INVALID_VALUE `deprecated` must be true or false',
      'v3/flags.yaml:3:9: error INVALID_VALUE `tags` must be a list',
      'v3/flags.yaml:4:15: error INVALID_VALUE `x-showcase` must be true or false',
    ]);
  });

  it('NOT_AN_OPERATION: non-method top-level keys are skipped with a warning', async () => {
    const result = await load({ 'v3/webhooks.yaml': lines('post:', '  responses:', '    204: {}', 'Gets:', '  type: string') });
    expect(printed(result)).toEqual(['v3/webhooks.yaml:4:1: warning NOT_AN_OPERATION `Gets` is not an HTTP method (get, post, put, patch, delete); did you mean `get`?; skipped']);
  });

  it('keepGoing turns data errors into warnings and loads the rest', async () => {
    const files = { 'v3/types.yaml': getReturning('type: stringde'), 'v3/ok.yaml': lines('get:', '  responses:', '    204: {}') };
    const strict = await load(files);
    const lenient = await load(files, { keepGoing: true });
    expect(strict.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(['error']);
    expect(lenient.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(['warning']);
    expect(lenient.model).toEqual(strict.model);
    expect(lenient.model.endpoints.map((endpoint) => endpoint.path)).toEqual(['v3/ok', 'v3/types']);
  });

  it('treats keys named like Object.prototype members as plain data', async () => {
    const result = await load({ 'v3/proto.yaml': lines('get:', '  constructor: 1', '  responses:', '    200:', '      schema:', '        type: object', '        example: { }', '        properties:', '          __proto__: { type: string, example: x }') });
    expect(printed(result)).toEqual(['v3/proto.yaml:2:3: error UNKNOWN_KEY unknown operation key `constructor`']);
    const response = operation(result, 'v3/proto', 'get').response;
    expect(response.kind === 'json' && response.schema.kind === 'object' ? response.schema.properties?.map((property) => property.name) : undefined).toEqual(['__proto__']);
  });

  it('never throws: a folder without v3/ and a file that is not a mapping are diagnostics', async () => {
    const empty = await loadSpecs(specTree({ 'README.md': '# none\n' }));
    expect(empty.diagnostics).toMatchObject([{ severity: 'error', code: 'READ_ERROR', location: { file: 'v3', line: 1, col: 1 } }]);
    expect(empty.model.endpoints).toEqual([]);
    const scalar = await load({ 'v3/text.yaml': 'just text\n', 'v3/list.yaml': '- get\n' });
    expect(printed(scalar)).toEqual([
      'v3/list.yaml:1:1: error INVALID_VALUE a spec file must map HTTP methods to operations; file skipped',
      'v3/text.yaml:1:1: error INVALID_VALUE a spec file must map HTTP methods to operations; file skipped',
    ]);
  });
});

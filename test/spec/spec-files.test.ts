import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileSpecSchema,
  describeErrors,
  readYaml,
  schemaPath,
  specRoot,
  yamlFiles,
} from './spec-schema.ts';

const validators = compileSpecSchema();
const specFiles = yamlFiles(path.join(specRoot, 'v3'), specRoot);
const definitionFiles = yamlFiles(path.join(specRoot, 'definitions'), specRoot);

describe('spec/v3 files', () => {
  it('include the three endpoints written from the seed documents', () => {
    expect(specFiles).toEqual(
      expect.arrayContaining([
        'v3/marketing/busifavor/coupons/{card_id}/send.yaml',
        'v3/marketing/busifavor/stocks/{stock_id}/couponcodes.yaml',
        'v3/marketing/membercard-open/cards/{card_id}/codes/deposit.yaml',
      ]),
    );
  });

  it.each(specFiles)('%s validates against spec.schema.json', (file) => {
    const valid = validators.file(readYaml(path.join(specRoot, file)));
    expect(describeErrors(validators.file.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(specFiles)('%s starts with a modeline that points at spec.schema.json', (file) => {
    const firstLine = readFileSync(path.join(specRoot, file), 'utf8').split('\n', 1)[0] ?? '';
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(modeline, firstLine).not.toBeNull();
    const target = path.resolve(path.dirname(path.join(specRoot, file)), modeline?.[1] ?? '');
    expect(target).toBe(schemaPath);
  });

  it.each(specFiles)('%s has only $refs that resolve to a definition', (file) => {
    const absolute = path.join(specRoot, file);
    for (const ref of collectRefs(readYaml(absolute))) {
      const [target = '', name = ''] = ref.split('#');
      const definitions = readYaml(target === '' ? absolute : path.resolve(path.dirname(absolute), target));
      expect(isRecord(definitions) && name.replace(/^\//, '') in definitions, ref).toBe(true);
    }
  });
});

describe('spec/notifications.yaml', () => {
  const file = path.join(specRoot, 'notifications.yaml');

  it('validates against spec.schema.json and points its modeline at it', () => {
    const valid = validators.file(readYaml(file));
    expect(describeErrors(validators.file.errors)).toEqual([]);
    expect(valid).toBe(true);
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(file, 'utf8').split('\n', 1)[0] ?? '');
    expect(path.resolve(specRoot, modeline?.[1] ?? '')).toBe(schemaPath);
  });

  it('has only $refs that resolve to a definition', () => {
    for (const ref of collectRefs(readYaml(file))) {
      const [target = '', name = ''] = ref.split('#');
      const definitions = readYaml(path.resolve(specRoot, target));
      expect(isRecord(definitions) && name.replace(/^\//, '') in definitions, ref).toBe(true);
    }
  });

  it.each([
    ['an event type not written as dotted upper-case words', { events: { 'transaction.success': { summary: 'x', resource: { type: 'object' } } } }],
    ['an event without a resource', { events: { 'TRANSACTION.SUCCESS': { summary: 'x' } } }],
    ['an unknown event key', { events: { 'TRANSACTION.SUCCESS': { summary: 'x', resource: { type: 'object' }, schema: {} } } }],
    ['an unknown top-level key', { events: { 'TRANSACTION.SUCCESS': { summary: 'x', resource: { type: 'object' } } }, envelopes: {} }],
  ])('rejects %s', (_reason, document) => {
    expect(validators.file(document)).toBe(false);
  });

  it('accepts the well-formed twin of the rejected documents', () => {
    expect(validators.file({ events: { 'TRANSACTION.SUCCESS': { summary: 'x', resource: { type: 'object' } } } })).toBe(true);
  });
});

describe('spec/definitions files', () => {
  it.each(definitionFiles)('%s holds only valid schema nodes', (file) => {
    const definitions = readYaml(path.join(specRoot, file));
    expect(isRecord(definitions)).toBe(true);
    for (const [name, node] of Object.entries(definitions as Record<string, unknown>)) {
      const valid = validators.schemaNode(node);
      expect(describeErrors(validators.schemaNode.errors), name).toEqual([]);
      expect(valid).toBe(true);
    }
  });
});

describe('spec.schema.json rejects what the format forbids', () => {
  const operation = (extra: Record<string, unknown>): unknown => ({
    post: { summary: 'x', parameters: [], responses: { 200: { schema: { type: 'object', ...extra } } } },
  });

  // The valid twin of the cases below, so each rejection is down to its one defect.
  it('accepts the well-formed twin of the cases below', () => {
    const document = operation({ required: ['list'], properties: { list: { type: 'array', items: { type: 'string' } } } });
    expect(validators.file(document)).toBe(true);
    const withErrorCodes = {
      get: {
        tags: ['x'],
        'x-last-updated-at': '2020.07.15',
        summary: 'x',
        parameters: [],
        responses: { 200: {} },
        'x-error-codes': [{ status: 400, code: 'PARAM_ERROR', description: '参数错误' }],
      },
    };
    expect(validators.file(withErrorCodes)).toBe(true);
  });

  it.each([
    ['an array without items', operation({ properties: { list: { type: 'array' } } })],
    ['a type typo', operation({ properties: { name: { type: 'stringde' } } })],
    ['a property name with a space', operation({ properties: { 'payer _currency': { type: 'string' } } })],
    ['a member mis-indented beside type', operation({ total: { type: 'integer' } })],
    ['`tag` for `tags`', { get: { tag: ['x'], summary: 'x', parameters: [], responses: { 200: {} } } }],
    ['an error-code row without a code', { post: { summary: 'x', parameters: [], responses: { 204: {} }, 'x-error-codes': [{ status: 400, description: '参数错误' }] } }],
    ['an x-last-updated-at not written YYYY.MM.DD', { get: { summary: 'x', parameters: [], responses: { 200: {} }, 'x-last-updated-at': '2020-07-15' } }],
  ])('%s', (_reason, document) => {
    expect(validators.file(document)).toBe(false);
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectRefs);
  if (!isRecord(node)) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : collectRefs(value),
  );
}

/** Members named like `Object.prototype` members, through emission, import and validation (hardening item 6). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitValidators } from '../../../generator/emit/validators/index.ts';
import type { RequestSchemaTable } from '../../../templates/runtime/request-schema.ts';
import { requestValidator, type RequestValidator } from '../../../templates/runtime/validation.ts';
import type { Schema } from '../../../generator/model/types.ts';
import { modelOf, obj, operation, str } from './fixture.ts';

const member = (required: boolean, schema: Schema): [boolean, Schema] => [required, schema];

const model = modelOf(
  operation('post', 'v3/things', {
    body: {
      kind: 'json',
      required: true,
      schema: obj({
        ['__proto__']: member(true, str({ maxLength: 3 })),
        toString: member(false, str()),
        hasOwnProperty: member(false, str()),
        constructor: member(false, str({ maxLength: 2 })),
      }),
    },
  }),
);

let dir: string;
let validate: RequestValidator;
let validators: RequestSchemaTable;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validators-prototype-'));
  const [js] = await emitValidators(model);
  await writeFile(join(dir, 'validators.js'), js!.contents);
  ({ validators } = (await import(pathToFileURL(join(dir, 'validators.js')).href)) as { validators: RequestSchemaTable });
  validate = requestValidator(validators, 'post', 'v3/things')!;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('members named like Object.prototype members', () => {
  it('a body member __proto__ is in the emitted schema and its presence is checked', () => {
    const body = validators['post v3/things']?.properties?.data;
    expect(Object.hasOwn(body?.properties ?? {}, '__proto__')).toBe(true);
    expect(body?.properties?.['__proto__']).toEqual({ type: 'string', maxLength: 3 });
    expect(validate({ data: '{}' })).toEqual([{ path: '__proto__', message: 'required' }]);
    // ajv deliberately skips a `__proto__` key of `properties` (prototype-pollution safety): its value constraints are not applied.
    expect(validate({ data: '{"__proto__":"abc"}' })).toEqual([]);
  });

  it('absent optional toString, hasOwnProperty and constructor do not meet the inherited functions', () => {
    expect(validate({ data: '{"__proto__":"a"}' })).toEqual([]);
    expect(validate({ data: '{"__proto__":"a","constructor":"abc"}' })).toEqual([{ path: 'constructor', message: 'longer than 2 characters' }]);
  });
});

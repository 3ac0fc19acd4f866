import { describe, expect, it } from 'vitest';
import type { Schema } from '../../../generator/model/types.ts';
import { block, emitted, lines } from './output.ts';
import { array, endpoint, integer, model, object, operation, string } from './model.ts';

const PATH = 'v3/shapes';
const RESPONSE_NAMESPACE = 'export declare namespace WeChatPay.OpenAPI.V3.Shapes.GetHttpMethod {';

/** The emitted WellformedResponse of a GET answering `schema`. */
async function responseOf(schema: Schema): Promise<string> {
  const text = await emitted(
    model(endpoint(PATH, operation('get', PATH, { response: { kind: 'json', status: 200, schema } }))),
  );
  const namespace = block(text, RESPONSE_NAMESPACE);
  // From the declaration of WellformedResponse to the namespace's closing line.
  return namespace.slice(namespace.search(/ {2}export (interface|type) WellformedResponse/), -'\n}'.length);
}

describe('schema to type', () => {
  it('turns string and number enums into literal unions, rfc3339 into string | Date', async () => {
    expect(
      await responseOf(
        object({
          result: string({ enum: ['SUCCESS', 'DUPLICATE', 'FAIL', 'SUCCESS'] }),
          level: integer({ enum: [1, 2, 3] }),
          quoted: string({ enum: ["it's"] }),
          success_time: string({ format: 'rfc3339' }),
          bill_date: string({ format: 'date' }),
          media_id: string({ format: 'MediaId' }),
          amount: { kind: 'number', integer: false, constraints: {} },
          paid: { kind: 'boolean', constraints: {} },
        }),
      ),
    ).toBe(
      lines(
        '  export interface WellformedResponse {',
        "    result: 'SUCCESS' | 'DUPLICATE' | 'FAIL';",
        '    level: 1 | 2 | 3;',
        `    quoted: "it's";`,
        '    success_time: string | Date;',
        '    bill_date: string;',
        '    media_id: string;',
        '    amount: number;',
        '    paid: boolean;',
        '  }',
      ),
    );
  });

  it('escapes control characters in literals and quoted names', async () => {
    const long = 'A_LITERAL_LONG_ENOUGH_TO_BE_KEPT_OUT_OF_THE_PRINTER';
    expect(
      await responseOf(
        object({
          'tab\tname': string({ enum: ['\u00010\u0001', long] }),
          nested: object({ inner: string({ enum: [long, 'B'] }) }),
        }),
      ),
    ).toBe(
      lines(
        '  export interface WellformedResponse {',
        `    'tab\\tname': '\\u00010\\u0001' | '${long}';`,
        '    nested: {',
        `      inner: '${long}' | 'B';`,
        '    };',
        '  }',
      ),
    );
  });

  it('marks members outside required optional and quotes names that are not identifiers', async () => {
    expect(await responseOf(object({ 'out trade no?': string(), 'sub-mchid': string(), 'code?': string() }))).toBe(
      lines(
        '  export interface WellformedResponse {',
        "    'out trade no'?: string;",
        "    'sub-mchid': string;",
        '    code?: string;',
        '  }',
      ),
    );
  });

  it('writes {} for an object without properties, [] for an array without items, unknown for a broken node', async () => {
    expect(
      await responseOf(
        object({
          extra: { kind: 'object', constraints: {} },
          list: array(),
          broken: { kind: 'unknown', constraints: {} },
        }),
      ),
    ).toBe(
      lines(
        '  export interface WellformedResponse {',
        '    extra: {};',
        '    list: [];',
        '    broken: unknown;',
        '  }',
      ),
    );
  });

  it('writes nested arrays of objects inline, and parenthesises unions inside arrays', async () => {
    expect(
      await responseOf(
        object({
          data: array(
            object({ code: string(), results: array(object({ 'times?': array(string({ format: 'rfc3339' })) })) }),
          ),
          matrix: array(array(integer())),
          states: array(string({ enum: ['A', 'B'] })),
        }),
      ),
    ).toBe(
      lines(
        '  export interface WellformedResponse {',
        '    data: {',
        '      code: string;',
        '      results: {',
        '        times?: (string | Date)[];',
        '      }[];',
        '    }[];',
        '    matrix: number[][];',
        "    states: ('A' | 'B')[];",
        '  }',
      ),
    );
  });

  it('documents data members with description, constraints and example on one line', async () => {
    expect(
      await responseOf(
        object({
          coupon_code: string({
            description: '券code\n(商户自定义)',
            constraints: { minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z]+$' },
            example: 'ABC9588200',
          }),
          codes: {
            kind: 'array',
            constraints: { minItems: 1, maxItems: 200 },
            items: string({ description: '券code', constraints: { maxLength: 32 }, example: 'ABC9588200' }),
          },
          amount: integer({ constraints: { minimum: 1 }, example: 100 }),
          options: object({ 'flag?': { kind: 'boolean', constraints: {} } }, { example: { flag: true } }),
          comment_closer: string({ description: 'ends a comment */ early' }),
        }),
      ),
    ).toBe(
      lines(
        '  export interface WellformedResponse {',
        '    /** 券code (商户自定义) (1..32 chars, pattern `^[0-9A-Za-z]+$`) @example ABC9588200 */',
        '    coupon_code: string;',
        '    /** 券code (max 32 chars, 1..200 items) @example ABC9588200 */',
        '    codes: string[];',
        '    /** (min 1) @example 100 */',
        '    amount: number;',
        '    /** @example {"flag":true} */',
        '    options: {',
        '      flag?: boolean;',
        '    };',
        '    /** ends a comment *\\/ early */',
        '    comment_closer: string;',
        '  }',
      ),
    );
  });

  it('declares a response that is not an object as a type alias', async () => {
    expect(await responseOf(array(object({ id: string() })))).toBe(
      lines('  export type WellformedResponse = {', '    id: string;', '  }[];'),
    );
  });
});

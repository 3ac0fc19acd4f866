import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'oxfmt';
import { describe, expect, it } from 'vitest';
import { FORMAT_OPTIONS } from '../../../generator/emit/format.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { fullRun } from '../../full.ts';
import { REPO_ROOT, typeCheck } from './compile.ts';
import { array, endpoint, integer, model, object, operation, string } from './model.ts';
import { emitted } from './output.ts';
import { sampleModel } from './sample.ts';

const CORPUS = resolve(REPO_ROOT, '../shared/corpus/openapi');
const SPEC = resolve(REPO_ROOT, 'spec');

const WIDE_TEXT = "商户券批次号，商户自定义的批次号需要保持唯一，".repeat(8);
const LONG_VALUES = [
  "A_VERY_LONG_ENUM_VALUE_NUMBER_ONE",
  "A_VERY_LONG_ENUM_VALUE_NUMBER_TWO",
  "THREE",
  "FOUR",
  "FIVE",
];
const LONGER_VALUES = [
  ...LONG_VALUES,
  ...LONG_VALUES.map((value) => `${value}_AGAIN`),
];

/** A schema nested `depth` levels deep, objects and arrays of objects in turn, with a long union at the bottom. */
function nested(depth: number): ReturnType<typeof object> {
  if (depth === 0)
    return object({
      "state?": string({ enum: LONG_VALUES, description: WIDE_TEXT }),
    });
  const inner = nested(depth - 1);
  return object({
    [`level_${depth}`]: depth % 2 === 0 ? inner : array(inner),
    "flag?": string(),
  });
}

/** Shapes at the edges of the layout: each at, around and beyond the print width. */
function edgeCaseModel(): ApiModel {
  const longPath =
    "v3/a-rather-long-segment-name/{a_rather_long_parameter_name}/another-long-segment-name/yet-another";
  const responsePath = "v3/list";
  const quotedPath = "v3/quoted";
  return model(
    endpoint(
      longPath,
      operation("post", longPath, {
        summary: WIDE_TEXT,
        docLinks: [
          "https://pay.weixin.qq.com/docs/merchant/apis/a-very-long-documentation-page-name/with-more.html",
        ],
        pathParams: [
          {
            name: "a_rather_long_parameter_name",
            in: "path",
            required: true,
            schema: string(),
          },
        ],
        queryParams: [
          {
            name: "mode",
            in: "query",
            required: false,
            schema: string({ enum: LONG_VALUES.slice(0, 3) }),
          },
          {
            name: "kinds",
            in: "query",
            required: false,
            schema: array(string({ enum: LONG_VALUES })),
          },
          {
            name: "more_kinds",
            in: "query",
            required: false,
            schema: array(string({ enum: LONGER_VALUES })),
          },
          {
            name: "short_kinds",
            in: "query",
            required: false,
            schema: array(string({ enum: ["A", "B"] })),
          },
        ],
        body: { kind: "json", required: true, schema: nested(6) },
      }),
    ),
    endpoint(
      quotedPath,
      operation("get", quotedPath, {
        response: {
          kind: "json",
          status: 200,
          schema: object({
            "it's-quoted": string({
              enum: ["it's", 'say "hi"', "both \\ ' \"", "line\nbreak"],
            }),
            "x-请求-id?": string({
              enum: [
                "一个很长的中文枚举值用于测试宽度计算",
                "另一个很长的中文枚举值",
                "第三个".repeat(6),
              ],
            }),
            "number-like": integer({ enum: [1e21, -1, 0.5, 2] }),
            "a.b": array(
              array(
                object({
                  "c?": string({ format: "rfc3339", description: WIDE_TEXT }),
                }),
              ),
            ),
            wide_union_that_fits_below_its_name_when_moved_to_the_next_line_of_its_own:
              string({
                enum: [
                  "ALPHA_VALUE",
                  "BETA_VALUE",
                  "GAMMA_VALUE",
                  "DELTA_VALUE",
                  "EPSILON_VALUE",
                ],
              }),
          }),
        },
      }),
    ),
    endpoint(
      responsePath,
      operation("get", responsePath, {
        response: {
          kind: "json",
          status: 200,
          schema: array(string({ enum: LONGER_VALUES })),
        },
      }),
    ),
  );
}

/** The emitted declarations are what the formatter makes of them, and they compile. */
async function expectFormattedAndValid(candidate: ApiModel): Promise<string> {
  const text = await emitted(candidate);
  const again = await format('openapi.d.ts', text, FORMAT_OPTIONS);
  expect(again.errors).toEqual([]);
  expect(again.code === text, 'the output is a fixed point of the formatter').toBe(true);
  return text;
}

describe('formatting', () => {
  it('lays out the sample model as the formatter does, and it compiles', async () => {
    const text = await expectFormattedAndValid(sampleModel());
    expect(typeCheck({ 'openapi.d.ts': text })).toEqual([]);
  });

  it('breaks long signatures, unions, nested objects, quoted names and long JSDoc the formatter way', async () => {
    const text = await expectFormattedAndValid(edgeCaseModel());
    expect(typeCheck({ 'openapi.d.ts': text })).toEqual([]);
    expect(text).toMatch(/^ +\| 'A_VERY_LONG_ENUM_VALUE_NUMBER_ONE'$/m);
    expect(text).toMatch(/^ +post\($/m);
    expect(text).toMatch(/^ +\)\[\];$/m);
    expect(text).toContain(`"it's-quoted": "it's" | 'say "hi"' | 'both \\\\ \\' "' | 'line\\nbreak';`);
    expect(text).toContain("'number-like': 1e21 | -1 | 0.5 | 2;");
  });

  it('leaves the formatter nothing to change in the output of the project specs', async () => {
    const { model: specs, diagnostics } = await loadSpecs(SPEC);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    await expectFormattedAndValid(specs);
  });

  it.runIf(fullRun && existsSync(CORPUS))('leaves the formatter nothing to change over the whole corpus', async () => {
    const { model: corpus } = await loadSpecs(CORPUS, { keepGoing: true });
    await expectFormattedAndValid(corpus);
  });
});

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import {
  formatDeclarations,
  DeferredTexts,
  PRETTIER_OPTIONS,
} from "../../../generator/emit/types/format.ts";
import { printDeclarations } from "../../../generator/emit/types/index.ts";
import { loadSpecs } from "../../../generator/load/index.ts";
import type { ApiModel } from "../../../generator/model/types.ts";
import { REPO_ROOT } from "./compile.ts";
import {
  array,
  endpoint,
  integer,
  model,
  object,
  operation,
  string,
} from "./model.ts";
import { sampleModel } from "./sample.ts";
import { fullRun } from "../../full.ts";

const CORPUS = resolve(REPO_ROOT, "../shared/corpus/openapi");
const SPEC = resolve(REPO_ROOT, "spec");

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

/** What prettier makes of the printed file with its comments written out, with the documented parser. */
async function plainPrettier(
  model: ApiModel,
): Promise<{ expected: string; actual: string }> {
  const deferred = new DeferredTexts();
  const printed = printDeclarations(model, deferred);
  const written = printed.replace(
    /^( *)\/\*\* (\d+) \*\/$/gm,
    (_line, indent: string, id: string) => {
      return `${indent}/** ${deferred.text(id)} */`;
    },
  );
  const expected = await prettier.format(written, {
    ...PRETTIER_OPTIONS,
    parser: "typescript",
  });
  return { expected, actual: await formatDeclarations(printed, deferred) };
}

describe("formatting", () => {
  it("gives what plain prettier gives for the file with its comments in place", async () => {
    const path = "v3/marketing/busifavor/stocks/{stock_id}/use-notify-url";
    const wide = "商户券批次号，商户自定义的批次号需要保持唯一，".repeat(8);
    const longModel = model(
      endpoint(
        path,
        operation("post", path, {
          summary: wide,
          body: {
            kind: "json",
            required: true,
            schema: object({
              notify_url: string({
                description: wide,
                constraints: { maxLength: 256 },
                example: "https://pay.weixin.qq.com",
              }),
              nested: object({
                "mode?": string({
                  description: wide,
                  enum: [
                    "A_VERY_LONG_ENUM_VALUE",
                    "ANOTHER_VERY_LONG_ENUM_VALUE",
                    "A_THIRD_ONE",
                  ],
                }),
              }),
            }),
          },
        }),
      ),
    );
    for (const candidate of [longModel, sampleModel()]) {
      const { expected, actual } = await plainPrettier(candidate);
      expect(actual).toBe(expected);
    }
  });

  it("puts each member comment back before its member, also where prettier breaks lines", async () => {
    const deferred = new DeferredTexts();
    const code = deferred.placeholder(
      "券code (1..32 chars) @example ABC9588200",
    );
    const state = deferred.placeholder("状态");
    const printed = [
      "export interface A {",
      `  /** ${code} */`,
      "  code: string;",
      "  get(config: AVeryLongConfigurationTypeName.ThatGoesOn.AndOn.AndOn, data: AnotherVeryLongTypeName.ThatAlsoGoesOn): void;",
      `  /** ${state} */`,
      "  'state-x'?: 'A_VERY_LONG_LITERAL_VALUE' | 'ANOTHER_VERY_VERY_LONG_LITERAL_VALUE' | 'YET_ANOTHER_VERY_LONG_LITERAL_VALUE' | 'LAST';",
      "}",
      "",
    ].join("\n");
    expect(await formatDeclarations(printed, deferred)).toBe(
      [
        "export interface A {",
        "  /** 券code (1..32 chars) @example ABC9588200 */",
        "  code: string;",
        "  get(",
        "    config: AVeryLongConfigurationTypeName.ThatGoesOn.AndOn.AndOn,",
        "    data: AnotherVeryLongTypeName.ThatAlsoGoesOn,",
        "  ): void;",
        "  /** 状态 */",
        "  'state-x'?:",
        "    | 'A_VERY_LONG_LITERAL_VALUE'",
        "    | 'ANOTHER_VERY_VERY_LONG_LITERAL_VALUE'",
        "    | 'YET_ANOTHER_VERY_LONG_LITERAL_VALUE'",
        "    | 'LAST';",
        "}",
        "",
      ].join("\n"),
    );
    expect(() => deferred.text("7")).toThrow("no member comment 7");
  });

  it("gives what plain prettier gives for long signatures, unions, nested objects, quoted names and long JSDoc", async () => {
    const { expected, actual } = await plainPrettier(edgeCaseModel());
    expect(actual).toBe(expected);
    // The model reaches every breaking rule, so the comparison above covers them.
    expect(actual).toContain("    | 'A_VERY_LONG_ENUM_VALUE_NUMBER_ONE'");
    expect(actual).toMatch(/^ {4}post\($/m);
    expect(actual).toMatch(/^ {6}\)\[\];$/m);
    expect(actual).toMatch(/^ {6}'ALPHA_VALUE' \| 'BETA_VALUE'/m);
  });

  it("leaves prettier nothing to change in the output of the project specs", async () => {
    const { model: specs, diagnostics } = await loadSpecs(SPEC);
    expect(
      diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
    ).toEqual([]);
    const { expected, actual } = await plainPrettier(specs);
    expect(actual).toBe(expected);
    expect(await prettier.format(actual, PRETTIER_OPTIONS)).toBe(actual);
  });

  it.runIf(fullRun && existsSync(CORPUS))(
    "gives what plain prettier gives over the whole corpus",
    async () => {
      const { model: corpus } = await loadSpecs(CORPUS, { keepGoing: true });
      const { expected, actual } = await plainPrettier(corpus);
      expect(actual === expected).toBe(true);
    },
  );
});

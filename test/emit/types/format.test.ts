import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatDeclarations, MemberComments, PRETTIER_OPTIONS } from '../../../generator/emit/types/format.ts';
import { printDeclarations } from '../../../generator/emit/types/index.ts';
import { loadSpecs } from '../../../generator/load/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { REPO_ROOT } from './compile.ts';
import { endpoint, model, object, operation, string } from './model.ts';
import { sampleModel } from './sample.ts';

const CORPUS = resolve(REPO_ROOT, '../shared/corpus/openapi');

/** What prettier makes of the printed file with its comments written out, with the documented parser. */
async function plainPrettier(model: ApiModel): Promise<{ expected: string; actual: string }> {
  const comments = new MemberComments();
  const printed = printDeclarations(model, comments);
  const written = printed.replace(/^( *)\/\*\* (\d+) \*\/$/gm, (_line, indent: string, id: string) => {
    return `${indent}/** ${comments.text(id)} */`;
  });
  const expected = await prettier.format(written, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  return { expected, actual: await formatDeclarations(printed, comments) };
}

describe('formatting', () => {
  it('gives what plain prettier gives for the file with its comments in place', async () => {
    const path = 'v3/marketing/busifavor/stocks/{stock_id}/use-notify-url';
    const wide = '商户券批次号，商户自定义的批次号需要保持唯一，'.repeat(8);
    const longModel = model(
      endpoint(
        path,
        operation('post', path, {
          summary: wide,
          body: {
            kind: 'json',
            required: true,
            schema: object({
              notify_url: string({
                description: wide,
                constraints: { maxLength: 256 },
                example: 'https://pay.weixin.qq.com',
              }),
              nested: object({
                'mode?': string({
                  description: wide,
                  enum: ['A_VERY_LONG_ENUM_VALUE', 'ANOTHER_VERY_LONG_ENUM_VALUE', 'A_THIRD_ONE'],
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

  it('puts each member comment back before its member, also where prettier breaks lines', async () => {
    const comments = new MemberComments();
    const code = comments.placeholder('券code (1..32 chars) @example ABC9588200');
    const state = comments.placeholder('状态');
    const printed = [
      'export interface A {',
      `  /** ${code} */`,
      '  code: string;',
      '  get(config: AVeryLongConfigurationTypeName.ThatGoesOn.AndOn.AndOn, data: AnotherVeryLongTypeName.ThatAlsoGoesOn): void;',
      `  /** ${state} */`,
      "  'state-x'?: 'A_VERY_LONG_LITERAL_VALUE' | 'ANOTHER_VERY_VERY_LONG_LITERAL_VALUE' | 'YET_ANOTHER_VERY_LONG_LITERAL_VALUE' | 'LAST';",
      '}',
      '',
    ].join('\n');
    expect(await formatDeclarations(printed, comments)).toBe(
      [
        'export interface A {',
        '  /** 券code (1..32 chars) @example ABC9588200 */',
        '  code: string;',
        '  get(',
        '    config: AVeryLongConfigurationTypeName.ThatGoesOn.AndOn.AndOn,',
        '    data: AnotherVeryLongTypeName.ThatAlsoGoesOn,',
        '  ): void;',
        '  /** 状态 */',
        "  'state-x'?:",
        "    | 'A_VERY_LONG_LITERAL_VALUE'",
        "    | 'ANOTHER_VERY_VERY_LONG_LITERAL_VALUE'",
        "    | 'YET_ANOTHER_VERY_LONG_LITERAL_VALUE'",
        "    | 'LAST';",
        '}',
        '',
      ].join('\n'),
    );
    expect(() => comments.text('7')).toThrow('no member comment 7');
  });

  it.skipIf(!existsSync(CORPUS))('gives what plain prettier gives over the whole corpus', async () => {
    const { model: corpus } = await loadSpecs(CORPUS, { keepGoing: true });
    const { expected, actual } = await plainPrettier(corpus);
    expect(actual === expected).toBe(true);
  });
});

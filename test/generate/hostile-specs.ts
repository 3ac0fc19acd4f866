/** Hostile text for the generator fuzz test and the docs-site build (hardening items 13 and 14). */
import { lines } from '../load/helpers.ts';

export const HOSTILE: readonly string[] = [
  '*/ declare const broken: ',
  '/* @deprecated */ x /* @param y',
  '@example @see {@link x} @type {number}',
  '``` `code` ``',
  '</script><script>alert(1)</script>',
  '{{ constructor.constructor("alert(1)")() }}',
  '${process.exit(1)}',
  `'single' "double" \\ backslash`,
  'line one\nline two\r\n# heading\n| a | b |',
  '中文说明，含全角标点：“引号”',
  'lone \ud800 surrogate \udfff',
  `long ${'x/* */'.repeat(400)}`,
  '<!-- comment --> <img src=x onerror=alert(1)> &amp; {#id}',
];

/** One operation per hostile text, the text in every field: summary, descriptions, enums, examples, patterns, names. */
export function hostileSpecs(): Record<string, string> {
  const files: Record<string, string> = {};
  HOSTILE.forEach((raw, index) => {
    const text = JSON.stringify(raw);
    // The documentation link and the deprecation date become JSDoc tags.
    const link = `[官方文档](https://pay.weixin.qq.com/${raw.replace(/[\s()]/g, '')})`;
    files[`v3/hostile/op${index}.yaml`] = lines(
      'post:',
      `  summary: ${text}`,
      `  description: ${JSON.stringify(`${raw} ${link}`)}`,
      '  deprecated: true',
      `  x-last-updated-at: ${text}`,
      `  tags: [${text}]`,
      '  parameters:',
      '    - name: body',
      '      in: body',
      '      required: true',
      '      schema:',
      '        type: object',
      '        required: [plain]',
      '        properties:',
      '          plain:',
      '            type: string',
      `            description: ${text}`,
      `            example: ${text}`,
      `            pattern: ${text}`,
      `            enum: [${text}, "ok"]`,
      `          ${text}:`,
      '            type: integer',
      `            description: ${text}`,
      '  responses:',
      '    200:',
      '      schema:',
      '        type: object',
      '        properties:',
      '          result:',
      '            type: string',
      `            description: ${text}`,
      `            enum: [${text}]`,
      '  x-error-codes:',
      '    - status: 400',
      '      code: PARAM_ERROR',
      `      description: ${text}`,
      `      solution: ${text}`,
    );
  });
  return files;
}

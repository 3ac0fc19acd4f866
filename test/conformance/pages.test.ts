import { describe, expect, it } from 'vitest';
import { extractDocumentedBlocks } from './pages.ts';

const PAGE = [
  '---', //                                     1
  'title: 导入会员Code',
  '---',
  '',
  '```js twoslash', //                           5
  '// @filename: virtual.ts',
  'namespace A.PostHttpMethod {', //             7: first line of block 1
  '  export interface JsonDataRequest { code: string[] }',
  '}',
  '// @filename: business.js', //               10
  "import { wxpay } from './virtual'",
  '```',
  '',
  '```ts',
  '// @filename: virtual.ts', //                15: not twoslash, ignored
  'namespace Ignored {}',
  '```',
  '',
  '```ts twoslash',
  '// @filename: other.ts', //                  20: a twoslash fence without virtual.ts
  'const x = 1',
  '```',
  '',
  '```ts twoslash',
  '// @filename: virtual.ts', //                25
  'namespace B.GetHttpMethod {}', //            26: first line of block 3, runs to the fence
  'export var wxpay: Wechatpay',
  '```',
].join('\n');

describe('extractDocumentedBlocks', () => {
  it('takes each twoslash fence’s virtual.ts part up to the next @filename or the end of the fence', () => {
    expect(extractDocumentedBlocks(PAGE)).toEqual([
      {
        index: 1,
        line: 7,
        text: 'namespace A.PostHttpMethod {\n  export interface JsonDataRequest { code: string[] }\n}',
      },
      { index: 3, line: 26, text: 'namespace B.GetHttpMethod {}\nexport var wxpay: Wechatpay' },
    ]);
  });

  it('reads CRLF pages and an unterminated last fence', () => {
    const page = '```js twoslash\r\n// @filename: virtual.ts\r\nnamespace C {}';
    expect(extractDocumentedBlocks(page)).toEqual([{ index: 1, line: 3, text: 'namespace C {}' }]);
  });

  it('finds nothing in a page without twoslash fences', () => {
    expect(extractDocumentedBlocks('# Title\n\n```ts\nconst a = 1\n```\n')).toEqual([]);
  });
});

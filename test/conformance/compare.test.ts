import { describe, expect, it } from 'vitest';
import {
  compareDeclarations,
  DOCUMENTED_STYLE,
  findSyntaxErrors,
  formatDifference,
  parseDeclarations,
  type CompareOptions,
} from './compare.ts';

/** The formatted differences of `documented` held to `emitted`. */
function differences(documented: string, emitted: string, options: CompareOptions = {}): string[] {
  return compareDeclarations(parseDeclarations(documented), parseDeclarations(emitted), options).map(formatDifference);
}

const COUPONCODES = 'WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes';

describe('parseDeclarations', () => {
  it('keys interfaces by fully qualified name through dotted and nested namespaces, with or without export/declare', () => {
    const index = parseDeclarations(`
      import type { AxiosRequestConfig } from 'axios';
      export declare namespace A.B { export interface X { a: string } }
      declare namespace A { namespace C.D { interface Y { b: number } } }
      namespace A.B { export type Z = { c: boolean } }
      export interface Wechatpay { v3: A.B.X }
      export var wxpay: Wechatpay
    `);
    expect([...index.declarations.keys()]).toEqual(['A.B.X', 'A.C.D.Y', 'A.B.Z', 'Wechatpay']);
    expect([...index.namespaces].sort()).toEqual(['A', 'A.B', 'A.C', 'A.C.D']);
    expect(index.declarations.get('Wechatpay')).toMatchObject({
      kind: 'interface',
      namespace: '',
      members: [{ kind: 'property', name: 'v3', type: { kind: 'reference', name: 'A.B.X' } }],
    });
  });

  it('resolves a reference from the innermost enclosing namespace outwards, and leaves external names alone', () => {
    const index = parseDeclarations(`
      namespace N.Couponcodes.PostHttpMethod { export interface JsonDataRequest {} }
      namespace N.Outer { export interface Couponcodes { post(): AxiosPromise<Couponcodes.PostHttpMethod.JsonDataRequest> } }
      namespace N.Outer.Couponcodes.PostHttpMethod { export interface JsonDataRequest {} }
    `);
    const endpoint = index.declarations.get('N.Outer.Couponcodes');
    expect(endpoint).toMatchObject({
      members: [
        {
          kind: 'method',
          returns: {
            kind: 'reference',
            name: 'AxiosPromise',
            args: [{ kind: 'reference', name: 'N.Outer.Couponcodes.PostHttpMethod.JsonDataRequest' }],
          },
        },
      ],
    });
  });

  it('merges repeated declarations of one interface in source order', () => {
    const index = parseDeclarations(`
      namespace A { export interface X { a: string } }
      namespace A { export interface X { b: string } }
    `);
    expect(index.declarations.get('A.X')).toMatchObject({ members: [{ name: 'a' }, { name: 'b' }], line: 2 });
  });
});

describe('findSyntaxErrors', () => {
  it('locates a syntax error by line and column', () => {
    expect(findSyntaxErrors('namespace A {\n  export interface X {\n    a: string[\n  }\n}')).toEqual([
      expect.objectContaining({ line: 4, col: 3, message: "']' expected." }),
    ]);
  });

  it('accepts the documented style (commas after nested literals, no semicolons)', () => {
    expect(
      findSyntaxErrors('namespace A { export interface X {\n  a: {\n    b: number\n  },\n  c: string\n} }'),
    ).toEqual([]);
  });
});

describe('compareDeclarations: types', () => {
  const request = (body: string): string =>
    `namespace Foo.Bar.PostHttpMethod { export interface JsonDataRequest {\n${body}\n} }`;

  it('reports a member type difference in the documented wording', () => {
    expect(differences(request('coupon_code_list: string[]'), request('coupon_code_list: number[]'))).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member coupon_code_list: documented string[], emitted number[]',
    ]);
  });

  it('ignores whitespace, parentheses, separators and JSDoc', () => {
    const documented = request('a: string | Date\n b: { c: number }[],\n d: (string)[]');
    const emitted = request('/** A */ a: (string | Date); /** B */ b: ({ c: number; })[]; d: string[];');
    expect(differences(documented, emitted)).toEqual([]);
  });

  it('compares union members as sets', () => {
    expect(differences(request('a: string | Date'), request('a: Date | string | Date'))).toEqual([]);
    expect(differences(request('a: string | Date'), request('a: string | number'))).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member a: documented string | Date, emitted string | number',
    ]);
  });

  it('descends into inline object literals and arrays of them, member order included', () => {
    const documented = request('data: { code: string; result: string; time: string }[]');
    expect(differences(documented, request('data: { code: string; result: string; time: string }[]'))).toEqual([]);
    expect(differences(documented, request('data: { result: string; code: number; extra: string }[]'))).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member data[].code: documented string, emitted number',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: missing member data[].time',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: extra member data[].extra',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member order of data[]: documented code, result; emitted result, code',
    ]);
  });

  it('reports missing, extra and reordered members of an interface', () => {
    expect(
      differences(request('a: string\n b: string\n c: string'), request('c: string\n a: string\n d: string')),
    ).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: missing member b',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: extra member d',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member order: documented a, c; emitted c, a',
    ]);
  });

  it('tells an array without items ([]) from an array of strings, and {} from an object with members', () => {
    expect(differences(request('a: []\n b: {}'), request('a: string[]\n b: { c: string }'))).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member a: documented [], emitted string[]',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: extra member b.c',
    ]);
  });

  it('treats a named type and an inline literal of the same structure as equal', () => {
    const emitted = `
      namespace Foo.Definitions { export interface Amount { total: number; currency: string } }
      namespace Foo.Bar.PostHttpMethod { export interface JsonDataRequest { amount: Definitions.Amount; list: Foo.Definitions.Amount[] } }`;
    const documented = request(
      'amount: { total: number; currency: string }\n list: { total: number; currency: string }[]',
    );
    expect(differences(documented, emitted)).toEqual([]);
    expect(
      differences(request('amount: { total: string; currency: string }\n list: { total: number }[]'), emitted),
    ).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member amount.total: documented string, emitted number',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: extra member list[].currency',
    ]);
  });

  it('expands two differently named types structurally and stops on recursive definitions', () => {
    const documented = `
      namespace Foo { export type Node = { name: string; children: Node[] } }
      namespace Foo.Bar.PostHttpMethod { export interface JsonDataRequest { tree: Node } }`;
    const emitted = `
      namespace Foo { export interface TreeNode { name: string; children: TreeNode[] } }
      namespace Foo.Bar.PostHttpMethod { export interface JsonDataRequest { tree: TreeNode } }`;
    // Only the documented alias itself has no emitted namesake; the member using it matches.
    expect(differences(documented, emitted)).toEqual(['Foo.Node: missing type']);
  });

  it('compares `?` unless the required improvement is normalised', () => {
    expect(differences(request('a: string'), request('a?: string'))).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member a: documented required, emitted optional',
    ]);
    expect(differences(request('a: string'), request('a?: string'), { dropOptional: true })).toEqual([]);
  });

  it('collapses literal unions to their base type only when the enum improvement is normalised', () => {
    const documented = request('result: string\n count: number\n flag: boolean');
    const emitted = request("result: 'SUCCESS' | 'DUPLICATE'\n count: 1 | 2\n flag: true");
    expect(differences(documented, emitted, { collapseLiterals: true })).toEqual([]);
    expect(differences(documented, emitted)).toEqual([
      "Foo.Bar.PostHttpMethod.JsonDataRequest: member result: documented string, emitted 'SUCCESS' | 'DUPLICATE'",
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member count: documented number, emitted 1 | 2',
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member flag: documented boolean, emitted true',
    ]);
    expect(differences(request('a: string'), request('a: 1 | 2'), { collapseLiterals: true })).toEqual([
      'Foo.Bar.PostHttpMethod.JsonDataRequest: member a: documented string, emitted number',
    ]);
  });

  it('compares extends clauses', () => {
    const config = (heritage: string): string =>
      `namespace Foo.Bar.GetHttpMethod { export interface WellformedResponse ${heritage} {} }`;
    expect(differences(config('extends ReadStream'), config('extends ReadStream'))).toEqual([]);
    expect(differences(config('extends ReadStream'), config(''))).toEqual([
      'Foo.Bar.GetHttpMethod.WellformedResponse: extends: documented ReadStream, emitted nothing',
    ]);
  });
});

describe('compareDeclarations: endpoint and parent-chain interfaces', () => {
  const methodNamespace = `
    namespace ${COUPONCODES}.PostHttpMethod {
      export interface JsonDataRequest { coupon_code_list: string[] }
      export interface RequestConfig extends AxiosRequestConfig { data?: JsonDataRequest; stock_id: string }
      export interface WellformedResponse { stock_id: string }
    }`;
  const shortland = `(data: Couponcodes.PostHttpMethod.JsonDataRequest, config: Couponcodes.PostHttpMethod.RequestConfig): AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>`;
  const documented = `${methodNamespace}
    namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_ {
      export interface Couponcodes {
        /** shortland */
        ${shortland}
        /** 上传预存code API */
        post${shortland}
      }
    }
    namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks { export interface _stock_id_ { couponcodes: _stock_id_.Couponcodes } }
    export interface Wechatpay { /** APIv3 endpoint */ v3: WeChatPay.OpenAPI.V3 }`;
  const fullyQualified = (verb: string, name: string): string => `${COUPONCODES}.${verb}HttpMethod.${name}`;
  const emittedEndpoint = (members: string, children = 'couponcodes: _stock_id_.Couponcodes'): string => `
    export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_ {
      export interface Couponcodes { ${members} }
    }
    export declare namespace WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks { export interface _stock_id_ { ${children} } }
    export interface Wechatpay { v3: WeChatPay.OpenAPI.V3 }`;
  const qualifiedSignature = `(data: ${fullyQualified('Post', 'JsonDataRequest')}, config: ${fullyQualified('Post', 'RequestConfig')}): AxiosPromise<${fullyQualified('Post', 'WellformedResponse')}>`;

  it('equates references written relative to the enclosing namespace with fully qualified ones', () => {
    const emitted = `${methodNamespace}${emittedEndpoint(`${qualifiedSignature}; post${qualifiedSignature};`)}`;
    expect(differences(documented, emitted)).toEqual([]);
  });

  it('lets the emitted chain interfaces hold more children than the page shows, in the same relative order', () => {
    const emitted = `${methodNamespace}${emittedEndpoint(
      `${shortland}; post${shortland}; batch: Couponcodes.Batch`,
      'get(config: X): AxiosPromise<Y>; before: _stock_id_.Before; couponcodes: _stock_id_.Couponcodes; after: _stock_id_.After',
    )}`;
    expect(differences(documented, emitted)).toEqual([]);
    const documentedTwoChildren = `namespace N { export interface Parent { first: Parent.First; second: Parent.Second } }`;
    const emittedReversed = `namespace N { export interface Parent { second: Parent.Second; third: Parent.Third; first: Parent.First } }`;
    expect(differences(documentedTwoChildren, emittedReversed)).toEqual([
      'N.Parent: member order: documented first, second; emitted second, first',
    ]);
    expect(
      differences(documentedTwoChildren, 'namespace N { export interface Parent { first: Parent.First } }'),
    ).toEqual(['N.Parent: missing member second']);
  });

  it('compares the call signature and the documented method exactly', () => {
    const optionalConfig = shortland.replace('config:', 'config?:');
    const emitted = `${methodNamespace}${emittedEndpoint(`post${optionalConfig}`)}`;
    expect(differences(documented, emitted)).toEqual([
      `${COUPONCODES}: member post, parameter config: documented config: Couponcodes.PostHttpMethod.RequestConfig, emitted config?: Couponcodes.PostHttpMethod.RequestConfig`,
      `${COUPONCODES}: call signatures: documented 1, emitted 0`,
    ]);
    const renamed = shortland.replace('(data:', '(body:').replace('AxiosPromise<', 'Promise<');
    expect(differences(documented, `${methodNamespace}${emittedEndpoint(`${shortland}; post${renamed}`)}`)).toEqual([
      `${COUPONCODES}: member post: parameter 1 documented data, emitted body`,
      `${COUPONCODES}: member post, return type: documented AxiosPromise<Couponcodes.PostHttpMethod.WellformedResponse>, emitted Promise<Couponcodes.PostHttpMethod.WellformedResponse>`,
    ]);
  });

  it('compares only the methods the page shows: the other verbs of the endpoint belong to other blocks', () => {
    const get =
      'get(config: Couponcodes.GetHttpMethod.RequestConfig): AxiosPromise<Couponcodes.GetHttpMethod.WellformedResponse>';
    const getNamespace = `namespace ${COUPONCODES}.GetHttpMethod { export interface RequestConfig {} }\n`;
    const emitted = `${getNamespace}${methodNamespace}${emittedEndpoint(`${shortland}; post${shortland}; ${get}`)}`;
    expect(differences(documented, emitted)).toEqual([]);
    expect(differences(`${getNamespace}${documented}`, emitted)).toEqual([]);
    const documentedGet = documented.replace(`post${shortland}`, `post${shortland}; ${get}`);
    const emittedWithoutGet = `${methodNamespace}${emittedEndpoint(`${shortland}; post${shortland}`)}`;
    expect(differences(documentedGet, emittedWithoutGet)).toEqual([`${COUPONCODES}: missing member get`]);
  });

  it('holds a method namespace to exactly the documented interfaces', () => {
    const emitted = `${methodNamespace}
      namespace ${COUPONCODES}.PostHttpMethod { export interface Extra {} }
      ${emittedEndpoint(`${shortland}; post${shortland}`)}`;
    expect(differences(documented, emitted)).toEqual([`${COUPONCODES}.PostHttpMethod: extra interface Extra`]);
    const withoutResponse = emitted.replace('export interface WellformedResponse { stock_id: string }', '');
    expect(differences(documented, withoutResponse)).toEqual([
      `${fullyQualified('Post', 'WellformedResponse')}: missing interface`,
      `${COUPONCODES}.PostHttpMethod: extra interface Extra`,
    ]);
  });

  it('re-derives an emitted optional config from its RequestConfig only when the required improvement is normalised', () => {
    const endpoint = (config: string, params: string): string => `
      namespace N.Partnerships.GetHttpMethod { export interface RequestConfig { params${params}: { limit${params}: number } } }
      namespace N { export interface Partnerships { get(${config}: Partnerships.GetHttpMethod.RequestConfig): AxiosPromise<{}> } }`;
    const documented = endpoint('config', '');
    const improved = endpoint('config?', '?');
    expect(differences(documented, improved, DOCUMENTED_STYLE)).toEqual([]);
    expect(differences(documented, improved)).toEqual([
      'N.Partnerships.GetHttpMethod.RequestConfig: member params: documented required, emitted optional',
      'N.Partnerships.GetHttpMethod.RequestConfig: member params.limit: documented required, emitted optional',
      'N.Partnerships: member get, parameter config: documented config: Partnerships.GetHttpMethod.RequestConfig, emitted config?: Partnerships.GetHttpMethod.RequestConfig',
    ]);
    // An optional config beside a required member breaks the rule itself: never normalised away.
    expect(differences(documented, endpoint('config?', ''), DOCUMENTED_STYLE)).toEqual([
      'N.Partnerships: member get, parameter config: documented config: Partnerships.GetHttpMethod.RequestConfig, emitted config?: Partnerships.GetHttpMethod.RequestConfig',
    ]);
  });

  it('positions each difference on the documented member', () => {
    const [difference] = compareDeclarations(
      parseDeclarations('namespace A.GetHttpMethod {\n  export interface X {\n    a: string\n  }\n}'),
      parseDeclarations('namespace A.GetHttpMethod { export interface X { a: number } }'),
    );
    expect(difference).toMatchObject({ declaration: 'A.GetHttpMethod.X', line: 3, col: 5 });
  });

  it('normalises both improvements with DOCUMENTED_STYLE', () => {
    expect(DOCUMENTED_STYLE).toEqual({ dropOptional: true, collapseLiterals: true });
  });
});

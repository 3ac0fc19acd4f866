/**
 * Type-level claims about `ClientConstructor`, checked with the TypeScript compiler (strict) against
 * the hand-written declarations fixture in the documented style.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const preamble = `
import { createClientClass, parseFundFlowBill, parseTradeBill, type ClientOptions } from '../../../templates/runtime/index.ts';
import type { Notifications, Paths, Wechatpay as Endpoints } from './openapi.d.ts';
declare const options: ClientOptions;
const Wechatpay = createClientClass<Endpoints, Paths, Notifications>({});
const wxpay = new Wechatpay(options);
const data = { coupon_code_list: ['A'], upload_request_no: 'R' };
`;

const styles = {
  chain: 'wxpay.v3.marketing.busifavor.stocks._stock_id_.couponcodes',
  declarative: "wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcodes')",
  attribute: "wxpay['v3/marketing/busifavor/stocks/{stock_id}/couponcodes']",
};

/** Case name -> statement; `error` is what the diagnostic must mention, `undefined` when it must compile. */
const cases: Record<string, { code: string; error?: RegExp }> = {};
for (const [style, node] of Object.entries(styles)) {
  cases[`${style}: correct call`] = { code: `${node}.post(data, { stock_id: 'S' }).then((r) => r.data.total_count.toFixed());` };
  cases[`${style}: shortland`] = { code: `${node}(data, { stock_id: 'S', idempotent: true, retry: { retries: 1 } });` };
  cases[`${style}: wrong field name`] = {
    code: `${node}.post({ coupon_code_list: [], upload_request_no: 'R', upload_no: 'x' }, { stock_id: 'S' });`,
    error: /upload_no/,
  };
  cases[`${style}: missing required field`] = { code: `${node}.post({ coupon_code_list: [] }, { stock_id: 'S' });`, error: /upload_request_no/ };
  cases[`${style}: wrong path parameter name`] = { code: `${node}.post(data, { stockId: 'S' });`, error: /stockId|stock_id/ };
  cases[`${style}: wrong response member`] = { code: `${node}.post(data, { stock_id: 'S' }).then((r) => r.data.totalCount);`, error: /totalCount/ };
}
Object.assign(cases, {
  'GET with required query': { code: "wxpay.v3.pay.transactions.id._transaction_id_.get({ transaction_id: '1', params: { mchid: '1' } });" },
  'GET missing required query': { code: "wxpay['v3/pay/transactions/id/{transaction_id}'].get({ transaction_id: '1' });", error: /params/ },
  'undeclared verb': { code: "wxpay.v3.pay.transactions.id._transaction_id_.post({});", error: /post/ },
  'path not in the specs via chain()': { code: "wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcode');", error: /couponcode/ },
  'path not in the specs via attribute': { code: "wxpay['v3/marketing/busifavor/coupons/{card_id}/send'];", error: /send/ },
  'path not in the specs via attribute, called': { code: "wxpay['v3/not/declared'].post({ anything: true });", error: /v3\/not\/declared/ },
  'untyped() escape hatch': { code: "wxpay.untyped('v3/not/declared/{x}').get({ x: '1', params: { a: 1 } });" },
  'untyped() answers unknown data': { code: "wxpay.untyped('v3/not/declared').post({}).then((r) => r.data.anything);", error: /unknown/ },
  'unknown chain property': { code: 'wxpay.v3.marketing.notDeclared;', error: /notDeclared/ },
});

const order = "{ appid: 'wxd678efh567hg6787', prepay_id: 'wx2014' }";
const bill = "{ download_url: 'https://api.mch.weixin.qq.com/v3/billdownload/file?token=t', hash_type: 'SHA1', hash_value: 'h' }";
Object.assign(cases, {
  'notification narrowed by event_type': {
    code: `wxpay.notificationHandler((event) => {
      if (event.event_type === 'TRANSACTION.SUCCESS') { const total: number = event.resource.amount.total; void total; }
      else { const refund: string = event.resource.refund_id; const status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = event.resource.refund_status; void refund; void status; }
    });`,
  },
  'notification: an event_type the map does not have': {
    code: "wxpay.notificationHandler((event) => { if (event.event_type === 'TRANSACTION.FAILED') return; });",
    error: /TRANSACTION\.FAILED|no overlap/,
  },
  'notification: a refund member on a payment event': {
    code: "wxpay.notificationHandler((event) => { if (event.event_type === 'TRANSACTION.SUCCESS') void event.resource.refund_id; });",
    error: /refund_id/,
  },
  'notification: resource members before narrowing': {
    code: 'wxpay.notificationHandler((event) => { void event.resource.transaction_id; });',
    error: /transaction_id/,
  },
  'notification: an untyped client gets the plain notification': {
    code: `const Plain = createClientClass<Endpoints, Paths>({});
      new Plain(options).notificationHandler((event) => { const type: string = event.event_type; void type; void event.resource['anything']; });`,
  },
  'notification handler adapters': {
    code: `const handler = wxpay.notificationHandler(async () => {});
      const POST: (request: Request) => Promise<Response> = handler.fetch;
      const node: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void> = handler;
      void POST; void node;`,
  },
  'JSAPI invocation fields': {
    code: `const p = wxpay.jsapiInvocation(${order});
      const fields: { appId: string; timeStamp: string; nonceStr: string; package: \`prepay_id=\${string}\`; signType: 'RSA'; paySign: string } = p; void fields;`,
  },
  'JSAPI invocation without prepay_id': { code: "wxpay.jsapiInvocation({ appid: 'wx' });", error: /prepay_id/ },
  'JSAPI timeStamp is a string': { code: `const t: number = wxpay.jsapiInvocation(${order}).timeStamp;`, error: /number/ },
  'APP invocation fields': {
    code: `const a = wxpay.appInvocation(${order});
      const fields: { appid: string; partnerid: string; prepayid: string; package: 'Sign=WXPay'; noncestr: string; timestamp: string; sign: string } = a; void fields;`,
  },
  'downloadBill with GZIP': { code: `wxpay.downloadBill(${bill}, { tar_type: 'GZIP' }).then((stream) => stream.pipe(process.stdout));` },
  'downloadBill wrong tar_type': { code: `wxpay.downloadBill(${bill}, { tar_type: 'ZIP' });`, error: /ZIP/ },
  'downloadBill wrong hash_type': { code: `wxpay.downloadBill({ ...${bill}, hash_type: 'MD5' });`, error: /MD5/ },
  'downloadBill without hash_value': { code: "wxpay.downloadBill({ download_url: 'u', hash_type: 'SHA1' });", error: /hash_value/ },
  'trade bill rows typed': {
    code: "parseTradeBill('').then((b) => { const id: string = b.rows[0]!.out_trade_no; const fee: string | undefined = b.rows[0]!.refund_fee; void id; void fee; });",
  },
  'trade bill: a field it does not have': { code: "parseTradeBill('').then((b) => b.rows[0]!.outTradeNo);", error: /outTradeNo/ },
  'fund-flow bill summary typed': { code: "parseFundFlowBill('').then((b) => { const n: string | undefined = b.summary?.total_count; void n; });" },
  'fund-flow rows are not trade rows': { code: "parseFundFlowBill('').then((b) => b.rows[0]!.out_trade_no);", error: /out_trade_no/ },
  'refreshCertificates result': { code: 'wxpay.refreshCertificates().then((list) => list.map((c) => c.serial.toUpperCase() + c.validTo.getTime()));' },
});

function compile(): Map<string, readonly ts.Diagnostic[]> {
  const files = new Map<string, string>();
  Object.values(cases).forEach((testCase, index) => files.set(resolve(fixtures, `case-${index}.ts`), preamble + testCase.code));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => files.has(resolve(name)) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  host.getSourceFile = (name, language) => {
    const text = files.get(resolve(name));
    return text === undefined ? getSourceFile(name, language) : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const result = new Map<string, readonly ts.Diagnostic[]>();
  Object.keys(cases).forEach((name, index) => {
    const file = program.getSourceFile(resolve(fixtures, `case-${index}.ts`));
    result.set(name, file === undefined ? [] : [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]);
  });
  return result;
}

describe('ClientConstructor typing (TypeScript compiler, strict)', () => {
  const diagnostics = compile();
  const text = (name: string): string =>
    (diagnostics.get(name) ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')).join('\n');

  it.each(Object.entries(cases).filter(([, testCase]) => testCase.error === undefined).map(([name]) => name))('%s compiles', (name) => {
    expect(text(name)).toBe('');
  });

  it.each(Object.entries(cases).flatMap(([name, testCase]) => (testCase.error ? [[name, testCase.error] as const] : [])))(
    '%s is a compile error',
    (name, error) => {
      expect(text(name)).toMatch(error);
    },
  );
});

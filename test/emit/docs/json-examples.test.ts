import { beforeAll, describe, expect, it } from 'vitest';
import { pageFile } from '../../../generator/emit/docs/index.ts';
import { notificationPageFile } from '../../../generator/emit/docs/notifications.ts';
import { exampleJson } from '../../../generator/emit/docs/json-examples.ts';
import { requestSchema } from '../../../generator/emit/validators/schema.ts';
import type { EmittedFile } from '../../../generator/emit/files.ts';
import type { ApiModel, Operation } from '../../../generator/model/types.ts';
import { compileRequestValidator } from '../../../templates/runtime/validation.ts';
import { projectPages } from './support.ts';

let model: ApiModel;
let files: EmittedFile[];

beforeAll(async () => {
  ({ model, files } = await projectPages());
});

/** The ```http block under a `### heading` of one method's section. */
function httpBlock(page: string, method: string, heading: string): string | undefined {
  const section = page.split(/^## /m).find((part) => part.split('\n', 1)[0]?.endsWith(`{#${method}}`)) ?? '';
  return new RegExp(`^### ${heading}\\n\\n\`\`\`http\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(section)?.[1];
}

/** The JSON after the blank line that ends an HTTP message's headers. */
function body(message: string): unknown {
  const text = message.slice(message.indexOf('\n\n') + 2);
  return JSON.parse(text);
}

/** What the runtime validates before sending: the example's body, query and path parameters. */
function exampleRequest(operation: Operation): Record<string, unknown> {
  const text = (parameters: Operation['pathParams']) => Object.fromEntries(parameters.map((parameter) => [parameter.name, String(exampleJson(parameter.schema))]));
  return {
    ...(operation.body?.kind === 'json' ? { data: exampleJson(operation.body.schema) } : {}),
    params: text(operation.queryParams),
    pathParams: text(operation.pathParams),
    headers: {},
  };
}

describe('request and response examples of the project pages', () => {
  it('every operation shows a request example and a response example built from the spec', () => {
    let operations = 0;
    for (const endpoint of model.endpoints) {
      const page = files.find((file) => file.path === pageFile(endpoint))?.contents ?? '';
      for (const operation of endpoint.operations) {
        const where = `${operation.method.toUpperCase()} ${endpoint.path}`;
        const request = httpBlock(page, operation.method, '请求示例');
        const response = httpBlock(page, operation.method, '返回示例');
        expect(request, where).toMatch(new RegExp(`^${operation.method.toUpperCase()} /v3/`));
        expect(response, where).toMatch(new RegExp(`^HTTP/1.1 ${operation.response.status}\\b`));
        if (operation.body?.kind === 'json') expect(body(request ?? ''), where).toEqual(exampleJson(operation.body.schema));
        if (operation.response.kind === 'json') expect(body(response ?? ''), where).toEqual(exampleJson(operation.response.schema));
        for (const parameter of operation.pathParams) expect(request, where).toContain(encodeURIComponent(String(exampleJson(parameter.schema))));
        operations += 1;
      }
    }
    expect(operations).toBe(model.endpoints.reduce((sum, endpoint) => sum + endpoint.operations.length, 0));
  });

  it("every request example passes the runtime's request validation (the spec's examples obey its constraints)", () => {
    const problems: string[] = [];
    for (const endpoint of model.endpoints) {
      for (const operation of endpoint.operations) {
        const issues = compileRequestValidator(requestSchema(operation))(exampleRequest(operation));
        problems.push(...issues.map((issue) => `${operation.method.toUpperCase()} ${endpoint.path}: ${issue.path} ${issue.message}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('a value that breaks a constraint is caught by the same check', () => {
    const jsapi = model.endpoints.find((endpoint) => endpoint.path === 'v3/pay/transactions/jsapi')?.operations[0];
    expect(jsapi).toBeDefined();
    const request = exampleRequest(jsapi!);
    const data = request.data as Record<string, unknown>;
    const issues = compileRequestValidator(requestSchema(jsapi!))({ ...request, data: { ...data, out_trade_no: 'short' } });
    expect(issues.map((issue) => issue.path)).toEqual(['out_trade_no']);
  });
});

describe('notification pages', () => {
  it('one page per event type, linked from the index and the sidebar, with the envelope and the decrypted resource', () => {
    const events = model.notifications?.events ?? [];
    expect(events.map((event) => event.eventType)).toEqual(['REFUND.ABNORMAL', 'REFUND.CLOSED', 'REFUND.SUCCESS', 'TRANSACTION.SUCCESS']);
    const index = files.find((file) => file.path === 'docs/index.md')?.contents ?? '';
    const sidebar = files.find((file) => file.path === 'docs/sidebar.json')?.contents ?? '';
    for (const event of events) {
      const page = files.find((file) => file.path === notificationPageFile(event))?.contents;
      expect(page, event.eventType).toBeDefined();
      expect(index).toContain(`](./notifications/${event.eventType}.md)`);
      expect(sidebar).toContain(`"link": "/notifications/${event.eventType}"`);
      const resource = /^### 解密后的 `resource`\n\n```json\n([\s\S]*?)^```$/m.exec(page ?? '')?.[1];
      const decrypted = JSON.parse(resource ?? 'null') as Record<string, unknown>;
      expect(Object.keys(decrypted)).toEqual(Object.keys(exampleJson(event.resource) as object));
      const envelope = /^### 通知示例\n\n```http\n([\s\S]*?)^```$/m.exec(page ?? '')?.[1] ?? '';
      expect(body(envelope)).toMatchObject({ event_type: event.eventType, resource: { algorithm: 'AEAD_AES_256_GCM' } });
      expect(page).toContain(`WeChatPay.OpenAPI.V3.Notifications.${event.resourceName}`);
    }
    const closed = files.find((file) => file.path === 'docs/notifications/REFUND.CLOSED.md')?.contents ?? '';
    expect(closed).toContain('"refund_status": "CLOSED"');
  });
});

import { describe, expect, it } from 'vitest';
import { createOperationMatcher } from '../../templates/runtime/operations.ts';

const match = createOperationMatcher({
  'v3/billdownload/file': { get: { download: true } },
  'v3/merchant-service/images/{media_id}': { get: { download: true } },
  'v3/items/{id}': { get: {}, delete: {} },
  'v3/items/batch': { post: { multipart: true } },
  'v3/global/certificates': { get: { baseURL: 'https://apihk.mch.weixin.qq.com/' } },
  'v3/trailing/': { get: {} },
});

describe('operation matcher', () => {
  it.each([
    ['get', 'v3/billdownload/file', { download: true }],
    ['get', '/v3/billdownload/file', { download: true }],
    ['get', 'v3/merchant-service/images/ABC%2F1', { download: true }],
    ['get', 'v3/merchant-service/images/{media_id}', { download: true }],
    ['post', 'v3/items/batch', { multipart: true }],
    ['get', 'v3/items/batch', {}],
    ['delete', 'v3/items/42', {}],
    ['get', 'v3/global/certificates', { baseURL: 'https://apihk.mch.weixin.qq.com/' }],
    ['get', 'v3/trailing/', {}],
  ] as const)('%s %s', (method, path, info) => {
    expect(match(method, path)).toEqual(info);
  });

  it.each([
    ['post', 'v3/billdownload/file'],
    ['get', 'v3/merchant-service/images'],
    ['get', 'v3/merchant-service/images/'],
    ['get', 'v3/merchant-service/images/a/b'],
    ['get', 'v3/trailing'],
  ] as const)('%s %s has no operation', (method, path) => {
    expect(match(method, path)).toBeUndefined();
  });
});

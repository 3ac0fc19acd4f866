import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types/index.ts';
import type { Endpoint } from '../../generator/model/types.ts';
import { generate } from '../../generator/pipeline.ts';
import { lines, load, specTree } from '../load/helpers.ts';

const noContent = (method: string, summary: string): string[] => [`${method}:`, `  summary: ${summary}`, '  responses:', '    204: {}'];

/** One path in two files (the second adds a method), and two more paths. */
const FILES = {
  'v3/b/split.yaml': lines(...noContent('post', '新建')),
  'v3/b/split.yml': lines(...noContent('get', '查询')),
  'v3/a/{id}.yaml': lines(
    'get:',
    '  parameters:',
    '    - { name: id, in: path, type: string, required: true }',
    '  responses:',
    '    200:',
    '      schema:',
    '        type: object',
    '        properties:',
    '          state: { type: string, enum: [A_STATE_LONG_ENOUGH_TO_BE_DEFERRED, ANOTHER_STATE] }',
  ),
  'v3/c.yaml': lines(...noContent('delete', '删除')),
};

describe('endpoints handed over as they load', () => {
  it('the loader reports each endpoint once its file is read, again when a later file adds to it', async () => {
    const seen: [string, string[]][] = [];
    const reported: Endpoint[] = [];
    const { model } = await load(FILES, {
      onEndpoint: (endpoint) => {
        reported.push(endpoint);
        seen.push([endpoint.path, endpoint.operations.map((operation) => operation.method)]);
      },
    });
    expect(seen).toEqual([
      ['v3/a/{id}', ['get']],
      ['v3/b/split', ['post']],
      ['v3/b/split', ['get', 'post']],
      ['v3/c', ['delete']],
    ]);
    // The very objects of the model, so what was prepared from them is what gets printed.
    for (const endpoint of model.endpoints) expect(reported).toContain(endpoint);
  });

  it('the pipeline prints the same declarations as the type emitter given the whole model', async () => {
    const specDir = specTree(FILES);
    const [whole] = await emitTypes((await load(FILES)).model);
    const streamed = await generate({ specDir });
    expect(streamed.diagnostics).toEqual([]);
    expect(streamed.model.endpoints.map((endpoint) => endpoint.path)).toEqual(['v3/a/{id}', 'v3/b/split', 'v3/c']);
    expect(streamed.files.find((file) => file.path === 'dist/openapi.d.ts')?.contents).toBe(whole!.contents);
    expect(whole!.contents).toContain("state?: 'A_STATE_LONG_ENOUGH_TO_BE_DEFERRED' | 'ANOTHER_STATE';");
  });
});

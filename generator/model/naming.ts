import { isProbedName } from '../../templates/runtime/chain.ts';
import { HTTP_METHOD_TABLE, type HttpMethod, type PathSegment } from './types.ts';

/** `post` -> `PostHttpMethod`: the namespace holding one method's interfaces. */
export function methodNamespace(method: HttpMethod): string {
  return `${upperFirst(method)}HttpMethod`;
}

/**
 * Names of one URL segment, as the documented shapes spell them:
 * kebab parts are camel-cased (`membercard-open` -> `MembercardOpen` / `membercardOpen`),
 * underscores and digits are kept (`sub_merchants` -> `Sub_merchants`), a placeholder `{x}`
 * becomes `_x_`, the trailing-slash segment becomes `_empty_`, and a segment spelled like an
 * HTTP verb or a name the chain leaves to probing machinery (`then`, `constructor`) keeps a leading
 * capital on the chain too, so it cannot shadow the verb method or be taken for a probe.
 */
export function segmentNames(raw: string): PathSegment {
  if (raw === '') return { raw, kind: 'empty', typeName: '_empty_', propName: '_empty_' };
  const placeholder = /^\{([^{}]+)\}$/.exec(raw);
  if (placeholder) {
    const name = `_${placeholder[1]}_`;
    return { raw, kind: 'param', typeName: name, propName: name };
  }
  const [head = '', ...rest] = raw.split('-');
  const propName = head + rest.map(upperFirst).join('');
  const typeName = upperFirst(propName);
  // The chain reads probed names (`then`, `constructor`, ...) as a plain object would: those segments take the capital too.
  return {
    raw,
    kind: 'literal',
    typeName,
    propName: Object.hasOwn(HTTP_METHOD_TABLE, raw) || isProbedName(propName) ? typeName : propName,
  };
}

/** Segments of a URL path without its leading slash; a trailing slash yields a final empty segment. */
export function pathSegments(path: string): PathSegment[] {
  return path.split('/').map(segmentNames);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each unit's last input (as JSON) and output, kept for the life of the process. */
const units = new Map<string, { key: string; output: unknown }>();
/** JSON of each model object, computed once per run however many units read it. */
const keys = new WeakMap<object, string>();

function keyOf(input: object): string {
  const key = keys.get(input) ?? JSON.stringify(input);
  keys.set(input, key);
  return key;
}

/**
 * The output last kept for one unit of an emitter's output (a docs page, an endpoint's table
 * entries) if its input is the same: what makes a watch run re-emit only what changed. The key is
 * the input's JSON: the model is plain data and a unit's output derives from its input alone, so
 * equal JSON means equal output.
 */
export function recall<T>(unit: string, input: object): T | undefined {
  const kept = units.get(unit);
  return kept?.key === keyOf(input) ? (kept.output as T) : undefined;
}

export function remember<T>(unit: string, input: object, output: T): T {
  units.set(unit, { key: keyOf(input), output });
  return output;
}

/** `emit()`, or what it returned for the same input before. */
export function memo<T>(unit: string, input: object, emit: () => T): T {
  return recall<T>(unit, input) ?? remember(unit, input, emit());
}

/**
 * The outputs of many units, in order, where the units not kept are emitted together by
 * `emitMissing` (given them in order, it returns their outputs in the same order) and kept.
 */
export async function memoMany<Unit extends readonly [unit: string, input: object, ...rest: unknown[]], T>(
  units: readonly Unit[],
  emitMissing: (missing: Unit[]) => Promise<T[]>,
): Promise<T[]> {
  const missing = units.filter(([unit, input]) => recall(unit, input) === undefined);
  const outputs = missing.length === 0 ? [] : await emitMissing(missing);
  if (outputs.length !== missing.length) throw new Error(`${missing.length} units emitted as ${outputs.length}`);
  for (const [index, [unit, input]] of missing.entries()) remember(unit, input, outputs[index]);
  return units.map(([unit, input]) => recall<T>(unit, input)!);
}

/** Each large file's parts and text as last joined. */
const joined = new Map<string, [parts: readonly string[], text: string]>();

/**
 * `parts.join('')`, or the very text of the last join for `unit` when every part is the same: a
 * watch run that leaves a large file unchanged neither joins it nor compares it with the last
 * output (equal strings that are one object compare at once).
 */
export function joinParts(unit: string, parts: readonly string[]): string {
  const last = joined.get(unit);
  if (last?.[0].length === parts.length && last[0].every((part, index) => part === parts[index])) return last[1];
  const text = parts.join('');
  joined.set(unit, [parts, text]);
  return text;
}

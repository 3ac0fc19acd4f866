/** Each unit's last input and output, kept for the life of the process. */
const kept = new Map<string, { input: object; output: unknown }>();
/** JSON of each model object, computed once per run however many units read it. */
const keys = new WeakMap<object, string>();

function keyOf(input: object): string {
  const key = keys.get(input) ?? JSON.stringify(input);
  keys.set(input, key);
  return key;
}

/**
 * Whether `input` is the last input of `unit`: the same object (a watch run's loader reuses what did
 * not change), or equal JSON. A cold run compares nothing, so it serializes no input.
 */
function isKept(unit: string, input: object): boolean {
  const last = kept.get(unit);
  return last !== undefined && (last.input === input || keyOf(last.input) === keyOf(input));
}

/**
 * `emit()`, or the output last kept for this unit of an emitter's output (a docs page, an
 * endpoint's table entries) if its input is the same: what makes a watch run re-emit only what
 * changed. The model is plain data, never changed once loaded, and a unit's output derives from its
 * input alone, so equal JSON means equal output.
 */
export function memo<T>(unit: string, input: object, emit: () => T): T {
  if (isKept(unit, input)) return kept.get(unit)!.output as T;
  const output = emit();
  kept.set(unit, { input, output });
  return output;
}

/**
 * The outputs of many units, in order, where the units not kept are emitted together by
 * `emitMissing` (given them in order, it returns their outputs in the same order) and kept.
 */
export async function memoMany<Unit extends readonly [unit: string, input: object, ...rest: unknown[]], T>(
  units: readonly Unit[],
  emitMissing: (missing: Unit[]) => Promise<T[]>,
): Promise<T[]> {
  const missing = units.filter(([unit, input]) => !isKept(unit, input));
  const outputs = missing.length === 0 ? [] : await emitMissing(missing);
  if (outputs.length !== missing.length) throw new Error(`${missing.length} units emitted as ${outputs.length}`);
  for (const [index, [unit, input]] of missing.entries()) kept.set(unit, { input, output: outputs[index] });
  return units.map(([unit]) => kept.get(unit)!.output as T);
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

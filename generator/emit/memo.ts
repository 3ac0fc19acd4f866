/** Each unit's last input (as JSON) and output, kept for the life of the process. */
const units = new Map<string, { key: string; output: unknown }>();
/** JSON of each model object, computed once per run however many units read it. */
const keys = new WeakMap<object, string>();

/**
 * The output of `emit` for one unit of an emitter's output (a docs page, an endpoint's table
 * entries), re-emitted only when its input changed since the unit was last emitted in this process:
 * what makes a watch run cheap. The key is the input's JSON: the model is plain data and a unit's
 * output derives from its input alone, so equal JSON means equal output.
 */
export function memo<T>(unit: string, input: object, emit: () => T): T {
  const key = keys.get(input) ?? JSON.stringify(input);
  keys.set(input, key);
  const kept = units.get(unit);
  if (kept?.key === key) return kept.output as T;
  const output = emit();
  units.set(unit, { key, output });
  return output;
}

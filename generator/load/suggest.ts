/** `; did you mean \`tags\`?` when `word` is a likely misspelling of one of `candidates`, else ``. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const normalized = word.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const target = candidate.toLowerCase();
    if (normalized === target) return candidate;
    // `int` for `integer`, `stringde` for `string`: a prefix either way is a strong hint.
    const prefix = normalized.length >= 3 && (target.startsWith(normalized) || normalized.startsWith(target));
    const distance = prefix ? 0.5 : editDistance(normalized, target);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.min(2, Math.floor(normalized.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

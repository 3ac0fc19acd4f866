import leven from 'leven';

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
    const distance = prefix ? 0.5 : leven(normalized, target);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.min(2, Math.floor(normalized.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

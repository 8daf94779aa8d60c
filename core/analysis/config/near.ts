// "Did you mean": the nearest known word within a small edit distance. Optimal-string-alignment distance
// (Levenshtein plus adjacent transposition: `itmes` is 1 away from `items`, `procotol` 2 from `protocol`);
// a dozen lines do not justify a dependency.

export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest candidate within `max` edits (case differences count as one edit each, but an exact
 * case-insensitive match always wins). Short words need a closer match: 1 edit below 5 characters.
 */
export function nearest(word: string, candidates: readonly string[], max = 2): string | undefined {
  const lower = word.toLowerCase();
  const ci = candidates.find((c) => c !== word && c.toLowerCase() === lower);
  if (ci) return ci;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) return undefined;
    const limit = Math.min(max, c.length < 5 ? 1 : max);
    const dist = editDistance(lower, c.toLowerCase(), limit);
    if (dist <= limit && dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  return best;
}

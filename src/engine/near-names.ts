// "Did you mean": names within a small edit distance of a misspelt one, for messages and rename fixes.

/** The largest edit distance still called near: a third of the name, between 1 and 3 (`lr` is not near `bs`). */
function threshold(name: string): number {
  return Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/**
 * Candidates near `name`, nearest first (ties keep the candidates' order); `name` itself is never returned. `limit`
 * is the largest edit distance still near; by default a third of the name, between 1 and 3.
 */
export function nearNames(name: string, candidates: readonly string[], limit = threshold(name)): string[] {
  const scored: { name: string; distance: number; order: number }[] = [];
  candidates.forEach((candidate, order) => {
    if (candidate === name) return;
    if (Math.abs(candidate.length - name.length) > limit) return;
    // Case-only differences (`LR`, `lr`) are one edit, however many letters differ in case.
    const distance = Math.max(1, editDistance(name.toLowerCase(), candidate.toLowerCase()));
    if (distance <= limit) scored.push({ name: candidate, distance, order });
  });
  return scored.sort((a, b) => a.distance - b.distance || a.order - b.order).map((s) => s.name);
}

/** Levenshtein distance with one row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

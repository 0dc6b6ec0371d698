// A fast scan for identifiers of interest in source text, without a regex match object per identifier.

const isStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isPart = (c: number): boolean => isStart(c) || (c >= 48 && c <= 57);

/**
 * Calls `found` for each maximal run of `[A-Za-z_][A-Za-z0-9_]*` in `text` (the matches of that regex with the `g`
 * flag, in order) that is one of `wanted`. Only runs of a wanted length are sliced into strings: a file has tens of
 * thousands of identifiers, and most cannot be a wanted one.
 */
export function forEachIdentifier(text: string, wanted: ReadonlySet<string>, found: (name: string) => void): void {
  let maxLength = 0;
  const lengths = new Set<number>();
  for (const w of wanted) {
    lengths.add(w.length);
    if (w.length > maxLength) maxLength = w.length;
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isStart(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isPart(text.charCodeAt(j))) j++;
    const length = j - i;
    if (length <= maxLength && lengths.has(length)) {
      const name = text.slice(i, j);
      if (wanted.has(name)) found(name);
    }
    i = j;
  }
}

// parallel-file-variants: `train_v2.py`, `utils_old.py`, `x copy.py`, `Untitled-Copy1.ipynb` kept beside the near-identical file they copy.
import { isTemplated, isVendored } from '../../analyses/code-areas.js';
import { isSiblingCandidate, parseVariantName } from '../../analyses/file-variants.js';
import { similarity, type Fingerprint } from '../../analyses/fingerprint.js';
import type { ImportGraph } from '../../analyses/import-graph.js';
import type { Placed } from '../../analyses/module-facts.js';
import { defineProjectRule } from '../../rule.js';
import { FILE_START } from '../../types.js';

const messages = {
  variant: "{file} is a {kind} of {sibling} ({percent}% of their lines are the same): keep one file and let Git hold the history, or turn the difference into a parameter.",
} as const;

interface Entry {
  readonly path: string;
  readonly print: Fingerprint;
  readonly top?: Placed;
  readonly variant: ReturnType<typeof parseVariantName>;
}

/** Files with fewer distinct lines than this say too little to call them copies (an `__init__.py`, a two-line script). */
const MIN_LINES = 8;
/** The similarity a file whose only marker is a number must reach. */
const NUMBERED_SIMILARITY = 0.8;

export default defineProjectRule<keyof typeof messages>({
  id: 'parallel-file-variants',
  category: 'glue-code',
  defaultSeverity: 'info',
  status: 'stable',
  description: 'Finds versioned or copied files (train_v2.py, model_final_new.py, utils_old.py, "x copy.py", "x (1).py", Untitled-Copy1.ipynb) that sit beside a near-identical sibling and that no code imports.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 5: dead experimental codepaths' },
    { title: 'pynblint: duplicate-notebook-not-renamed', url: 'https://github.com/collab-uniba/pynblint' },
  ],
  options: {
    minSimilarity: { type: 'number', default: 0.5, description: 'Share of distinct lines two files must have in common (Jaccard, 0 to 1) to count as variants of each other.' },
  },
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['fingerprint', 'outline'],
  checkProject(ctx) {
    const threshold = typeof ctx.options.minSimilarity === 'number' ? ctx.options.minSimilarity : 0.5;
    const byBase = new Map<string, Entry[]>();
    for (const [path, facts] of ctx.facts) {
      if (!facts.fingerprint || facts.fingerprint.lines < MIN_LINES || isVendored(path) || isTemplated(path)) continue;
      const variant = parseVariantName(path);
      if (variant.base === '') continue;
      const key = `${variant.base}.${variant.extension}`;
      const list = byBase.get(key) ?? [];
      list.push({ path, print: facts.fingerprint, variant, ...(facts.outline?.top ? { top: facts.outline.top } : {}) });
      byBase.set(key, list);
    }
    let graph: ImportGraph | undefined;
    for (const entries of byBase.values()) {
      if (entries.length < 2 || !entries.some((e) => e.variant.markers.length > 0)) continue;
      graph ??= ctx.importGraph();
      for (const entry of entries) {
        if (entry.variant.markers.length === 0) continue;
        // A variant that other code imports is live: `api_v1.py` and `api_v2.py` serving two API versions are both in use.
        if (graph.importersOf(entry.path).length > 0) continue;
        const best = entries
          .filter((other) => prefers(other, entry) && isSiblingCandidate(entry.path, other.path))
          .map((other) => ({ other, score: similarity(entry.print, other.print) }))
          // A bare number (`stage_2`, `scenario-3`) names a step of a series as often as a version: it needs near-identity.
          .filter((c) => c.score >= (entry.variant.markers.every((m) => /^\d+$/.test(m)) ? Math.max(threshold, NUMBERED_SIMILARITY) : threshold))
          .sort((a, b) => b.score - a.score || b.other.variant.rank - a.other.variant.rank || (a.other.path < b.other.path ? -1 : 1))[0];
        if (!best) continue;
        const at = entry.top ?? { range: FILE_START };
        const siblingAt = best.other.top ?? { range: FILE_START };
        ctx.report({
          messageId: 'variant',
          data: { file: entry.path, kind: describe(entry.variant.markers), sibling: best.other.path, percent: Math.round(best.score * 100) },
          file: entry.path,
          range: at.range,
          ...(at.cell === undefined ? {} : { cell: at.cell }),
          subject: `variant of ${best.other.path}`,
          related: [{ file: best.other.path, range: siblingAt.range, ...(siblingAt.cell === undefined ? {} : { cell: siblingAt.cell }), message: `the file it varies (${Math.round(best.score * 100)}% the same)` }],
        });
      }
    }
  },
});

/** True when `other` is the file to keep rather than `entry`: a plainer or newer name; on a tie, the first path. */
function prefers(other: Entry, entry: Entry): boolean {
  if (other.variant.rank !== entry.variant.rank) return other.variant.rank > entry.variant.rank;
  return other.path < entry.path;
}

function describe(markers: readonly string[]): string {
  if (markers.includes('copy')) return 'copy';
  const version = markers.find((m) => /^v\d+$/.test(m));
  if (version !== undefined) return `version (${version})`;
  return `'${markers.join('_')}' variant`;
}

// notebook-out-of-order-execution: a saved notebook whose execution counts go down somewhere from top to bottom.
import type { NotebookCell } from '../../parsers/notebook.js';
import { cellHeadRange } from '../../analyses/notebook-cells.js';
import { defineRule } from '../../rule.js';

const messages = {
  outOfOrder: 'Cells ran out of order: this cell\'s execution count [{count}] is lower than [{aboveCount}] of cell {aboveCell} above it, so the saved outputs do not come from one top-to-bottom run. Restart the kernel, run all cells and save.',
} as const;

type Id = keyof typeof messages;

export default defineRule<Id>({
  id: 'notebook-out-of-order-execution',
  category: 'notebooks',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds notebooks whose saved execution counts decrease from one code cell to a later one: the cells were run out of order, so the saved results may not be reproducible by running the notebook top to bottom.',
  messages,
  references: [
    { title: 'Pimentel, Murta, Braganholo, Freire, A Large-scale Study about Quality and Reproducibility of Jupyter Notebooks (MSR 2019)' },
    { title: 'pynblint: non-linear-execution', url: 'https://github.com/collab-uniba/pynblint' },
  ],
  fileKinds: ['notebook'],
  check(ctx) {
    const cells = ctx.file.notebook?.notebook.cells ?? [];
    const inversion = firstInversion(cells);
    if (!inversion) return;
    const { cell, above } = inversion;
    ctx.report({
      messageId: 'outOfOrder',
      data: { count: cell.executionCount ?? 0, aboveCell: above.index + 1, aboveCount: above.executionCount ?? 0 },
      cell: cell.index,
      range: cellHeadRange(cell.source),
      subject: 'execution order',
      related: [{ file: ctx.file.path, cell: above.index, range: cellHeadRange(above.source), message: `cell ${String(above.index + 1)} ran at [${String(above.executionCount)}]` }],
    });
  },
});

/**
 * The first code cell whose count is lower than the highest count above it, and that cell above. Cells never run
 * (null counts) are skipped; gaps between increasing counts are not inversions: a re-run cell, a deleted cell or an
 * interrupted run leaves them, and the order stays top to bottom. Setup cells are skipped too (see isSetupCell).
 */
export function firstInversion(cells: readonly NotebookCell[]): { cell: NotebookCell; above: NotebookCell } | undefined {
  let above: { cell: NotebookCell; count: number } | undefined;
  for (const cell of cells) {
    const count = cell.executionCount;
    if (cell.kind !== 'code' || count === null || isSetupCell(cell.source)) continue;
    if (above && count < above.count) return { cell, above: above.cell };
    if (!above || count > above.count) above = { cell, count };
  }
  return undefined;
}

/** Lines that change the environment, not the kernel's variables: shell escapes, magics, installs, logins, restarts. */
const SETUP_LINE = /^(?:[!%]|(?:pip|pip3|conda|mamba|apt|apt-get|uv)\s+(?:install|uninstall)\b|[\w.()]*\b(?:notebook_login|login|do_shutdown|mount)\s*\(|os\.(?:kill|_exit)\s*\()/;
const IMPORT_LINE = /^(?:import|from)\s/;

/**
 * A cell whose order does not matter: empty or comments only, or installs, logins and kernel restarts (with the
 * imports they need). Installing packages, then restarting the kernel and running on from the next cell is how
 * Colab and Jupyter ask users to set up; the counts start again at 1 and nothing is out of order.
 */
export function isSetupCell(source: string): boolean {
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return true;
  return lines.every((l) => SETUP_LINE.test(l) || IMPORT_LINE.test(l)) && lines.some((l) => SETUP_LINE.test(l));
}

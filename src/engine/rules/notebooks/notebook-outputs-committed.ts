// notebook-outputs-committed: saved outputs that do not belong in the repository: bulk, error tracebacks, raw data tables.
import { cellHeadRange, cellOutputs, formatSize } from '../../analyses/notebook-cells.js';
import type { NotebookCell } from '../../parsers/notebook.js';
import { defineRule } from '../../rule.js';

const messages = {
  tooLarge: 'Saved outputs make up {total} of this notebook ({cells} cells with outputs; this cell alone holds {largest}, its biggest output {mime}). Every re-run commits them again and diffs become unreadable: clear outputs before committing (nbstripout, or jupyter nbconvert --clear-output --inplace).',
  errorOutput: 'The saved run stopped at this cell with an error ({ename}) and no cell below ran after it: the notebook as committed does not run through. Fix the cell and re-run the notebook, or clear the output.',
  dataTable: 'This cell\'s output shows a table of {rows} rows: raw data saved in a notebook goes into Git history (and may hold personal data). Show df.head() or a summary instead, or clear the output.',
} as const;

type Id = keyof typeof messages;

/** The nbval / Jupyter Book tag of a cell that raises on purpose, to show an error. */
const RAISES_TAG = 'raises-exception';

export default defineRule<Id>({
  id: 'notebook-outputs-committed',
  category: 'notebooks',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds notebook outputs that should not be committed: more than a size limit in total, error tracebacks from a failed or interrupted run, and long data tables.',
  messages,
  references: [
    { title: 'Quaranta, Calefato, Lanubile, Eliciting Best Practices for Collaboration with Computational Notebooks (CSCW 2022); pynblint', url: 'https://github.com/collab-uniba/pynblint' },
    { title: 'nbstripout: strip output from Jupyter notebooks', url: 'https://github.com/kynan/nbstripout' },
  ],
  options: {
    maxNotebookKb: { type: 'number', default: 1024, description: 'Report a notebook whose saved outputs total more than this many KB.' },
    maxTableRows: { type: 'number', default: 100, description: 'Report an output table (a displayed DataFrame) with more body rows than this.' },
  },
  fileKinds: ['notebook'],
  check(ctx) {
    const nb = ctx.file.notebook;
    if (!nb) return;
    // Outputs of a notebook Git does not track are not committed; without Git information the file is all there is.
    if (ctx.project.git && !ctx.project.git.tracked.has(ctx.file.path)) return;
    const measured = cellOutputs(nb.notebook.cells);
    const maxTotal = Number(ctx.options.maxNotebookKb) * 1024;
    const maxRows = Number(ctx.options.maxTableRows);
    const total = measured.reduce((sum, c) => sum + c.size, 0);
    const biggest = measured.reduce<(typeof measured)[number] | undefined>((best, c) => (!best || c.size > best.size ? c : best), undefined);
    if (biggest && total > maxTotal) {
      ctx.report({
        messageId: 'tooLarge',
        data: { total: formatSize(total), cells: measured.length, largest: formatSize(biggest.size), mime: biggest.largest.mime },
        cell: biggest.cell.index,
        range: cellHeadRange(biggest.cell.source),
        subject: 'outputs size',
      });
    }
    let tags: ((index: number) => readonly string[]) | undefined;
    for (const c of measured) {
      const ename = c.errors[0];
      if (ename !== undefined && stoppedAt(nb.notebook.cells, c.cell)) {
        tags ??= cellTags(ctx.file.text);
        if (!tags(c.cell.index).includes(RAISES_TAG)) {
          ctx.report({ messageId: 'errorOutput', data: { ename }, cell: c.cell.index, range: cellHeadRange(c.cell.source), subject: `error output ${ename}` });
        }
      }
      if (c.tableRows > maxRows) {
        ctx.report({ messageId: 'dataTable', data: { rows: c.tableRows }, cell: c.cell.index, range: cellHeadRange(c.cell.source), subject: 'table output' });
      }
    }
  },
});

/**
 * True when the run ended at this cell: no code cell below ran after it (a higher count, or, with counts stripped,
 * any output). A tutorial that shows an error on purpose runs on past it, so its later cells have newer outputs.
 */
function stoppedAt(cells: readonly NotebookCell[], failed: NotebookCell): boolean {
  const count = failed.executionCount;
  return !cells.some((c) => {
    if (c.index <= failed.index || c.kind !== 'code') return false;
    if (count === null) return c.executionCount !== null || c.outputs.length > 0;
    return c.executionCount !== null && c.executionCount > count;
  });
}

/**
 * Cell tags by cell index. The notebook parser keeps no cell metadata, so the JSON is read again, only for
 * notebooks that have an error output at all.
 */
function cellTags(text: string): (index: number) => readonly string[] {
  let cells: unknown[] = [];
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && 'cells' in json && Array.isArray(json.cells)) cells = json.cells as unknown[];
  } catch {
    // The notebook parsed once already; a second failure leaves every cell untagged.
  }
  return (index) => {
    const cell = cells[index];
    const metadata = typeof cell === 'object' && cell !== null && 'metadata' in cell ? cell.metadata : undefined;
    const list = typeof metadata === 'object' && metadata !== null && 'tags' in metadata ? metadata.tags : undefined;
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
  };
}

// The shell commands a file runs (scripts, Makefile recipes, dvc.yaml stages, CI steps, notebook `!` lines), in units.
import type { DvcPipeline } from './parsers/dvc.js';
import { makefileRecipes, notebookShellLines, scriptLines, searchedLine, type ShellLine } from './parsers/shell.js';
import type { SourceFile } from './source-file.js';

/** A shell line, and for notebooks the cell its positions are in. */
export interface UnitLine {
  readonly line: ShellLine;
  readonly cell?: number;
}

/**
 * Commands that run together, in order: a whole script, one Make target's recipe, one dvc.yaml stage, one CI
 * job, or a whole notebook. A check made later in the same unit (a checksum after a download) covers it.
 */
export interface ShellUnit {
  /** `script`, the Make target, the stage or job name, or `notebook`. */
  readonly name: string;
  readonly lines: readonly UnitLine[];
}

/** Shells whose lines are not POSIX shell: a step with one of these is skipped. */
const FOREIGN_SHELLS = /^(python|pwsh|powershell|cmd)\b/;

/** The shell units of a file, for the kinds that run shell: `shell`, `makefile`, `dvc-pipeline`, `ci-workflow`, `notebook`. */
export function shellUnits(file: SourceFile): ShellUnit[] {
  const searched = (text: string, range: Parameters<typeof searchedLine>[1]): UnitLine => ({ line: searchedLine(text, range, (l) => file.doc.lineText(l)) });
  switch (file.kind) {
    case 'shell':
      return [{ name: 'script', lines: scriptLines(file.text).map((line) => ({ line })) }];
    case 'makefile':
      return makefileRecipes(file.text).map((recipe) => ({ name: recipe.target, lines: recipe.lines.map((line) => ({ line })) }));
    case 'dvc-pipeline': {
      const pipeline = file.dvc as DvcPipeline | undefined;
      return (pipeline?.stages ?? []).map((stage) => ({ name: stage.name, lines: stage.cmd.map((c) => searched(c.text, c.range)) }));
    }
    case 'ci-workflow':
      return (file.ciWorkflow?.jobs ?? []).map((job) => ({
        name: job.name,
        lines: job.commands.filter((c) => c.shell === undefined || !FOREIGN_SHELLS.test(c.shell)).map((c) => searched(c.text, c.range)),
      }));
    case 'notebook': {
      const nb = file.notebook?.notebook;
      if (!nb?.language.startsWith('python')) return [];
      const lines = nb.cells.filter((c) => c.kind === 'code').flatMap((cell) => notebookShellLines(cell.source).map((line) => ({ line, cell: cell.index })));
      return [{ name: 'notebook', lines }];
    }
    default:
      return [];
  }
}

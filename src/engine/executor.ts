// The in-thread executor: lints tasks one by one with a loaded Python parser. Workers run the same function.
import type { FactKind } from './facts.js';
import type { FileSettings } from './config/resolve.js';
import type { FileSystem } from './fs.js';
import { readText, type FileExecutor, type FileTask } from './linter.js';
import { lintSource, type FileLintResult } from './lint-file.js';
import type { PythonParser } from './parsers/python.js';
import type { ProjectModel } from './project.js';
import { FILE_RULES } from './rules/index.js';
import { SourceFile } from './source-file.js';
import type { Timing } from './timing.js';
import type { SkippedFile } from './types.js';

/** Lints one task: the unit of work both this executor and the CLI's worker threads run. */
export function lintTask(task: FileTask & { readonly text: string }, settings: FileSettings, project: ProjectModel, python: PythonParser | undefined, wantFacts: readonly FactKind[], timing?: Timing): FileLintResult {
  const file = new SourceFile(task.path, task.kind, task.text, { ...(python ? { python } : {}), ...(timing ? { timing } : {}) });
  try {
    return lintSource(file, FILE_RULES, settings, project, wantFacts, timing);
  } finally {
    file.dispose();
  }
}

/**
 * Lints a task, first reading its file through `fs` when the task came without its text (an executor that reads
 * files itself). A file that cannot be read gives an `unreadable` result with the reason.
 */
export async function readAndLintTask(
  task: FileTask,
  fs: FileSystem,
  root: string,
  settings: FileSettings,
  project: ProjectModel,
  python: PythonParser | undefined,
  wantFacts: readonly FactKind[],
  timing?: Timing,
): Promise<FileLintResult> {
  let text = task.text;
  if (text === undefined) {
    const skipped: SkippedFile[] = [];
    const start = performance.now();
    text = await readText(fs, root, task.path, skipped);
    timing?.add('parse:read file', performance.now() - start);
    if (text === undefined) return { path: task.path, findings: [], suppressions: [], suppressionProblems: [], ruleErrors: [], unreadable: skipped[0]?.reason ?? 'cannot read' };
  }
  return lintTask({ ...task, text }, settings, project, python, wantFacts, timing);
}

/** Lints in this thread; tasks come with their text unless a file system is given to read them. */
export class InProcessExecutor implements FileExecutor {
  readonly readsFiles: boolean;

  constructor(
    private readonly python: PythonParser | undefined,
    private readonly reader?: { readonly fs: FileSystem; readonly root: string },
  ) {
    this.readsFiles = reader !== undefined;
  }

  async lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel, wantFacts: readonly FactKind[], timing?: Timing): Promise<FileLintResult[]> {
    const out: FileLintResult[] = [];
    for (const task of tasks) {
      const fileSettings = settings[task.settingsIndex] ?? new Map();
      if (task.text !== undefined) out.push(lintTask({ ...task, text: task.text }, fileSettings, project, this.python, wantFacts, timing));
      else if (this.reader) out.push(await readAndLintTask(task, this.reader.fs, this.reader.root, fileSettings, project, this.python, wantFacts, timing));
      else throw new Error(`${task.path}: a task without its text, and no file system to read it`);
    }
    return out;
  }
}

// The in-thread executor: lints tasks one by one with a loaded Python parser. Workers run the same function.
import type { FactKind } from './facts.js';
import type { FileSettings } from './config/resolve.js';
import type { FileExecutor, FileTask } from './linter.js';
import { lintSource, type FileLintResult } from './lint-file.js';
import type { PythonParser } from './parsers/python.js';
import type { ProjectModel } from './project.js';
import { FILE_RULES } from './rules/index.js';
import { SourceFile } from './source-file.js';
import type { Timing } from './timing.js';

/** Lints one task: the unit of work both this executor and the CLI's worker threads run. */
export function lintTask(task: FileTask, settings: FileSettings, project: ProjectModel, python: PythonParser | undefined, wantFacts: readonly FactKind[], timing?: Timing): FileLintResult {
  const file = new SourceFile(task.path, task.kind, task.text, { ...(python ? { python } : {}), ...(timing ? { timing } : {}) });
  try {
    return lintSource(file, FILE_RULES, settings, project, wantFacts, timing);
  } finally {
    file.dispose();
  }
}

export class InProcessExecutor implements FileExecutor {
  constructor(private readonly python: PythonParser | undefined) {}

  lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel, wantFacts: readonly FactKind[], timing?: Timing): Promise<FileLintResult[]> {
    return Promise.resolve(tasks.map((task) => lintTask(task, settings[task.settingsIndex] ?? new Map(), project, this.python, wantFacts, timing)));
  }
}

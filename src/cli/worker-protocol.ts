// Messages between the CLI's main thread and its lint workers.
import type { FactKind } from '../engine/facts.js';
import type { FileSettings } from '../engine/config/resolve.js';
import type { FileTask } from '../engine/linter.js';
import type { FileLintResult } from '../engine/lint-file.js';
import type { ProjectModel } from '../engine/project.js';
import type { TimingRecord } from '../engine/timing.js';

export type ToWorker =
  | { readonly type: 'init'; readonly settings: readonly FileSettings[]; readonly project: ProjectModel; readonly wantFacts: readonly FactKind[]; readonly root: string; readonly timing: boolean }
  | { readonly type: 'tasks'; readonly batch: number; readonly tasks: readonly FileTask[] };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'results'; readonly batch: number; readonly results: readonly FileLintResult[]; readonly timing?: TimingRecord }
  | { readonly type: 'fatal'; readonly message: string };

// Spreads file tasks over worker threads: each worker parses its share, batches are handed out as workers free up.
import type { FactKind } from '../engine/facts.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileSettings } from '../engine/config/resolve.js';
import type { FileExecutor, FileTask } from '../engine/linter.js';
import type { FileLintResult } from '../engine/lint-file.js';
import type { ProjectModel } from '../engine/project.js';
import type { Timing } from '../engine/timing.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const BATCH_SIZE = 24;

/** Workers read the files of tasks that come without text themselves, from `root`. */
export class WorkerPoolExecutor implements FileExecutor {
  readonly readsFiles = true;

  constructor(
    private readonly size: number,
    private readonly root: string,
    private readonly script: string = join(__dirname, 'worker.js'),
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** Workers pay a start-up cost (thread + WASM load); below this many files one thread is faster. */
  static sizeFor(taskCount: number): number {
    if (taskCount < 200) return 0;
    return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(taskCount / 150)));
  }

  async lint(tasks: readonly FileTask[], settings: readonly FileSettings[], project: ProjectModel, wantFacts: readonly FactKind[], timing?: Timing): Promise<FileLintResult[]> {
    const batches: FileTask[][] = [];
    for (let i = 0; i < tasks.length; i += BATCH_SIZE) batches.push(tasks.slice(i, i + BATCH_SIZE));
    const results = new Array<readonly FileLintResult[]>(batches.length);
    let next = 0;
    let done = 0;
    const runWorker = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const worker = new Worker(this.script);
        const send = (message: ToWorker): void => {
          worker.postMessage(message);
        };
        const feed = (): void => {
          if (next >= batches.length) {
            void worker.terminate().then(() => {
              resolve();
            });
            return;
          }
          const batch = next++;
          send({ type: 'tasks', batch, tasks: batches[batch] ?? [] });
        };
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'ready') feed();
          else if (message.type === 'results') {
            results[message.batch] = message.results;
            if (message.timing) timing?.merge(message.timing);
            done += message.results.length;
            this.onProgress?.(done, tasks.length);
            feed();
          } else {
            void worker.terminate();
            reject(new Error(`lint worker failed: ${message.message}`));
          }
        });
        worker.on('error', (error) => {
          reject(error);
        });
        send({ type: 'init', settings, project, wantFacts, root: this.root, timing: timing !== undefined });
      });
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.size, batches.length)) }, runWorker));
    return results.flat();
  }
}

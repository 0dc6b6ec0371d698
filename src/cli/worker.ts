// A lint worker thread: loads the parser once, then lints the batches the main thread sends.
import type { FactKind } from '../engine/facts.js';
import { parentPort } from 'node:worker_threads';
import type { FileSettings } from '../engine/config/resolve.js';
import { readAndLintTask } from '../engine/executor.js';
import { PythonParser } from '../engine/parsers/python.js';
import type { ProjectModel } from '../engine/project.js';
import { readGrammarBinaries } from '../node/grammar.js';
import { NodeFileSystem } from '../node/node-fs.js';
import { Timing } from '../engine/timing.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');

const post = (message: FromWorker): void => {
  port.postMessage(message);
};

/** The worker's state lives in this closure: one parser, the run's settings and project model. */
function serve(channel: NonNullable<typeof port>): void {
  let state: { python: PythonParser; settings: readonly FileSettings[]; project: ProjectModel; wantFacts: readonly FactKind[]; root: string; timing?: Timing } | undefined;
  const fs = new NodeFileSystem();
  channel.on('message', (message: ToWorker) => {
    if (message.type === 'init') {
      PythonParser.load(readGrammarBinaries())
        .then((python) => {
          state = { python, settings: message.settings, project: message.project, wantFacts: message.wantFacts, root: message.root, ...(message.timing ? { timing: new Timing() } : {}) };
          post({ type: 'ready' });
        })
        .catch((error: unknown) => {
          post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
        });
      return;
    }
    const current = state;
    if (!current) {
      post({ type: 'fatal', message: 'worker received tasks before init' });
      return;
    }
    // Tasks without text are read here: the threads read in parallel, and file texts never cross threads.
    const run = async (): Promise<void> => {
      const results = [];
      for (const task of message.tasks) {
        results.push(await readAndLintTask(task, fs, current.root, current.settings[task.settingsIndex] ?? new Map(), current.project, current.python, current.wantFacts, current.timing));
      }
      post({ type: 'results', batch: message.batch, results, ...(current.timing ? { timing: current.timing.toRecord(true) } : {}) });
    };
    run().catch((error: unknown) => {
      post({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
}

serve(port);

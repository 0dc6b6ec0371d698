// What runs without a person: CI jobs and DVC stages, the scripts they run, and the code those scripts and CI-run tests reach.
import { ORCHESTRATOR_MODULES, commandReferences } from '../analyses/pipeline-steps.js';
import { resolveCodeRef, type TestSuite } from '../analyses/test-reach.js';
import type { ImportGraph } from '../analyses/import-graph.js';
import { dirName, resolveRelative } from '../file-kinds.js';
import type { FileFacts } from '../facts.js';
import { runsTests, splitShellCommands } from '../parsers/ci.js';
import type { ProjectModel } from '../project.js';
import type { EvidenceRef } from './types.js';

/** One command a machine runs: a CI step line or a DVC stage command. */
export interface AutomatedCommand {
  readonly text: string;
  readonly via: 'ci' | 'dvc';
  /** Where it is written. */
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  /** The CI job or DVC stage name. */
  readonly owner: string;
  /** True for a CI job of a workflow with a `schedule` trigger. */
  readonly scheduled: boolean;
  /** For a script a `make` target or shell script runs: that target or script (the command text is then the script). */
  readonly through?: string;
  /** Folder its relative paths resolve against. */
  readonly dir: string;
}

export interface Automation {
  readonly commands: readonly AutomatedCommand[];
  /** The first CI command that runs the test suite, if any. */
  readonly testRun?: AutomatedCommand;
  /** Python files a command runs directly, with the (first) command that runs each. */
  readonly entries: ReadonlyMap<string, AutomatedCommand>;
  /** The project's Python files and notebooks a command runs directly. */
  readonly scripts: (command: AutomatedCommand) => readonly string[];
  /** Files the entries reach through imports: code a pipeline step or CI job runs on real inputs. */
  readonly reach: ReadonlySet<string>;
  /**
   * The command a reached file runs under. Test runs do not count here: a unit test that imports a validation or
   * tuning module exercises it on test data, which is not the check itself running on the project's data.
   */
  readonly via: (path: string) => AutomatedCommand | undefined;
}

/** The commands CI and DVC run, with Make targets and shell scripts they call expanded one level. */
export function automatedCommands(project: ProjectModel, facts: ReadonlyMap<string, FileFacts>): AutomatedCommand[] {
  const out: AutomatedCommand[] = [];
  for (const workflow of project.ci) {
    const scheduled = workflow.schedules.length > 0 || workflow.triggers.includes('schedule');
    for (const job of workflow.jobs) {
      if (job.kind === 'template') continue;
      // A job that only runs when someone presses a button is not automated.
      if (job.triggers.length > 0 && job.triggers.every((t) => t === 'manual')) continue;
      for (const command of job.commands) {
        if (command.shell === 'python') continue;
        out.push({ text: command.text, via: 'ci', file: workflow.file, line: command.range.start.line, owner: job.displayName ?? job.name, scheduled, dir: '' });
      }
    }
  }
  for (const pipeline of project.dvc.pipelines) {
    const base = dirName(pipeline.file);
    for (const stage of pipeline.stages) {
      const dir = stage.wdir === undefined ? base : (resolveRelative(base, stage.wdir) ?? base);
      for (const cmd of stage.cmd) out.push({ text: cmd.text, via: 'dvc', file: pipeline.file, line: cmd.range.start.line, owner: stage.name, scheduled: false, dir });
    }
  }
  // `make train` or `bash scripts/run.sh` in CI runs what the target or script runs: follow one level.
  const expanded: AutomatedCommand[] = [];
  for (const command of out) {
    for (const part of splitShellCommands(command.text)) {
      const words = part.trim().split(/\s+/);
      const make = words[0] === 'make' ? words.slice(1).filter((w) => !w.startsWith('-') && !w.includes('=')) : [];
      for (const target of make) {
        const makefile = facts.get(command.dir === '' ? 'Makefile' : `${command.dir}/Makefile`);
        for (const step of makefile?.pipelineSteps?.steps ?? []) {
          if (!step.name.split(/\s+/).includes(target)) continue;
          for (const run of step.runs) expanded.push({ ...command, text: run, through: `make ${target}` });
        }
      }
      const script = words.find((w) => w.endsWith('.sh'));
      if (script !== undefined) {
        const path = resolveRelative(command.dir, script);
        const steps = (path === undefined ? undefined : facts.get(path))?.pipelineSteps?.steps ?? [];
        for (const step of steps) for (const run of step.runs) expanded.push({ ...command, text: run, through: script });
      }
    }
  }
  return [...out, ...expanded];
}

/** Builds the automation model: which files machines run, and what they reach. */
export function automation(project: ProjectModel, facts: ReadonlyMap<string, FileFacts>, graph: ImportGraph, suite: TestSuite): Automation {
  const tests = new Set(suite.files.map((f) => f.path));
  const commands = automatedCommands(project, facts);
  const python = new Set(project.files.filter((f) => f.kind === 'python' || f.kind === 'notebook').map((f) => f.path));
  const entries = new Map<string, AutomatedCommand>();
  const scripts = new Map<AutomatedCommand, string[]>();
  for (const command of commands) {
    const runs: string[] = [];
    for (const run of commandReferences(command.text).runs) {
      const target = run.startsWith('module:') ? resolveCodeRef(run.slice('module:'.length), python) : resolvePath(command.dir, run, python);
      if (target === undefined || tests.has(target)) continue;
      runs.push(target);
      if (!entries.has(target)) entries.set(target, command);
    }
    scripts.set(command, runs);
  }
  const testRun = commands.find((c) => c.via === 'ci' && runsTests(c.text));
  // One breadth-first walk from every entry at once: a file is credited to the first command that reaches it.
  const reachedBy = new Map<string, AutomatedCommand>();
  let frontier = [...entries];
  for (const [file, command] of frontier) reachedBy.set(file, command);
  while (frontier.length > 0) {
    const next: [string, AutomatedCommand][] = [];
    for (const [file, command] of frontier) {
      for (const edge of graph.importsOf(file)) {
        if (reachedBy.has(edge.to)) continue;
        reachedBy.set(edge.to, command);
        next.push([edge.to, command]);
      }
    }
    frontier = next;
  }
  return { commands, ...(testRun ? { testRun } : {}), entries, scripts: (command) => scripts.get(command) ?? [], reach: new Set(reachedBy.keys()), via: (path) => reachedBy.get(path) };
}

/** True when a file imports an orchestrator (Airflow, Prefect, Kedro...): its code runs on the orchestrator's schedule. */
export function isOrchestratorModule(fileFacts: FileFacts | undefined): boolean {
  return fileFacts?.imports.some((i) => i.level === 0 && ORCHESTRATOR_MODULES.some((m) => i.module === m || i.module.startsWith(`${m}.`))) === true;
}

/** Evidence that a command runs something, pointing at the command. */
export function commandEvidence(command: AutomatedCommand, what: string): EvidenceRef {
  const where = `${command.via === 'ci' ? `CI job '${command.owner}'` : `DVC stage '${command.owner}'`}${command.through === undefined ? '' : ` (through \`${command.through}\`)`}`;
  return { level: 'automated', text: `${where} ${what}`, file: command.file, line: command.line + 1 };
}

function resolvePath(dir: string, written: string, files: ReadonlySet<string>): string | undefined {
  return [resolveRelative(dir, written), written].find((c) => c !== undefined && files.has(c));
}

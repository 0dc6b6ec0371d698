// Which project files run in training and which in serving: the entrypoints by role, and what each reaches through imports.
import type { FileFacts } from '../facts.js';
import type { ImportGraph } from './import-graph.js';

/** The two sides of a model's life. A file reached from both is shared code and belongs to neither side alone. */
export interface TrainServeSides {
  /** Files with the `training` role (scripts and notebooks that fit models). */
  readonly trainingEntries: readonly string[];
  /** Files with the `serving` role (web apps, handlers, predictors). */
  readonly servingEntries: readonly string[];
  /** Files reachable from a training entrypoint but from no serving one. */
  readonly trainingOnly: ReadonlySet<string>;
  /** Files reachable from a serving entrypoint but from no training one. */
  readonly servingOnly: ReadonlySet<string>;
}

const TEST_PATH = /(^|\/)tests?\//;

/** Splits the project into training-only and serving-only code; needs the `roles` facts. Tests belong to neither. */
export function trainServeSides(facts: ReadonlyMap<string, FileFacts>, graph: ImportGraph): TrainServeSides {
  const isTest = (file: string): boolean => facts.get(file)?.roles?.includes('test') === true || TEST_PATH.test(file);
  const withRole = (role: string): string[] => [...facts].filter(([file, f]) => f.roles?.includes(role) === true && !isTest(file)).map(([file]) => file).sort();
  const trainingEntries = withRole('training');
  const servingEntries = withRole('serving');
  const training = graph.reachableFrom(trainingEntries);
  const serving = graph.reachableFrom(servingEntries);
  const only = (a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> => new Set([...a].filter((f) => !b.has(f) && !isTest(f)));
  return { trainingEntries, servingEntries, trainingOnly: only(training, serving), servingOnly: only(serving, training) };
}

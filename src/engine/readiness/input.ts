// What the readiness model reads: the project, the files' facts, the findings, the config, and a clock.
import type { ConfigFileModel } from '../analyses/config-files.js';
import type { ConfigData } from '../config/types.js';
import type { FileFacts } from '../facts.js';
import type { ProjectModel } from '../project.js';
import type { Finding } from '../types.js';

export interface ReadinessInput {
  readonly project: ProjectModel;
  /** Facts of the Python files and notebooks (imports, roles, outline, pipeline steps), by project-relative path. */
  readonly facts: ReadonlyMap<string, FileFacts>;
  /** The run's findings after suppressions, before any baseline (baselined debt is still debt). */
  readonly findings: readonly Finding[];
  readonly configs: readonly ConfigFileModel[];
  readonly readiness?: ConfigData['readiness'];
  /** Whether a rule is enabled anywhere in the project: a category whose rules are all off shows no evidence. */
  readonly ruleEnabled: (ruleId: string) => boolean;
  /** Reads a project file's text, for the few probes that look inside files; undefined when unreadable. */
  readonly readText: (path: string) => Promise<string | undefined>;
  readonly now: Date;
  /** The project root's folder name. */
  readonly projectName: string;
  readonly toolVersion: string;
}

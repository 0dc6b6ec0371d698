// The rule contract: typed metadata, messages, options and a pure check over one file and the project model.
import type { ConfigFileModel } from './analyses/config-files.js';
import type { TestSuite } from './analyses/test-reach.js';
import type { ImportGraph } from './analyses/import-graph.js';
import type { FactKind, FileFacts } from './facts.js';
import type { ProjectModel } from './project.js';
import type { SourceFile } from './source-file.js';
import { SEVERITY_ORDER, type Category, type FileKind, type Finding, type FindingSeverity, type FixSafety, type Range, type RelatedLocation, type Severity, type TextEdit } from './types.js';

/** Where a rule comes from: the paper, tool or guideline that names the debt. */
export interface Reference {
  readonly title: string;
  readonly url?: string;
}

export type OptionType = 'number' | 'string' | 'boolean' | 'string[]';
export type OptionValue = number | string | boolean | readonly string[];

export interface OptionSpec {
  readonly type: OptionType;
  readonly default: OptionValue;
  readonly description: string;
  /** For strings: the allowed values. */
  readonly enum?: readonly string[];
}

export type RuleOptions = Readonly<Record<string, OptionValue>>;

/** What a rule reports; the engine adds the rule id, category, severity and file. */
export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** In the file's coordinates; for notebooks in the virtual Python text unless `cell` is given. */
  readonly range: Range;
  /** Set to report directly in a notebook cell's coordinates (not through the virtual text). */
  readonly cell?: number;
  /** Position-free text naming what the finding is about (a package name, a URL); defaults to the source line. */
  readonly subject?: string;
  readonly fix?: { readonly description: string; readonly safety?: FixSafety; readonly edits: readonly TextEdit[] };
  readonly related?: readonly RelatedLocation[];
  readonly unnecessary?: boolean;
  /** Caps the configured severity for this finding (a dev dependency is reported at most at `info`). */
  readonly maxSeverity?: FindingSeverity;
}

export interface RuleContext<M extends string> {
  readonly file: SourceFile;
  readonly project: ProjectModel;
  readonly options: RuleOptions;
  report(report: Report<M>): void;
}

export type RuleStatus = 'stable' | 'preview';

/** A rule's static description, shared by the registry, docs, config validation and SARIF. */
export interface RuleMeta<M extends string = string> {
  /** kebab-case; names the smell. Equals the file name. */
  readonly id: string;
  readonly category: Category;
  readonly defaultSeverity: Severity;
  /** Overrides of the default severity per profile; `production` uses the defaults. */
  readonly profileSeverity?: { readonly prototype?: Severity };
  readonly status: RuleStatus;
  /** One sentence: what the rule finds. */
  readonly description: string;
  readonly messages: Readonly<Record<M, string>>;
  /** Present when the rule offers fixes; `safe` fixes may be applied without review. */
  readonly fix?: FixSafety;
  readonly references: readonly [Reference, ...Reference[]];
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** The file kinds `check` is called for. */
  readonly fileKinds: readonly FileKind[];
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  check(ctx: RuleContext<M>): void;
}

/** A report of a project rule names its file, and always a subject (its text may not have been read). */
export type ProjectReport<M extends string> = Report<M> & { readonly file: string; readonly subject: string };

export interface ProjectRuleContext<M extends string> {
  readonly project: ProjectModel;
  /** Facts of every linted Python file and notebook, by project-relative path. */
  readonly facts: ReadonlyMap<string, FileFacts>;
  /** Options as configured at the project root. */
  readonly options: RuleOptions;
  /** The project's ML configuration files as key trees (YAML/JSON/TOML under config folders, params.yaml, Hydra trees). */
  readonly configs: readonly ConfigFileModel[];
  /** The import graph between the project's files, built once per run from the import facts and shared by rules. */
  importGraph(): ImportGraph;
  /** The test suite and the code it reaches (needs the `outline` facts), built once per run and shared by rules. */
  testSuite(): TestSuite;
  report(report: ProjectReport<M>): void;
}

/** A rule over the whole project: it runs once per run, after every file has been linted. */
export interface ProjectRule<M extends string = string> extends RuleMeta<M> {
  readonly scope: 'project';
  /** True when the rule reads `facts`; files are then asked for them (imports, and the `facts` kinds below). */
  readonly usesFacts: boolean;
  /** Fact kinds beyond imports that the rule reads. */
  readonly facts?: readonly FactKind[];
  checkProject(ctx: ProjectRuleContext<M>): void;
}

/** Declares a rule; the message ids are checked by the compiler at every `report`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule {
  return rule;
}

/** Declares a project rule. */
export function defineProjectRule<M extends string>(rule: ProjectRule<M>): ProjectRule {
  return rule;
}

const DOCS_BASE = 'https://github.com/mlready/mlready/blob/main/docs/rules/';

/** The one place a rule's documentation URL is derived from its id. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Fills `{name}` placeholders of a message template. Unknown placeholders stay visible so tests catch them. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    return value === undefined ? whole : String(value);
  });
}

/** The resolved options of a rule: its defaults overlaid with the configured values. */
export function resolveOptions(meta: RuleMeta, configured: RuleOptions | undefined): RuleOptions {
  const out: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) out[name] = configured?.[name] ?? spec.default;
  return out;
}

/**
 * The finding a report describes, once placed in its file (and notebook cell): the one place where message ids,
 * severity caps, fix safety and optional fields are turned into a Finding, for file and project rules alike.
 */
export function findingFromReport(
  rule: RuleMeta,
  configured: FindingSeverity,
  r: Report<string>,
  placed: { readonly file: string; readonly range: Range; readonly cell?: number; readonly edits?: readonly TextEdit[]; readonly subject: () => string },
): Finding {
  const template = rule.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id '${r.messageId}'`);
  const severity = r.maxSeverity && SEVERITY_ORDER[r.maxSeverity] < SEVERITY_ORDER[configured] ? r.maxSeverity : configured;
  const fix = r.fix && placed.edits ? { description: r.fix.description, safety: r.fix.safety ?? rule.fix ?? 'unsafe', edits: placed.edits } : undefined;
  return {
    ruleId: rule.id,
    category: rule.category,
    severity,
    message: formatMessage(template, r.data),
    file: placed.file,
    range: placed.range,
    subject: r.subject ?? placed.subject(),
    ...(placed.cell === undefined ? {} : { cell: placed.cell }),
    ...(fix ? { fix } : {}),
    ...(r.related?.length ? { related: r.related } : {}),
    ...(r.unnecessary ? { tags: ['unnecessary' as const] } : {}),
  };
}

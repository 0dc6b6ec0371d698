// The team config `.mlready.yaml`, as validated data, and the errors that stop a run.
import type { RuleOptions } from '../rule.js';
import type { Severity } from '../types.js';

export type Profile = 'prototype' | 'production';
export const PROFILES: readonly Profile[] = ['prototype', 'production'];

export interface RuleSetting {
  readonly severity: Severity;
  readonly options?: RuleOptions;
}

export interface ConfigOverride {
  /** Globs relative to the config file's directory. */
  readonly files: readonly string[];
  readonly excludedFiles: readonly string[];
  readonly profile?: Profile;
  readonly rules: ReadonlyMap<string, RuleSetting>;
}

/** A team's word on a readiness item the repository cannot show by itself (see docs/readiness.md). */
export interface Attestation {
  readonly item: string;
  readonly status: 'done' | 'partial' | 'not-done' | 'not-applicable';
  /** `manual` (the default): run by hand and documented, half a point; `automated`: a system outside the repo runs it, a point. */
  readonly how?: 'manual' | 'automated';
  readonly by?: string;
  readonly date?: string;
  readonly note?: string;
}

/** One config file's content after validation; `extends` not yet applied. */
export interface ConfigData {
  readonly extends: readonly string[];
  readonly profile?: Profile;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignore: readonly string[];
  readonly overrides: readonly ConfigOverride[];
  readonly baseline?: string;
  readonly readiness?: { readonly attestations: readonly Attestation[]; readonly maxAgeDays?: number };
}

/** A config problem with its place. Errors stop the run (exit 2); warnings are reported and the run goes on. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatConfigProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/** `file:line:column: message` with 1-based numbers, as compilers print. */
export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line + 1}:${p.column + 1}: ${p.severity}: ${p.message}`;
}

/** A config with its `extends` chain applied, ready to resolve per file. */
export interface ResolvedConfig {
  /** Absolute path of the config file, or undefined when none was found (defaults apply). */
  readonly file?: string;
  /** Absolute directory the config's globs are relative to: the project root. */
  readonly root: string;
  readonly profile: Profile;
  /** The last preset in the `extends` chain (`mlready:recommended` when none): profile overrides re-base from it. */
  readonly preset: string;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignore: readonly string[];
  readonly overrides: readonly ConfigOverride[];
  readonly baseline?: string;
  readonly readiness?: ConfigData['readiness'];
  readonly warnings: readonly ConfigProblem[];
  /** Text of every config file read, for cache keys: a change to any of them invalidates results. */
  readonly sourceTexts: readonly string[];
}

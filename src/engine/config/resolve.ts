// Resolves the rule settings for one file from the team config: base rules, then the overrides that match.
import picomatch from 'picomatch';
import type { RuleMeta } from '../rule.js';
import { presetRules } from './presets.js';
import type { ResolvedConfig, RuleSetting } from './types.js';

export type FileSettings = ReadonlyMap<string, RuleSetting>;

type Matcher = (path: string) => boolean;

/**
 * Matches project-relative paths against config globs. A glob without `/` matches a base name at any
 * depth (like .gitignore); a glob with `/` is anchored at the project root. `dir/` means everything below.
 */
export function globMatcher(globs: readonly string[]): Matcher {
  if (globs.length === 0) return () => false;
  const patterns = globs.flatMap((g) => {
    let glob = g.startsWith('./') ? g.slice(2) : g.startsWith('/') ? g.slice(1) : g;
    if (glob.endsWith('/')) glob = `${glob}**`;
    if (!glob.includes('/')) return [`**/${glob}`, `**/${glob}/**`];
    return [glob, `${glob}/**`];
  });
  return picomatch(patterns, { dot: true });
}

/** Computes and memoises per-file settings; files that match the same overrides share one map. */
export class SettingsResolver {
  private readonly matchers: { files: Matcher; excluded: Matcher }[];
  private readonly cache = new Map<string, FileSettings>();
  readonly ignored: Matcher;

  constructor(
    readonly config: ResolvedConfig,
    private readonly rules: ReadonlyMap<string, RuleMeta>,
  ) {
    this.matchers = config.overrides.map((o) => ({ files: globMatcher(o.files), excluded: globMatcher(o.excludedFiles) }));
    this.ignored = globMatcher(config.ignore);
  }

  /** Settings for a project-relative path. */
  forFile(path: string): FileSettings {
    const matched: number[] = [];
    this.matchers.forEach((m, i) => {
      if (m.files(path) && !m.excluded(path)) matched.push(i);
    });
    const key = matched.join(',');
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.compute(matched);
      this.cache.set(key, settings);
    }
    return settings;
  }

  private compute(matched: readonly number[]): FileSettings {
    if (matched.length === 0) return this.config.rules;
    const out = new Map(this.config.rules);
    for (const i of matched) {
      const override = this.config.overrides[i];
      if (!override) continue;
      if (override.profile && override.profile !== this.config.profile) {
        // A profile override re-bases the rules whose severity the team left at the profile default.
        const current = presetRules(this.config.preset, this.rules, this.config.profile);
        for (const [id, setting] of presetRules(this.config.preset, this.rules, override.profile)) {
          if (out.get(id)?.severity === current.get(id)?.severity) out.set(id, { ...out.get(id), severity: setting.severity });
        }
      }
      for (const [id, setting] of override.rules) out.set(id, { severity: setting.severity, options: { ...out.get(id)?.options, ...setting.options } });
    }
    return out;
  }
}

// Built-in presets and profiles: the rule severities a team starts from before its own settings.
import type { RuleMeta } from '../rule.js';
import type { Severity } from '../types.js';
import type { Profile, RuleSetting } from './types.js';

export const PRESET_NAMES = ['mlready:recommended', 'mlready:strict', 'mlready:all'];

/**
 * `recommended`: stable rules at their default severity, preview rules off. `strict`: stable rules, and
 * every `info` rule raised to `warning`. `all`: also preview rules, at their defaults.
 * The `prototype` profile then applies each rule's prototype severity, for exploratory repos.
 */
export function presetRules(preset: string, rules: ReadonlyMap<string, RuleMeta>, profile: Profile): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const meta of rules.values()) {
    let severity: Severity = meta.defaultSeverity;
    if (meta.status === 'preview' && preset !== 'mlready:all') severity = 'off';
    else if (preset === 'mlready:strict' && severity === 'info') severity = 'warning';
    if (profile === 'prototype' && severity !== 'off' && meta.profileSeverity?.prototype) severity = meta.profileSeverity.prototype;
    out.set(meta.id, { severity });
  }
  return out;
}

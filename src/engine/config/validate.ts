// Validates the YAML of a `.mlready.yaml` into ConfigData, with a line and column for every problem.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { ITEM_IDS } from '../readiness/items.js';
import { nearNames } from '../near-names.js';
import { TextDocument } from '../text.js';
import type { OptionSpec, OptionValue, RuleMeta } from '../rule.js';
import type { Severity } from '../types.js';
import { PROFILES, type Attestation, type ConfigData, type ConfigOverride, type ConfigProblem, type Profile, type RuleSetting } from './types.js';

const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['extends', 'profile', 'rules', 'ignore', 'overrides', 'baseline', 'readiness'];
const ATTESTATION_STATUS = ['done', 'partial', 'not-done', 'not-applicable'] as const;

/** Validates config text. Problems of severity `error` mean the data must not be used. */
export function validateConfig(
  text: string,
  file: string,
  rules: ReadonlyMap<string, RuleMeta>,
): { data?: ConfigData; problems: ConfigProblem[] } {
  const doc = new TextDocument(text);
  const problems: ConfigProblem[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void => {
    const [start, end] = node?.range ?? [0, 0];
    const s = doc.positionAt(start);
    const e = doc.positionAt(end);
    problems.push({ file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, message, severity });
  };
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of yaml.errors) {
    const s = doc.positionAt(error.pos[0]);
    const e = doc.positionAt(error.pos[1]);
    problems.push({ file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, message: `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, severity: 'error' });
  }
  if (problems.length > 0) return { problems };
  const root = yaml.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { data: emptyConfig(), problems };
  if (!isMap(root)) {
    at(root, 'the config must be a mapping of keys such as rules, extends, profile');
    return { problems };
  }

  const data: { -readonly [K in keyof ConfigData]: ConfigData[K] } = emptyConfig();
  for (const pair of root.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'extends':
        data.extends = stringList(value, at, 'extends');
        break;
      case 'profile': {
        const p = profileOf(value, at);
        if (p) data.profile = p;
        break;
      }
      case 'rules':
        data.rules = ruleSettings(value, rules, at);
        break;
      case 'ignore':
        data.ignore = stringList(value, at, 'ignore');
        break;
      case 'baseline':
        if (isScalar(value) && typeof value.value === 'string' && value.value !== '') data.baseline = value.value;
        else at(value ?? pair.key, 'baseline must be a path to a baseline file, e.g. .mlready-baseline.json');
        break;
      case 'overrides':
        data.overrides = overrides(value, rules, at);
        break;
      case 'readiness':
        data.readiness = readiness(value, at);
        break;
      default:
        at(pair.key, `unknown key '${key}'; expected one of: ${TOP_KEYS.join(', ')}`);
    }
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { data, problems };
}

type At = (node: YamlNode | null | undefined, message: string, severity?: 'error' | 'warning') => void;

function emptyConfig(): { -readonly [K in keyof ConfigData]: ConfigData[K] } {
  return { extends: [], rules: new Map(), ignore: [], overrides: [] };
}

/** A key written with only comments under it (`ignore:`) is an empty list, as a person means it. */
function isEmpty(value: YamlNode | null): boolean {
  return value === null || (isScalar(value) && value.value === null);
}

function stringList(value: YamlNode | null, at: At, what: string): string[] {
  if (isEmpty(value)) return [];
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (!isSeq(value)) {
    at(value, `${what} must be a string or a list of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of value.items as (YamlNode | null)[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value !== '') out.push(item.value);
    else at(item, `each entry of ${what} must be a non-empty string`);
  }
  return out;
}

function profileOf(value: YamlNode | null, at: At): Profile | undefined {
  if (isScalar(value) && PROFILES.includes(value.value as Profile)) return value.value as Profile;
  at(value, `profile must be one of: ${PROFILES.join(', ')}`);
  return undefined;
}

function ruleSettings(value: YamlNode | null, rules: ReadonlyMap<string, RuleMeta>, at: At): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  if (isEmpty(value)) return out;
  if (!isMap(value)) {
    at(value, 'rules must map rule ids to a severity (off, info, warning, error) or [severity, {options}]');
    return out;
  }
  for (const pair of value.items as Pair<YamlNode, YamlNode | null>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const meta = rules.get(id);
    if (!meta) {
      const hint = nearest(id, [...rules.keys()]);
      at(pair.key, `unknown rule '${id}'${hint ? `; did you mean '${hint}'?` : ''} (run 'mlready rules' for the list)`, 'warning');
      continue;
    }
    const setting = ruleSetting(pair.value, meta, at);
    if (setting) out.set(id, setting);
  }
  return out;
}

function ruleSetting(value: YamlNode | null, meta: RuleMeta, at: At): RuleSetting | undefined {
  const severityOf = (node: YamlNode | null | undefined): Severity | undefined => {
    // YAML 1.2 reads a bare `off` as a string, but `false` is a boolean: accept it as off.
    const raw = isScalar(node) ? (node.value === false ? 'off' : node.value) : undefined;
    if (typeof raw === 'string' && SEVERITIES.includes(raw as Severity)) return raw as Severity;
    at(node, `severity of '${meta.id}' must be one of: ${SEVERITIES.join(', ')}`);
    return undefined;
  };
  if (!isSeq(value)) {
    const severity = severityOf(value);
    return severity ? { severity } : undefined;
  }
  const [first, second, ...rest] = value.items as (YamlNode | null)[];
  if (rest.length > 0) at(rest[0], `write '${meta.id}' as [severity, {options}]`);
  const severity = severityOf(first);
  if (!severity) return undefined;
  if (second === undefined) return { severity };
  if (!isMap(second)) {
    at(second, `options of '${meta.id}' must be a mapping`);
    return undefined;
  }
  const options: Record<string, OptionValue> = {};
  for (const pair of second.items as Pair<YamlNode, YamlNode | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const spec = meta.options?.[name];
    if (!spec) {
      const known = Object.keys(meta.options ?? {});
      at(pair.key, known.length ? `'${meta.id}' has no option '${name}'; its options are: ${known.join(', ')}` : `'${meta.id}' takes no options`);
      continue;
    }
    const option = optionValue(pair.value, spec);
    if (option === undefined) at(pair.value ?? pair.key, `option '${name}' of '${meta.id}' must be ${describeSpec(spec)}`);
    else options[name] = option;
  }
  return { severity, options: options };
}

function optionValue(node: YamlNode | null, spec: OptionSpec): OptionValue | undefined {
  if (spec.type === 'string[]') {
    if (!isSeq(node)) return undefined;
    const items = (node.items as (YamlNode | null)[]).map((i) => (isScalar(i) && typeof i.value === 'string' ? i.value : undefined));
    return items.every((i) => i !== undefined) ? (items) : undefined;
  }
  const raw = isScalar(node) ? node.value : undefined;
  if (typeof raw !== spec.type) return undefined;
  if (spec.type === 'string' && spec.enum && !spec.enum.includes(raw as string)) return undefined;
  return raw as OptionValue;
}

function describeSpec(spec: OptionSpec): string {
  if (spec.enum) return `one of: ${spec.enum.join(', ')}`;
  return spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}`;
}

function overrides(value: YamlNode | null, rules: ReadonlyMap<string, RuleMeta>, at: At): ConfigOverride[] {
  if (isEmpty(value)) return [];
  if (!isSeq(value)) {
    at(value, 'overrides must be a list of { files, rules } entries');
    return [];
  }
  const out: ConfigOverride[] = [];
  for (const item of value.items as (YamlNode | null)[]) {
    if (!isMap(item)) {
      at(item, 'each override must be a mapping with files and rules');
      continue;
    }
    let files: string[] = [];
    let excludedFiles: string[] = [];
    let profile: Profile | undefined;
    let ruleMap = new Map<string, RuleSetting>();
    for (const pair of item.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'files') files = stringList(pair.value, at, 'files');
      else if (key === 'excludedFiles') excludedFiles = stringList(pair.value, at, 'excludedFiles');
      else if (key === 'rules') ruleMap = ruleSettings(pair.value, rules, at);
      else if (key === 'profile') profile = profileOf(pair.value, at);
      else at(pair.key, `unknown key '${key}' in an override; expected files, excludedFiles, profile, rules`);
    }
    if (files.length === 0) at(item, 'an override needs files: a list of globs it applies to');
    out.push({ files, excludedFiles, rules: ruleMap, ...(profile ? { profile } : {}) });
  }
  return out;
}

function readiness(value: YamlNode | null, at: At): ConfigData['readiness'] {
  if (!isMap(value)) {
    at(value, 'readiness must be a mapping with attestations');
    return undefined;
  }
  const attestations: Attestation[] = [];
  let maxAgeDays: number | undefined;
  for (const pair of value.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'maxAgeDays') {
      if (isScalar(pair.value) && typeof pair.value.value === 'number' && pair.value.value > 0) maxAgeDays = pair.value.value;
      else at(pair.value, 'maxAgeDays must be a positive number of days');
    } else if (key === 'attestations') {
      if (!isMap(pair.value)) {
        at(pair.value, 'attestations must map item ids to { status, by, date, note }');
        continue;
      }
      for (const entry of pair.value.items as Pair<YamlNode, YamlNode | null>[]) {
        const attestation = attestationOf(entry, at);
        if (attestation) attestations.push(attestation);
      }
    } else {
      at(pair.key, `unknown key '${key}' under readiness; expected attestations, maxAgeDays`);
    }
  }
  return { attestations, ...(maxAgeDays === undefined ? {} : { maxAgeDays }) };
}

const ATTESTATION_FIELDS = ['status', 'how', 'by', 'date', 'note'];

/** One attestation: a known item id (warned otherwise), a status, how it is done, and an ISO date. */
function attestationOf(entry: Pair<YamlNode, YamlNode | null>, at: At): Attestation | undefined {
  const item = isScalar(entry.key) ? String(entry.key.value) : '';
  if (!ITEM_IDS.includes(item)) {
    const hint = nearest(item, ITEM_IDS);
    at(entry.key, `unknown readiness item '${item}'${hint ? `; did you mean '${hint}'?` : ''} (items: data-1..7, model-1..7, infra-1..7, monitor-1..7)`, 'warning');
  }
  if (!isMap(entry.value)) {
    at(entry.value ?? entry.key, `attestation '${item}' needs status: one of ${ATTESTATION_STATUS.join(', ')}`);
    return undefined;
  }
  const fields = new Map<string, YamlNode | null>();
  for (const field of entry.value.items as Pair<YamlNode, YamlNode | null>[]) {
    const name = isScalar(field.key) ? String(field.key.value) : '';
    if (ATTESTATION_FIELDS.includes(name)) fields.set(name, field.value);
    else at(field.key, `unknown key '${name}' in attestation '${item}'; expected ${ATTESTATION_FIELDS.join(', ')}`);
  }
  const value = (name: string): unknown => {
    const node = fields.get(name);
    return isScalar(node) ? node.value : undefined;
  };
  const status = value('status');
  if (!ATTESTATION_STATUS.includes(status as Attestation['status'])) {
    at(fields.get('status') ?? entry.value, `attestation '${item}' needs status: one of ${ATTESTATION_STATUS.join(', ')}`);
    return undefined;
  }
  const how = value('how');
  if (how !== undefined && how !== 'manual' && how !== 'automated') at(fields.get('how'), 'how must be manual or automated');
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
  const date = text(value('date'));
  if (fields.has('date') && (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) at(fields.get('date'), 'date must be a date like 2026-11-25');
  return {
    item,
    status: status as Attestation['status'],
    ...(how === 'manual' || how === 'automated' ? { how } : {}),
    by: text(value('by')),
    date,
    note: text(value('note')),
  };
}

/** The candidate nearest to a misspelt name (rule ids, readiness items), if any is near enough. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  return nearNames(name, candidates, Math.max(3, Math.floor(name.length / 3)))[0];
}

// Generates the JSON Schema of `.mlready.yaml` from the rule registry, so editors complete rule ids and options.
import type { OptionSpec, RuleMeta } from '../rule.js';
import { PROFILES } from './types.js';
import { PRESET_NAMES } from './presets.js';
import { ITEM_IDS } from '../readiness/items.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SEVERITY: Json = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };

function optionSchema(spec: OptionSpec): Json {
  const base: Record<string, Json> = { description: spec.description };
  if (spec.type === 'string[]') return { ...base, type: 'array', items: { type: 'string' }, default: [...(spec.default as readonly string[])] };
  return { ...base, type: spec.type, default: spec.default as Json, ...(spec.enum ? { enum: [...spec.enum] } : {}) };
}

function ruleSchema(meta: RuleMeta): Json {
  const options = Object.entries(meta.options ?? {});
  const description = `${meta.description} (${meta.category}, default ${meta.defaultSeverity}${meta.status === 'preview' ? ', preview' : ''})`;
  if (options.length === 0) return { description, $ref: '#/definitions/severity' };
  return {
    description,
    oneOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        // draft-07 tuple form: editors' YAML servers support it more widely than 2020-12 prefixItems.
        items: [{ $ref: '#/definitions/severity' }, { type: 'object', additionalProperties: false, properties: Object.fromEntries(options.map(([k, v]) => [k, optionSchema(v)])) }],
        additionalItems: false,
        minItems: 1,
        maxItems: 2,
      },
    ],
  };
}

/** The schema as a plain object; `npm run build` writes it to schema/mlready.schema.json. */
export function configSchema(rules: ReadonlyMap<string, RuleMeta>): Json {
  const ruleProps = Object.fromEntries([...rules.values()].map((m) => [m.id, ruleSchema(m)]));
  const rulesObject: Json = { type: 'object', description: 'Severity per rule id, or [severity, { options }].', properties: ruleProps, additionalProperties: false };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/mlready/mlready/blob/main/schema/mlready.schema.json',
    title: 'mlready team config (.mlready.yaml)',
    type: 'object',
    additionalProperties: false,
    definitions: { severity: SEVERITY },
    properties: {
      extends: {
        description: `Presets (${PRESET_NAMES.join(', ')}), relative paths to YAML files, or npm packages that ship .mlready.yaml.`,
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      profile: { description: 'prototype relaxes rules that matter once code ships; production is the default.', type: 'string', enum: [...PROFILES] },
      rules: rulesObject,
      ignore: { description: 'Paths never linted, in .gitignore syntax.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      baseline: { description: 'Path of the baseline file written by `mlready baseline`.', type: 'string' },
      overrides: {
        description: 'Settings for some paths only; later entries win.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
            excludedFiles: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
            profile: { type: 'string', enum: [...PROFILES] },
            rules: rulesObject,
          },
        },
      },
      readiness: {
        description: 'Attestations of readiness items the repository cannot show by itself.',
        type: 'object',
        additionalProperties: false,
        properties: {
          maxAgeDays: { type: 'number', exclusiveMinimum: 0, description: 'Attestations older than this many days stop counting (default 365).' },
          attestations: {
            type: 'object',
            description: 'Item id (data-1..7, model-1..7, infra-1..7, monitor-1..7) to the team\'s attestation.',
            propertyNames: { enum: [...ITEM_IDS] },
            additionalProperties: {
              type: 'object',
              required: ['status'],
              additionalProperties: false,
              properties: {
                status: { type: 'string', enum: ['done', 'partial', 'not-done', 'not-applicable'] },
                how: { type: 'string', enum: ['manual', 'automated'], description: 'manual (half a point, the default) or automated (a point).' },
                by: { type: 'string' },
                date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'When it was done; undated attestations do not count.' },
                note: { type: 'string', description: 'A note or a link to the result.' },
              },
            },
          },
        },
      },
    },
  };
}

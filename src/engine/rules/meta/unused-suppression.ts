// unused-suppression: an inline suppression that silences nothing; the engine's suppression pass reports it.
import type { RuleMeta } from '../../rule.js';

export default {
  id: 'unused-suppression',
  category: 'meta',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds `# mlready: ignore[...]` comments that no longer silence any finding, so stale exceptions do not pile up.',
  messages: {
    unused: "Suppression of '{ruleId}' silences nothing here: remove it.",
  },
  fix: 'safe',
  references: [
    { title: 'Ruff RUF100: unused-noqa', url: 'https://docs.astral.sh/ruff/rules/unused-noqa/' },
    { title: 'ESLint --report-unused-disable-directives', url: 'https://eslint.org/docs/latest/use/command-line-interface#--report-unused-disable-directives' },
  ],
  fileKinds: [],
} satisfies RuleMeta<'unused'>;

// invalid-suppression: a suppression comment without a reason, with no rule id or with a malformed body.
import type { RuleMeta } from '../../rule.js';

export default {
  id: 'invalid-suppression',
  category: 'meta',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds `# mlready: ignore` comments that do not suppress anything because they are malformed, name an unknown rule or give no reason.',
  messages: {
    invalid: '{message}',
  },
  references: [{ title: 'Checkov suppression comments with a reason', url: 'https://www.checkov.io/2.Basics/Suppressing%20and%20Skipping%20Policies.html' }],
  fileKinds: [],
} satisfies RuleMeta<'invalid'>;

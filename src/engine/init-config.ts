// The commented starter `.mlready.yaml` that `mlready init` and the editor's "Create Team Config" write.

/** A starter config; every line the team may want to change is explained in place. */
export function starterConfig(): string {
  return `# mlready team config: committed with the repo, read by the CLI, CI and the editor alike.
# Reference: https://github.com/mlready/mlready/blob/main/docs/configuration.md

# Presets: mlready:recommended (stable rules), mlready:strict (info raised to warning), mlready:all (with preview rules).
# A relative path (./base.yaml) or an npm package that ships .mlready.yaml also works.
extends: mlready:recommended

# prototype relaxes rules that matter once code ships (e.g. dependency pinning becomes info); production is the default.
profile: production

# Severity per rule: off | info | warning | error, or [severity, { options }]. 'mlready rules' lists them.
rules:
  # remote-data-unpinned: error
  # random-state-unset: [warning, { seed: SEED }]

# Paths never linted, in .gitignore syntax (files ignored by .gitignore are skipped already).
ignore:
  # - legacy/**

# Settings for some paths only; later entries win.
overrides:
  # - files: ["notebooks/**"]
  #   profile: prototype
  # - files: ["scripts/one_off_*.py"]
  #   rules:
  #     remote-data-unpinned: off

# Findings recorded by 'mlready baseline' are not reported again; new ones are.
# baseline: .mlready-baseline.json
`;
}

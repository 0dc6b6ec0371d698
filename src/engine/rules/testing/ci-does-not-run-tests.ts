// ci-does-not-run-tests: a project with a test suite that no CI configuration runs, or no CI at all.
import { isTemplated, isVendored } from '../../analyses/code-areas.js';
import { baseName } from '../../file-kinds.js';
import { runsTests, splitShellCommands, type CiJob, type CiWorkflow } from '../../parsers/ci.js';
import type { ProjectModel } from '../../project.js';
import { defineProjectRule } from '../../rule.js';
import { FILE_START } from '../../types.js';

const messages = {
  noCi: 'The project has {tests} ({files}), but no CI configuration: nothing runs them on each change, so they break unnoticed. Add a CI workflow (e.g. .github/workflows/tests.yml) that installs the project and runs pytest.',
  ciSkipsTests: 'No job of the CI configuration ({workflows}) runs the test suite ({tests} in {files}): the tests only run when someone remembers to. Add a step that runs pytest (or tox, nox, make test).',
} as const;

type Id = keyof typeof messages;

/** CI systems this engine does not parse: their presence is enough to stay quiet, as they may well run the tests. */
const OTHER_CI = /^(?:\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|\.azure-pipelines\/.+\.ya?ml|Jenkinsfile|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.buildkite\/.+\.ya?ml|\.?appveyor\.ya?ml|cloudbuild\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/.+\.ya?ml|codefresh\.ya?ml|\.semaphore\/semaphore\.ya?ml|\.cirrus\.ya?ml|buildspec\.ya?ml|\.gitea\/workflows\/.+\.ya?ml|\.forgejo\/workflows\/.+\.ya?ml)$/;
/**
 * A test runner named inside another command (`docker compose run app pytest`, `bash -c "pytest -x"`), or a test
 * script run (`./run_tests.sh`, `bash ci/test.sh`, `python tests/run.py`), or `make check`: runsTests misses these.
 */
const TEST_WORD = [
  /(?:^|[\s"'/=(;&|])(?:pytest|py\.test|unittest|nose2|nosetests)(?:$|[\s"';&|)])/,
  /(?:^|[\s/])(?:run[-_]?tests?|tests?|test[-_][\w-]+|[\w-]+[-_]tests?)\.(?:sh|bash|py)(?:$|[\s;&|])/,
  /(?:^|\s)\.\/(?:[\w.-]+\/)*[\w-]*tests?[\w-]*(?:$|\s)/,
  /\bpython[\d.]*\s+(?:-\S+\s+)*\S*\btests?\/\S+\.py\b/,
  /\bmake\s+(?:-\S+\s+)*(?:check|ci|verify)\b/,
];
/** Installing a test runner is not running it. */
const INSTALL = /\b(?:install|add|sync)\b/;
/** The manifests a project-level finding anchors on when there is no CI file to point at, most central first. */
const MANIFESTS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt'];

export default defineProjectRule<Id>({
  id: 'ci-does-not-run-tests',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds projects whose test suite no CI job runs: no CI configuration at all, or GitHub Actions and GitLab CI workflows none of whose jobs runs pytest, unittest, tox, nox, make test or a test script.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): tests are automated, run by a continuous integration system', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
    { title: 'mllint: ci/use', url: 'https://bvobart.github.io/mllint/docs/categories/ci/' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline'],
  checkProject(ctx) {
    const { project } = ctx;
    // A project without tests is tests-missing's finding; saying that CI runs none of them adds nothing.
    const testFiles: { path: string; tests: number }[] = [];
    for (const [path, facts] of ctx.facts) {
      const outline = facts.outline;
      if (!outline?.roles.includes('test') || outline.tests === 0 || !path.endsWith('.py') || isTemplated(path) || isVendored(path)) continue;
      testFiles.push({ path, tests: outline.tests });
    }
    if (testFiles.length === 0) return;
    if (project.files.some((f) => OTHER_CI.test(f.path))) return;
    testFiles.sort((a, b) => (a.path < b.path ? -1 : 1));
    const tests = testFiles.reduce((sum, f) => sum + f.tests, 0);
    const files = list(testFiles.map((f) => f.path));
    const workflows = [...project.ci].sort((a, b) => (a.file < b.file ? -1 : 1));
    if (workflows.length === 0) {
      const anchor = manifestAnchor(project) ?? testFiles[0]?.path;
      if (anchor === undefined) return;
      ctx.report({ messageId: 'noCi', data: { tests: plural(tests, 'test'), files }, file: anchor, range: FILE_START, subject: 'CI configuration' });
      return;
    }
    if (workflows.some((w) => mayRunTests(w))) return;
    // Point at the workflow that runs on pushes and pull requests, where a test step belongs.
    const first = workflows.find((w) => w.triggers.some((t) => CHANGE_TRIGGERS.test(t))) ?? workflows[0];
    const job = first?.jobs.find((j) => j.kind === 'job') ?? first?.jobs[0];
    if (!first || !job) return;
    ctx.report({
      messageId: 'ciSkipsTests',
      data: { tests: plural(tests, 'test'), files, workflows: list(workflows.map((w) => w.file)) },
      file: first.file,
      range: job.range,
      subject: 'CI test step',
      related: testFiles.slice(0, 3).map((f) => ({ file: f.path, range: FILE_START, message: `${plural(f.tests, 'test')} that no CI job runs` })),
    });
  },
});

/** GitHub events and GitLab rules that run a pipeline on each change. */
const CHANGE_TRIGGERS = /^(?:push|pull_request|pull_request_target|merge_group)$|CI_PIPELINE_SOURCE|CI_COMMIT_BRANCH|merge_request/;


/**
 * True when a workflow runs tests, or may: a command runs a test runner or a test script, a step is named for tests,
 * or something hides the jobs (a YAML error, a GitLab `include` with no jobs of its own, a reusable workflow or
 * action from another repository whose name says test).
 */
function mayRunTests(workflow: CiWorkflow): boolean {
  if (workflow.problems.length > 0 || !workflow.jobs.some((j) => j.kind === 'job')) return true;
  return workflow.jobs.some((job) => jobMayRunTests(job));
}

function jobMayRunTests(job: CiJob): boolean {
  if (job.uses.some((u) => /test|pytest|tox|nox/i.test(u.action) || /\.github\/workflows\//.test(u.action))) return true;
  return job.commands.some((c) => {
    if (c.shell !== undefined && /^python/.test(c.shell)) return /\b(?:pytest|unittest)\b/.test(c.text);
    if (c.step !== undefined && /\btests?\b/i.test(c.step)) return true;
    return runsTests(c.text) || splitShellCommands(c.text).some((command) => !INSTALL.test(command) && TEST_WORD.some((p) => p.test(command)));
  });
}

/** The most central manifest: the root's pyproject.toml, setup.py, setup.cfg or requirements.txt, else the shallowest. */
function manifestAnchor(project: ProjectModel): string | undefined {
  const paths = new Set(project.files.map((f) => f.path));
  const root = MANIFESTS.find((m) => paths.has(m));
  if (root !== undefined) return root;
  const nested = project.files.filter((f) => MANIFESTS.includes(baseName(f.path)) && !isTemplated(f.path) && !isVendored(f.path));
  nested.sort((a, b) => a.path.split('/').length - b.path.split('/').length || MANIFESTS.indexOf(baseName(a.path)) - MANIFESTS.indexOf(baseName(b.path)) || (a.path < b.path ? -1 : 1));
  return nested[0]?.path;
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

function list(items: readonly string[]): string {
  return items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${String(items.length - 3)} more`;
}

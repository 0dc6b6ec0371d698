// import-undeclared-dependency: third-party modules the code imports that no manifest of the project declares.
import type { Node } from 'web-tree-sitter';
import { dependencyScope, isTemplatedPath } from '../../dependency-scope.js';
import { baseName } from '../../file-kinds.js';
import { normalizePackageName } from '../../parsers/manifest-types.js';
import { isDeclaredBy, isEnvironmentModule, ownerOfModule, type ModuleOwner } from '../../python/distributions.js';
import type { ImportBinding } from '../../python/imports.js';
import { isStdlibModule } from '../../python/stdlib.js';
import { defineRule } from '../../rule.js';
import type { SourceFile } from '../../source-file.js';
import type { Range } from '../../types.js';

const messages = {
  undeclared: "'{module}' is imported, but no manifest of the project declares {dist}: an environment built from the manifests cannot run this. Add {dist} to {manifest}.",
  undeclaredGuess: "'{module}' is imported, but no manifest of the project declares it (as '{dist}' or otherwise): add its distribution to {manifest}, or list the module in `ignoreModules` if it is provided some other way.",
} as const;

type Id = keyof typeof messages;

/**
 * An `if` whose condition asks whether a module can be imported (or which notebook host runs it) makes the import
 * optional; under `if False:` it never runs at all.
 */
const AVAILABILITY_GUARD = /available|find_spec|importlib\.util|sys\.modules|\bHAS_\w+|_INSTALLED\b|is_installed|\bIS_(?:COLAB|KAGGLE)|colab|kaggle|^if\s+(?:False|0)\s*:/i;
/** `%pip install x`, `!pip install x`, `!{sys.executable} -m pip install x`, `!conda install x`, `!uv pip install x`. */
const NOTEBOOK_INSTALL = /^\s*[!%]\s*(?:(?:\{[^}]*\}|python3?|\S*python\S*)\s+-m\s+)?(?:pip3?|conda|mamba|uv\s+pip)\s+install\s+(.*)$/;

export default defineRule<Id>({
  id: 'import-undeclared-dependency',
  category: 'dependencies',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds third-party modules imported by Python files and notebooks that no requirements file, pyproject.toml, conda environment, Pipfile or setup.cfg of the project declares.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): unstable and underutilized dependencies' },
    { title: 'Julynter (Pimentel et al.): use a clean environment to check that all dependencies are declared' },
    { title: 'deptry: DEP001 missing dependencies', url: 'https://deptry.com/rules-violations/#missing-dependencies-dep001' },
  ],
  options: {
    ignoreModules: {
      type: 'string[]',
      default: [],
      description: 'Top-level modules never to report (installed by other means: a base image, a sibling checkout).',
    },
  },
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const file = ctx.file;
    // setup.py runs at build time, with what `[build-system] requires` installs, not the project's dependencies.
    if (isTemplatedPath(file.path) || baseName(file.path) === 'setup.py') return;
    const py = file.python;
    if (!py) return;
    const scope = dependencyScope(ctx.project);
    // With no manifest at all, every import would be reported in every file: say nothing (documented).
    if (scope.realManifests.length === 0 || !scope.declarationsReadable(file.path)) return;
    const inNotebook = file.kind === 'notebook';
    const ignored = new Set((ctx.options.ignoreModules as readonly string[]).map((m) => m.split('.')[0]));
    const { installed, clones } = inNotebook ? notebookShell(file) : { installed: new Set<string>(), clones: false };
    const candidates: { binding: ImportBinding; owner: ModuleOwner }[] = [];
    for (const b of py.imports.bindings) {
      if (b.level > 0 || b.optional || b.typeCheckingOnly) continue;
      const top = b.module.split('.')[0] ?? '';
      if (top === '' || isStdlibModule(top) || ignored.has(top) || /_pb2(?:_grpc)?$/.test(top)) continue;
      // `from google.cloud import storage` is known by the imported name; `import a.b` by its module.
      const qualified = b.qualified.startsWith(`${b.module}.`) ? b.qualified : b.module;
      if (isEnvironmentModule(qualified, inNotebook)) continue;
      const owner = ownerOfModule(qualified);
      // A notebook that clones a repository imports its modules; only distributions known by name are judged there.
      if (scope.isFirstParty(top, file.path, owner.known) || (clones && !owner.known)) continue;
      if (isDeclaredBy(owner, scope.declaredNames) || isDeclaredBy(owner, installed)) continue;
      candidates.push({ binding: b, owner });
    }
    if (candidates.length === 0) return;
    const guards = guardedSpans(py.parsed.nodes('if_statement'), py.text);
    const manifest = scope.nearestManifest(file.path)?.file ?? 'the project manifest';
    const seen = new Set<string>();
    for (const { binding, owner } of candidates) {
      const dist = owner.distributions[0] ?? owner.module;
      const offset = offsetOf(py.text, binding.range);
      if (seen.has(dist) || guards.some(([s, e]) => offset >= s && offset < e)) continue;
      seen.add(dist);
      const range = moduleRange(file, binding);
      const data = { module: owner.module, dist, manifest };
      ctx.report({ messageId: owner.known ? 'undeclared' : 'undeclaredGuess', data, range, subject: `module ${owner.module}` });
    }
  },
});

/** Offsets of `if` statements whose condition tests whether a module is available; read from the text, no tree walk. */
function guardedSpans(ifs: readonly Node[], text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const node of ifs) {
    const lineEnd = text.indexOf('\n', node.startIndex);
    const head = text.slice(node.startIndex, lineEnd === -1 ? text.length : lineEnd);
    if (AVAILABILITY_GUARD.test(head)) spans.push([node.startIndex, node.endIndex]);
  }
  return spans;
}

function offsetOf(text: string, range: Range): number {
  let offset = 0;
  for (let line = 0; line < range.start.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + range.start.column;
}

/** The module name as written in its import statement (`from sklearn.svm import SVC` points at `sklearn.svm`). */
function moduleRange(file: SourceFile, binding: ImportBinding): Range {
  const doc = file.pythonDoc;
  if (!binding.qualified.startsWith(`${binding.module}.`)) return binding.range;
  const escaped = binding.module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\bfrom\\s+(${escaped})\\s+import\\b`);
  // Parenthesised imports put names on later lines than `from x`; look back a few lines for it.
  for (let line = binding.range.start.line; line >= Math.max(0, binding.range.start.line - 50); line--) {
    const m = pattern.exec(doc.lineText(line));
    if (m?.[1] !== undefined) {
      const column = m.index + m[0].indexOf(m[1], 4);
      return { start: { line, column }, end: { line, column: column + m[1].length } };
    }
  }
  return binding.range;
}

/**
 * Distributions a notebook installs itself with `%pip install` (or `!pip`, `!conda`): it declares them, in its own
 * way; and whether it runs `git clone`, which brings modules no manifest lists.
 */
function notebookShell(file: SourceFile): { installed: Set<string>; clones: boolean } {
  const names = new Set<string>();
  let clones = false;
  for (const cell of file.notebook?.notebook.cells ?? []) {
    if (cell.kind !== 'code') continue;
    for (const line of cell.source.split('\n')) {
      if (/^\s*!\s*git\s+clone\b/.test(line)) clones = true;
      const args = NOTEBOOK_INSTALL.exec(line)?.[1];
      if (args === undefined) continue;
      for (const raw of args.split(/\s+/)) {
        const word = raw.replace(/^["']|["']$/g, '');
        if (word === '' || word.startsWith('-') || word.startsWith('$') || word.startsWith('{')) continue;
        const fromUrl = /[#&]egg=([\w.-]+)/.exec(word)?.[1] ?? /\/([\w.-]+?)(?:\.git)?(?:@[^/]*)?$/.exec(word)?.[1];
        const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(word.includes('://') ? (fromUrl ?? '') : word)?.[0];
        if (name !== undefined) names.add(normalizePackageName(name));
      }
    }
  }
  return { installed: names, clones };
}

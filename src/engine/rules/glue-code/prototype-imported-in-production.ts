// prototype-imported-in-production: project code that imports from notebook/experiment/scratch folders, or edits sys.path to reach code.
import { inFolders, isAuxiliary, isTemplated, isVendored, PROTOTYPE_FOLDERS, prototypeFolderOf } from '../../analyses/code-areas.js';
import { baseName } from '../../file-kinds.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  prototypeImport: "{file} imports {module} from the prototype folder {folder}/: production code now runs whatever the experiment does next. Move the code into the package and import it from there.",
  pathEdit: '{via}({target}) changes where imports are found, so this code only works from one folder layout: install the project (`pip install -e .`) or run it as a module (`python -m`).',
} as const;

type Id = keyof typeof messages;

export default defineProjectRule<Id>({
  id: 'prototype-imported-in-production',
  category: 'glue-code',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds project code that imports modules from prototype folders (notebooks/, experiments/, scratch/, sandbox/, playground/, drafts/), and code that edits sys.path to reach other code.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 5: prototype smell and glue code' },
    { title: 'Python Packaging User Guide: editable installs', url: 'https://setuptools.pypa.io/en/latest/userguide/development_mode.html' },
  ],
  options: {
    prototypeFolders: { type: 'string[]', default: PROTOTYPE_FOLDERS, description: 'Folder names whose code is prototype work that production code must not import.' },
  },
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline'],
  checkProject(ctx) {
    const option = ctx.options.prototypeFolders;
    const folders = Array.isArray(option) ? option : PROTOTYPE_FOLDERS;
    const graph = ctx.importGraph();
    for (const [path, facts] of ctx.facts) {
      const outline = facts.outline;
      if (!outline || !path.endsWith('.py') || !isProduction(path, outline.roles, folders)) continue;
      for (const edge of graph.importsOf(path)) {
        const folder = prototypeFolderOf(edge.to, folders);
        if (folder === undefined) continue;
        const fact = facts.imports.find((i) => i.range.start.line === edge.line && i.module === edge.module);
        if (!fact) continue;
        ctx.report({
          messageId: 'prototypeImport',
          data: { file: path, module: edge.module, folder: edge.to.slice(0, edge.to.indexOf(`${folder}/`) + folder.length) },
          file: path,
          range: fact.range,
          subject: `import ${edge.to}`,
          related: [{ file: edge.to, range: ctx.facts.get(edge.to)?.outline?.top?.range ?? fact.range, message: 'the prototype module it imports' }],
        });
      }
      if (!reachesCode(path)) continue;
      for (const edit of outline.pathEdits) {
        ctx.report({ messageId: 'pathEdit', data: { via: edit.via, target: edit.target === undefined ? '…' : `'${edit.target}'` }, file: path, range: edit.range, subject: `${edit.via} ${edit.target ?? ''}`.trim() });
      }
    }
  },
});

/** Code that ships or runs the product: not tests, notebooks, prototype folders, examples, docs or vendored code. */
function isProduction(path: string, roles: readonly string[], folders: readonly string[]): boolean {
  if (roles.includes('test') || roles.includes('notebook') || isTemplated(path) || isVendored(path) || inFolders(path, folders)) return false;
  return !isAuxiliary(path) || inFolders(path, ['scripts', 'tools']);
}

/** Sphinx's `conf.py` (the Sphinx-documented idiom) and `setup.py` reading the version edit sys.path by convention. */
function reachesCode(path: string): boolean {
  const name = baseName(path);
  return name !== 'setup.py' && !(name === 'conf.py' && inFolders(path, ['docs', 'doc', 'source']));
}

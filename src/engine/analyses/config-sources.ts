// Config objects a Python file loads itself: `yaml.safe_load(open("params.yaml"))`, `OmegaConf.load`, `@hydra.main`, `dvc.api.params_show()`.
import type { Node } from 'web-tree-sitter';
import { resolveRelative } from '../file-kinds.js';
import type { PythonAnalysis } from '../python/analysis.js';

/** How the object was loaded, which decides how keys are read (`cfg["k"]` on dicts, `cfg.k` too on OmegaConf). */
export type ConfigLoader = 'yaml' | 'json' | 'toml' | 'omegaconf' | 'hydra' | 'dvc';

/** A name the code binds to a loaded config, or to a part of one. */
export interface ConfigBinding {
  readonly loader: ConfigLoader;
  /**
   * Where the loaded file may be, project-relative, most likely first (the path from the project root, then from
   * the file's folder); for Hydra the primary config; empty for `params_show()` without targets.
   */
  readonly files: readonly string[];
  /** The path is the default of this command-line option (`--config`): another file may be passed. */
  readonly option?: string;
  readonly name: string;
  /** The function the name lives in, or the module. */
  readonly scope: Node;
  /** Where the binding happens: names used before it are not this object. */
  readonly at: number;
  /** Keys read off the loaded object in the binding itself (`yaml.safe_load(f)["train"]`), with their string nodes. */
  readonly base: readonly { readonly key: string; readonly node: Node }[];
  /** The load call, or the `@hydra.main` decorator. */
  readonly load: Node;
}

type Argument = 'stream' | 'path' | 'text' | 'none';

interface LoaderSpec {
  readonly loader: ConfigLoader;
  readonly argument: Argument;
}

const spec = (loader: ConfigLoader, argument: Argument): LoaderSpec => ({ loader, argument });
const LOADERS: ReadonlyMap<string, LoaderSpec> = new Map<string, LoaderSpec>([
  ...['yaml.safe_load', 'yaml.load', 'yaml.full_load', 'yaml.unsafe_load'].map((n) => [n, spec('yaml', 'stream')] as const),
  ['json.load', spec('json', 'stream')],
  ['json.loads', spec('json', 'text')],
  ...['toml.loads', 'tomllib.loads', 'tomli.loads'].map((n) => [n, spec('toml', 'text')] as const),
  ['toml.load', spec('toml', 'path')],
  ...['tomllib.load', 'tomli.load'].map((n) => [n, spec('toml', 'stream')] as const),
  ['omegaconf.OmegaConf.load', spec('omegaconf', 'path')],
  ['dvc.api.params_show', spec('dvc', 'none')],
]);

/** Cheap text test: files that load no config by any of these means are not analysed further. */
export const LOADS_CONFIG = /safe_load|full_load|unsafe_load|yaml\.load|\bload\s*\(|loads\s*\(|params_show|hydra/;

/** The names a file binds to config objects it loads from files. */
export function configBindings(py: PythonAnalysis, fileDir: string): ConfigBinding[] {
  const out: ConfigBinding[] = [];
  for (const call of py.calls) {
    const loader = call.qualified === undefined ? undefined : LOADERS.get(call.qualified);
    if (!loader) continue;
    const args = call.args;
    let where: Where | undefined;
    if (loader.argument === 'none') {
      // `params_show(repo=..., rev=...)` reads another checkout; targets name params files.
      if (args.hasSplat || args.keywords.has('repo') || args.keywords.has('rev') || args.keywords.has('config')) continue;
      const targets = args.positional.map((a) => py.fold(a));
      if (targets.some((t) => !t?.exact)) continue;
      where = { files: targets.flatMap((t) => (t ? candidates(t.value, '') : [])) };
    } else {
      const first = args.positional[0];
      if (!first || args.hasSplat) continue;
      where = loader.argument === 'path' ? pathOrStream(py, first, fileDir) : loader.argument === 'stream' ? streamOf(py, first, fileDir, 0) : textOf(py, first, fileDir);
    }
    if (!where) continue;
    const bound = bindingOf(call.node);
    if (!bound) continue;
    out.push({ loader: bound.wrapped ? 'omegaconf' : loader.loader, ...where, name: bound.name, scope: scopeOf(call.node, py), at: bound.at, base: bound.base, load: call.node });
  }
  for (const decorator of py.parsed.nodes('decorator')) {
    const binding = hydraMain(py, decorator, fileDir);
    if (binding) out.push(binding);
  }
  return out;
}

interface Where {
  readonly files: readonly string[];
  readonly option?: string;
}

/** `@hydra.main(config_path="../configs", config_name="train")` on `def main(cfg)`: `cfg` is the composed config. */
function hydraMain(py: PythonAnalysis, decorator: Node, fileDir: string): ConfigBinding | undefined {
  const call = decorator.namedChildren[0];
  if (call?.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  if (!fn || py.imports.qualifyText(fn.text) !== 'hydra.main') return undefined;
  const args = py.calls.find((c) => c.node.id === call.id)?.args;
  const pathNode = args?.keywords.get('config_path') ?? args?.positional[0];
  const nameNode = args?.keywords.get('config_name') ?? args?.positional[1];
  const configPath = pathNode ? py.fold(pathNode) : undefined;
  const configName = nameNode ? py.fold(nameNode) : undefined;
  // Without a config folder the primary config comes from the ConfigStore, which is code, not a file.
  if (!configPath?.exact || !configName?.exact || configPath.value.startsWith('pkg://')) return undefined;
  const definition = decorator.parent?.childForFieldName('definition');
  const first = definition?.type === 'function_definition' ? definition.childForFieldName('parameters')?.namedChildren[0] : undefined;
  const param = first?.type === 'identifier' ? first : first?.type === 'typed_parameter' ? first.namedChildren[0] : undefined;
  const body = definition?.childForFieldName('body');
  if (!definition || !body || param?.type !== 'identifier') return undefined;
  const name = /\.ya?ml$/.test(configName.value) ? configName.value : `${configName.value}.yaml`;
  const file = resolveRelative(fileDir, `${configPath.value}/${name}`);
  if (file === undefined) return undefined;
  return { loader: 'hydra', files: [file], name: param.text, scope: definition, at: body.startIndex, base: [], load: decorator };
}

/** The name a load call's result is bound to, with the keys read off it on the way (`load(f)["train"]`). */
function bindingOf(call: Node): { name: string; at: number; base: { key: string; node: Node }[]; wrapped: boolean } | undefined {
  let cur = call;
  let wrapped = false;
  // `OmegaConf.create(yaml.safe_load(f))`: the dict becomes a DictConfig.
  const list = cur.parent;
  const outer = list?.type === 'argument_list' && list.namedChildren.length === 1 ? list.parent : undefined;
  if (outer?.type === 'call' && /(^|\.)OmegaConf\.create$/.test(outer.childForFieldName('function')?.text ?? '')) {
    cur = outer;
    wrapped = true;
  }
  const base: { key: string; node: Node }[] = [];
  for (let p = cur.parent; p?.type === 'subscript' && p.childForFieldName('value')?.id === cur.id; p = cur.parent) {
    const key = stringKey(p);
    if (!key) return undefined;
    base.push(key);
    cur = p;
  }
  const assignment = cur.parent;
  const left = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === cur.id ? assignment.childForFieldName('left') : undefined;
  return left?.type === 'identifier' ? { name: left.text, at: assignment?.endIndex ?? cur.endIndex, base, wrapped } : undefined;
}

/** The single plain string key of a subscript (`x["train"]`), with its content node. */
export function stringKey(subscript: Node): { key: string; node: Node } | undefined {
  const keys = subscript.childrenForFieldName('subscript');
  const content = keys.length === 1 ? stringContent(keys[0]) : undefined;
  return content ? { key: content.text, node: content } : undefined;
}

/** The content node of a plain string literal (no f-string, bytes, escapes or concatenation). */
export function stringContent(node: Node | null | undefined): Node | undefined {
  if (node?.type !== 'string' || /^[a-zA-Z]*[bf]/i.test(node.text)) return undefined;
  const parts = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'string_start' && c.type !== 'string_end');
  const content = parts[0];
  return parts.length === 1 && content?.type === 'string_content' ? content : undefined;
}

/** A file object: `open(p)`, `Path(p).open()`, or a name bound to one (`with open(p) as f`, `f = open(p)`). */
function streamOf(py: PythonAnalysis, node: Node, fileDir: string, depth: number): Where | undefined {
  if (depth > 3) return undefined;
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const callee = fn?.text ?? '';
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    if ((callee === 'open' && py.imports.resolveName('open') === undefined) || callee === 'io.open' || callee === 'codecs.open') return arg ? pathOf(py, arg, fileDir, 0) : undefined;
    if (fn?.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text;
      const object = fn.childForFieldName('object');
      if (object && (method === 'open' || method === 'read_text' || method === 'read_bytes')) return pathOf(py, object, fileDir, 0);
      if (object && method === 'read') return streamOf(py, object, fileDir, depth + 1);
    }
    return undefined;
  }
  if (node.type !== 'identifier') return undefined;
  for (const w of py.parsed.nodes('with_statement')) {
    if (w.startIndex > node.startIndex || w.endIndex < node.endIndex) continue;
    const clause = w.namedChildren.find((c) => c?.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      const pattern = item?.childForFieldName('value');
      const alias = pattern?.type === 'as_pattern' ? pattern.childForFieldName('alias')?.namedChildren[0] : undefined;
      const value = pattern?.namedChildren[0];
      if (alias?.text === node.text && value) return streamOf(py, value, fileDir, depth + 1);
    }
  }
  const value = py.bindings.lookup(node.text, node.startIndex);
  return value ? streamOf(py, value, fileDir, depth + 1) : undefined;
}

/** The text of a file: `f.read()`, `Path(p).read_text()`, `open(p).read()`. */
function textOf(py: PythonAnalysis, node: Node, fileDir: string): Where | undefined {
  return node.type === 'call' ? streamOf(py, node, fileDir, 0) : undefined;
}

/** `OmegaConf.load` and `toml.load` take a path or an open file. */
function pathOrStream(py: PythonAnalysis, node: Node, fileDir: string): Where | undefined {
  return streamOf(py, node, fileDir, 0) ?? pathOf(py, node, fileDir, 0);
}

/** A path expression folded to candidate files; `args.config` resolves to its argparse option's default. */
function pathOf(py: PythonAnalysis, node: Node, fileDir: string, depth: number): Where | undefined {
  const folded = py.fold(node);
  if (folded) return folded.exact ? { files: candidates(folded.value, fileDir) } : undefined;
  if (depth > 2) return undefined;
  if (node.type === 'identifier') {
    const value = py.bindings.lookup(node.text, node.startIndex);
    return value ? pathOf(py, value, fileDir, depth + 1) : undefined;
  }
  const dest = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  return dest === undefined ? undefined : optionDefault(py, dest, fileDir);
}

/** The default of the argparse option whose destination is `dest` (`--config` → `args.config`), when it is a constant path. */
function optionDefault(py: PythonAnalysis, dest: string, fileDir: string): Where | undefined {
  for (const call of py.calls) {
    if (call.shortName !== 'add_argument') continue;
    const flags = call.args.positional.flatMap((n) => (n.type === 'string' ? [n.text.replace(/^[a-zA-Z]*['"]|['"]$/g, '')] : []));
    const explicit = call.args.keywords.get('dest');
    const long = flags.find((f) => f.startsWith('--')) ?? flags[0];
    const name = explicit ? explicit.text.replace(/^['"]|['"]$/g, '') : long?.replace(/^-+/, '').replace(/-/g, '_');
    if (name !== dest || long === undefined) continue;
    const value = call.args.keywords.get('default');
    const folded = value ? py.fold(value) : undefined;
    return folded?.exact ? { files: candidates(folded.value, fileDir), option: long } : undefined;
  }
  return undefined;
}

/** A path as the code wrote it, resolved from the project root (where scripts are run) and from the file's folder. */
function candidates(path: string, fileDir: string): string[] {
  if (path === '' || path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:|\\|\*|^\w+:\/\//.test(path)) return [];
  const out = [resolveRelative('', path), fileDir === '' ? undefined : resolveRelative(fileDir, path)];
  return [...new Set(out.filter((p): p is string => p !== undefined))];
}



/** The function definition a node is in, or the module. */
export function scopeOf(node: Node, py: PythonAnalysis): Node {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return py.parsed.root;
}

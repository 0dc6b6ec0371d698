// One file under analysis: its text and, parsed lazily and at most once, every structure rules ask of it.
import { dirName } from './file-kinds.js';
import type { LockedVersions, Manifest } from './parsers/manifest-types.js';
import { NotebookMap, parseNotebook, type Notebook } from './parsers/notebook.js';
import type { PythonParser } from './parsers/python.js';
import { parseCiWorkflow, type CiWorkflow } from './parsers/ci.js';
import { parseJsonConfig, parseTomlConfig, parseYamlConfig, type ConfigParseResult } from './parsers/config-tree.js';
import { parseDvcConfig, parseDvcFile, parseDvcLock, parseDvcPipeline, type DvcConfig, type DvcFile, type DvcLock, type DvcPipeline } from './parsers/dvc.js';
import { parseGitattributes, type Gitattributes } from './parsers/gitattributes.js';
import { parseLockfile } from './parsers/lockfiles.js';
import { parseManifest } from './parsers/manifests.js';
import { PythonAnalysis } from './python/analysis.js';
import { classifyPython, type FileRole } from './python/roles.js';
import { TextDocument } from './text.js';
import { timed, type Timing } from './timing.js';
import type { FileKind } from './types.js';

/** Services a source file may need to parse itself. */
export interface ParseServices {
  readonly python?: PythonParser;
  /** When set, parsing is timed (`--timing`). */
  readonly timing?: Timing;
}

/** Thrown when a file cannot be analysed at all; the run lists it as skipped with this reason. */
export class UnreadableFileError extends Error {}

export class SourceFile {
  readonly doc: TextDocument;
  private pythonCache?: PythonAnalysis | null;
  private notebookCache?: { notebook: Notebook; map: NotebookMap; doc: TextDocument };
  private manifestCache?: Manifest | null;
  private lockCache?: LockedVersions | null;
  private rolesCache?: ReadonlySet<FileRole>;

  constructor(
    /** Project-relative, `/`-separated. */
    readonly path: string,
    readonly kind: FileKind,
    readonly text: string,
    private readonly services: ParseServices,
  ) {
    this.doc = new TextDocument(text);
  }

  /** The notebook and its cell map; throws UnreadableFileError for a broken notebook. */
  get notebook(): { notebook: Notebook; map: NotebookMap; doc: TextDocument } | undefined {
    if (this.kind !== 'notebook') return undefined;
    if (!this.notebookCache) {
      const result = timed(this.services.timing, 'parse:notebook-json', () => parseNotebook(this.text));
      if (!result.ok) throw new UnreadableFileError(result.reason);
      this.notebookCache = { notebook: result.notebook, map: new NotebookMap(result.notebook), doc: new TextDocument(result.notebook.virtualText) };
    }
    return this.notebookCache;
  }

  /** The document Python positions refer to: the file itself, or a notebook's virtual text. */
  get pythonDoc(): TextDocument {
    return this.notebook?.doc ?? this.doc;
  }

  /** Python analysis of a `.py` file or of a Python notebook's code cells. */
  get python(): PythonAnalysis | undefined {
    if (this.pythonCache !== undefined) return this.pythonCache ?? undefined;
    this.pythonCache = null;
    const parser = this.services.python;
    if (!parser) return undefined;
    let text: string | undefined;
    if (this.kind === 'python') text = this.text;
    else if (this.kind === 'notebook') {
      const nb = this.notebook;
      if (nb && nb.notebook.language.startsWith('python')) text = nb.notebook.virtualText;
    }
    if (text === undefined) return undefined;
    const source = text;
    const timing = this.services.timing;
    const parsed = timed(timing, 'parse:tree-sitter', () => parser.parse(source));
    // The import table needs the one eager walk anyway: doing it first times the two apart.
    timed(timing, 'parse:walk', () => parsed.nodes('call'));
    this.pythonCache = timed(timing, 'parse:imports', () => new PythonAnalysis(parsed, source, dirName(this.path), timing));
    return this.pythonCache;
  }

  get manifest(): Manifest | undefined {
    if (this.manifestCache === undefined) this.manifestCache = parseManifest(this.path, this.kind, this.doc) ?? null;
    return this.manifestCache ?? undefined;
  }

  get lock(): LockedVersions | undefined {
    if (this.lockCache === undefined) this.lockCache = this.kind === 'lockfile' ? (parseLockfile(this.path, this.doc) ?? null) : null;
    return this.lockCache ?? undefined;
  }

  /** DVC structures, for the DVC kinds. */
  get dvc(): DvcFile | DvcPipeline | DvcLock | DvcConfig | undefined {
    return this.memo('dvc', () => {
      switch (this.kind) {
        case 'dvc':
          return parseDvcFile(this.path, this.doc);
        case 'dvc-pipeline':
          return parseDvcPipeline(this.path, this.doc);
        case 'dvc-lock':
          return parseDvcLock(this.path, this.doc);
        case 'dvc-config':
          return parseDvcConfig(this.path, this.doc);
        default:
          return undefined;
      }
    });
  }

  /** The key tree of a YAML, JSON or TOML file (configs, params, conda and DVC files, pyproject), with positions. */
  get configTree(): ConfigParseResult | undefined {
    return this.memo('configTree', () => {
      const ext = this.path.slice(this.path.lastIndexOf('.') + 1).toLowerCase();
      if (['yaml', 'yml', 'lock'].includes(ext) && this.kind !== 'lockfile') return parseYamlConfig(this.doc);
      if (this.kind === 'dvc' || this.kind === 'dvc-pipeline' || this.kind === 'dvc-lock' || this.kind === 'conda-env' || this.kind === 'ci-workflow') return parseYamlConfig(this.doc);
      if (ext === 'json' || ext === 'jsonc') return parseJsonConfig(this.doc, { comments: ext === 'jsonc' });
      if (ext === 'toml' || this.kind === 'pipfile') return parseTomlConfig(this.doc);
      return undefined;
    });
  }

  get gitattributes(): Gitattributes | undefined {
    return this.memo('gitattributes', () => (this.kind === 'gitattributes' ? parseGitattributes(this.path, this.doc) : undefined));
  }

  get ciWorkflow(): CiWorkflow | undefined {
    return this.memo('ci', () => (this.kind === 'ci-workflow' ? parseCiWorkflow(this.path, this.doc) : undefined));
  }

  private readonly memos = new Map<string, unknown>();

  private memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, timed(this.services.timing, `parse:${key}`, compute));
    return this.memos.get(key) as T;
  }

  get roles(): ReadonlySet<FileRole> {
    this.rolesCache ??= this.kind === 'python' || this.kind === 'notebook' ? timed(this.services.timing, 'analysis:roles', () => classifyPython(this.path, this.python, this.kind === 'notebook')) : new Set();
    return this.rolesCache;
  }

  /** Frees parser memory held outside the JS heap (tree-sitter trees live in WASM memory). */
  dispose(): void {
    this.pythonCache?.parsed.tree.delete();
    this.pythonCache = null;
  }
}

// data-path-unversioned: code reads a local data or model file that neither DVC, Git LFS nor Git keeps a version of.
import type { Node } from 'web-tree-sitter';
import { dirName, extensionOf, isDataExtension } from '../../file-kinds.js';
import { formatBytes } from '../../inventory.js';
import { nodeRange } from '../../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import type { ProjectModel } from '../../project.js';
import { projectIndex, type ProjectIndex } from '../../project-index.js';
import { defineRule } from '../../rule.js';

const messages = {
  unversioned: "Reads '{path}', which no .dvc file, dvc.yaml output, Git LFS pattern or Git commit versions: run `dvc add {path}` (or make it a dvc.yaml stage output), or track it with Git LFS.",
  trackedLarge: "Reads '{path}', kept in plain Git ({size}): Git stores each version whole and cannot fetch it lazily. Move it to DVC (`dvc add`) or Git LFS.",
} as const;

type Id = keyof typeof messages;

const PANDAS = ['csv', 'table', 'parquet', 'json', 'excel', 'feather', 'pickle', 'orc', 'fwf', 'hdf', 'stata', 'sas', 'spss', 'xml'].map((f) => `pandas.read_${f}`);
const POLARS = ['read_csv', 'read_parquet', 'read_json', 'read_ndjson', 'read_ipc', 'read_excel', 'read_avro', 'scan_csv', 'scan_parquet', 'scan_ndjson', 'scan_ipc'].map((f) => `polars.${f}`);
const PYARROW = ['parquet.read_table', 'parquet.ParquetFile', 'parquet.ParquetDataset', 'feather.read_table', 'feather.read_feather', 'csv.read_csv', 'dataset.dataset'].map((f) => `pyarrow.${f}`);
const MODELS = ['tensorflow.keras.models.load_model', 'keras.models.load_model', 'keras.saving.load_model', 'safetensors.torch.load_file'];
const HF = ['datasets.load_from_disk', 'datasets.Dataset.load_from_disk', 'datasets.DatasetDict.load_from_disk'];

/** Calls that read a data or model file named by their first argument (or one of these keywords). */
const READERS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...PANDAS.map((q): [string, string[]] => [q, ['filepath_or_buffer', 'path', 'path_or_buf', 'io']]),
  ...POLARS.map((q): [string, string[]] => [q, ['source']]),
  ...PYARROW.map((q): [string, string[]] => [q, ['source', 'path_or_paths']]),
  ...['numpy.load', 'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.fromfile', 'numpy.memmap'].map((q): [string, string[]] => [q, ['file', 'fname', 'filename']]),
  ...[...MODELS, ...HF, 'joblib.load', 'torch.load', 'h5py.File'].map((q): [string, string[]] => [q, ['filepath', 'filename', 'f', 'dataset_path', 'name']]),
]);
/** `open()` and the compressed-file openers read data only when the file has a data extension. */
const OPENERS = new Set(['gzip.open', 'bz2.open', 'lzma.open', 'io.open']);
/** Images, audio and video are read by `open(..., "rb")` for display more often than as training data. */
const MEDIA = new Set(['png', 'jpg', 'jpeg', 'wav', 'mp3', 'flac', 'mp4']);
/** Run-output folders: a checkpoint read back from `out/` is the project's own product, not an input to version. */
const OUTPUT_DIRS = ['out', 'output', 'outputs', 'runs', 'checkpoints', 'checkpoint', 'ckpt', 'ckpts', 'logs', 'results', 'experiments', 'lightning_logs', 'wandb', 'mlruns', 'tmp', 'temp', 'cache', '.cache'];
/** Calls that only build or normalise a path; a path mentioned in them is not used yet. */
const PATH_BUILDERS = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'os.path.join', 'os.path.abspath', 'os.path.normpath', 'os.path.expanduser', 'os.fspath', 'str']);

export default defineRule<Id>({
  id: 'data-path-unversioned',
  category: 'data',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds reads of local data and model files that no .dvc file, dvc.yaml output, Git LFS pattern or (small) Git-tracked file versions.',
  messages,
  options: {
    maxTrackedMb: { type: 'number', default: 5, description: 'A Git-tracked file up to this size (MB) counts as versioned; a larger one should live in DVC or Git LFS.' },
    outputDirs: {
      type: 'string[]',
      default: OUTPUT_DIRS,
      description: "Folder names of run outputs (checkpoints, logs, results) that the project's own code writes; reads below them are not judged.",
    },
  },
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 3: unstable data dependencies ("create a versioned copy")' },
    { title: 'SE4ML best practices: use versioning for data, model, configurations and training scripts', url: 'https://se-ml.github.io/best_practices/02-data_version/' },
    { title: 'DVC: versioning data and models', url: 'https://dvc.org/doc/start/data-management/data-versioning' },
  ],
  fileKinds: ['python', 'notebook'],
  check(ctx) {
    const py = ctx.file.python;
    if (!py || ctx.file.roles.has('test')) return;
    const index = projectIndex(ctx.project);
    const versioning = index.memo(projectVersioning);
    // Without Git information and without DVC or LFS, nothing tells a tracked file from an untracked one.
    if (!versioning.git && !versioning.dvcOrLfs) return;
    const outputDirs = new Set((ctx.options.outputDirs as readonly string[]).map((d) => d.toLowerCase()));
    let mentions: Mention[] | undefined;
    for (const call of py.calls) {
      const arg = readPathArgument(py, call);
      if (!arg) continue;
      const folded = py.fold(arg);
      if (!folded?.exact) continue;
      const written = normalizeWritten(folded.value);
      if (written === undefined) continue;
      const candidates = candidatePaths(written, dirName(ctx.file.path));
      if (candidates.length === 0 || written.toLowerCase().split('/').slice(0, -1).some((d) => outputDirs.has(d))) continue;
      const verdicts = candidates.map((c) => judge(c, index, versioning, Number(ctx.options.maxTrackedMb) * 1024 * 1024));
      if (verdicts.some((v) => v.kind === 'versioned')) continue;
      mentions ??= collectMentions(py);
      if ([written, ...candidates].some((c) => mentions?.some((m) => m.test(c)))) continue;
      const large = verdicts.find((v): v is { kind: 'tracked-large'; size: number } => v.kind === 'tracked-large');
      const range = nodeRange(arg);
      if (large) ctx.report({ messageId: 'trackedLarge', data: { path: written, size: formatBytes(large.size) }, range, subject: `path ${written}` });
      else ctx.report({ messageId: 'unversioned', data: { path: written }, range, subject: `path ${written}` });
    }
  },
});

/** The argument naming the file a call reads, when the call reads a data or model file. */
function readPathArgument(py: PythonAnalysis, call: ResolvedCall): Node | undefined {
  const q = call.qualified;
  const keywords = q === undefined ? undefined : READERS.get(q);
  if (keywords) {
    const { args } = call;
    // memmap(filename, dtype, mode) and File(name, mode): a mode that creates the file (w, a, x) does not read it.
    if ((q === 'numpy.memmap' || q === 'h5py.File') && /[wax]/.test(modeOf(py, call, q === 'numpy.memmap' ? 2 : 1) ?? 'r')) return undefined;
    return args.positional[0] ?? keywords.map((k) => args.keywords.get(k)).find((n) => n !== undefined);
  }
  const isOpen = (q === undefined && call.shortName === 'open' && !call.isMethod) || (q !== undefined && OPENERS.has(q));
  if (!isOpen) return undefined;
  const mode = modeOf(py, call, 1) ?? 'r';
  if (/[wax+]/.test(mode)) return undefined;
  const arg = call.args.positional[0] ?? call.args.keywords.get('file') ?? call.args.keywords.get('filename');
  const value = arg ? py.fold(arg)?.value : undefined;
  const ext = value === undefined ? '' : extensionOf(value.replace(/\.(gz|bz2|xz)$/i, ''));
  return arg && isDataExtension(ext) && !MEDIA.has(ext) ? arg : undefined;
}

function modeOf(py: PythonAnalysis, call: ResolvedCall, position: number): string | undefined {
  const node = call.args.keywords.get('mode') ?? call.args.positional[position];
  if (!node) return undefined;
  const folded = py.fold(node);
  // A mode that does not fold may be a write mode: treat it as one.
  return folded?.exact ? folded.value : 'w';
}

/** The path as written, `/`-separated without `./`; undefined for URLs, absolute, home, glob and empty paths. */
function normalizeWritten(value: string): string | undefined {
  const path = value.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (path === '' || path === '.' || /^[a-z][\w+.-]*:\/\//i.test(path) || path.startsWith('/') || path.startsWith('~') || /^[a-z]:\//i.test(path)) return undefined;
  if (/[*?[\]{}\n]/.test(path) || path.startsWith('__file__')) return undefined;
  return path;
}

/**
 * Project-relative readings of a relative path: from the project root (how scripts are usually run), and from
 * the file's own folder (how Jupyter runs notebooks, and how some scripts are run). Paths that leave the project are dropped.
 */
function candidatePaths(written: string, fileDir: string): string[] {
  const out = new Set<string>();
  for (const base of fileDir === '' ? [''] : ['', fileDir]) {
    const parts: string[] = [];
    let outside = false;
    for (const part of `${base}/${written}`.split('/')) {
      if (part === '' || part === '.') continue;
      if (part !== '..') parts.push(part);
      else if (parts.pop() === undefined) outside = true;
    }
    if (!outside && parts.length > 0) out.add(parts.join('/'));
  }
  return [...out];
}

interface Versioning {
  readonly git?: ReadonlySet<string>;
  readonly dvcOrLfs: boolean;
  readonly dvcPaths: readonly { readonly path: string; readonly covers: RegExp }[];
}

/** What the project versions: DVC outputs (as prefix tests), LFS patterns and, when known and non-empty, Git's index; once per project. */
function projectVersioning(project: ProjectModel): Versioning {
  const dvc = project.dvc;
  const outs = [
    ...dvc.files.flatMap((f) => f.outs),
    ...dvc.pipelines.flatMap((p) => p.stages.flatMap((s) => [...s.outs, ...s.metrics, ...s.plots])),
    ...dvc.locks.flatMap((l) => l.stages.flatMap((s) => s.outs)),
  ].filter((p) => !p.external);
  // `${item}` in foreach stages stands for one path segment.
  const dvcPaths = outs.map((p) => ({ path: p.resolved, covers: new RegExp(`^${p.resolved.split(/\$\{[^}]*\}/).map(escapeRegex).join('[^/]*')}(/|$)`) }));
  // An empty index is a repository with nothing committed yet: no evidence either way.
  const git = project.git && project.git.tracked.size > 0 ? project.git.tracked : undefined;
  const dvcOrLfs = dvc.files.length + dvc.pipelines.length + dvc.configs.length > 0 || project.lfs.some((a) => a.patterns.length > 0);
  return { ...(git ? { git } : {}), dvcOrLfs, dvcPaths };
}

type Verdict = { kind: 'versioned' } | { kind: 'tracked-large'; size: number } | { kind: 'unversioned' };

function judge(path: string, index: ProjectIndex, v: Versioning, maxTracked: number): Verdict {
  const prefix = `${path}/`;
  // A DVC output covers what is inside it; reading a folder that holds DVC outputs is covered too.
  if (v.dvcPaths.some((o) => o.covers.test(path) || o.path.startsWith(prefix))) return { kind: 'versioned' };
  if (index.isLfs(path)) return { kind: 'versioned' };
  if (index.hasLfsFilesUnder(path)) return { kind: 'versioned' };
  if (v.git) {
    if (v.git.has(path)) {
      const size = index.file(path)?.size ?? 0;
      return size > maxTracked ? { kind: 'tracked-large', size } : { kind: 'versioned' };
    }
    return index.hasTrackedUnder(path) === true ? { kind: 'versioned' } : { kind: 'unversioned' };
  }
  // No Git information: a file in the working tree that is not ignored may well be committed.
  return index.file(path) !== undefined || index.hasFilesUnder(path) ? { kind: 'versioned' } : { kind: 'unversioned' };
}

/** A path the file names outside of data reads: written, checked for, downloaded to or created there. */
type Mention = RegExp;

/** Builtins and loggers that only show or convert a path; naming it there does not make the file. */
const NOT_PRODUCERS = new Set(['str', 'repr', 'print', 'len', 'format', 'info', 'debug', 'warning', 'warn', 'error', 'exception', 'log', 'echo', 'secho']);

/**
 * Every path-like argument of calls that are not data reads (writers, `exists` checks, downloads, `mkdir`,
 * `extractall`), and the objects of method calls (`Path("data").mkdir()`). Unknown parts match one segment.
 */
function collectMentions(py: PythonAnalysis): Mention[] {
  const out: Mention[] = [];
  const add = (node: Node | null | undefined): void => {
    if (!node) return;
    const folded = py.fold(node);
    const path = folded ? folded.value.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '') : '';
    if (path === '' || path === '.' || path === '*' || /^[a-z][\w+.-]*:\/\//i.test(path)) return;
    // `np.save("x")` writes x.npy: a name without an extension also stands for itself with one.
    const suffix = /\.[^/]*$/.test(path) ? '' : '(\\.[^/]*)?';
    out.push(new RegExp(`^${path.split('*').map(escapeRegex).join('[^/]*')}${suffix}(/|$)`));
  };
  for (const call of py.calls) {
    if ((call.qualified !== undefined && PATH_BUILDERS.has(call.qualified)) || NOT_PRODUCERS.has(call.shortName ?? '')) continue;
    if (readPathArgument(py, call)) continue;
    for (const arg of call.args.positional) add(arg);
    for (const arg of call.args.keywords.values()) add(arg);
    if (call.isMethod) add(call.node.childForFieldName('function')?.childForFieldName('object'));
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

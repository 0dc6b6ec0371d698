// remote-data-unpinned: training data or weights fetched from a moving target (a branch, a hub repo head, an unversioned URL).
import type { Node } from 'web-tree-sitter';
import { splitShellCommandSpans } from '../../parsers/ci.js';
import { headRange, nodeRange } from '../../parsers/python.js';
import { ShellVariables, shellWords } from '../../parsers/shell.js';
import { isChecksumCheck, shellDownloads, type ShellDownload } from '../../parsers/shell-downloads.js';
import { shellUnits, type UnitLine } from '../../shell-commands.js';
import { enclosingFunction, type PythonAnalysis, type ResolvedCall } from '../../python/analysis.js';
import { classifyUrl, type UrlVersioning } from '../../python/urls.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { ProjectModel } from '../../project.js';
import { projectIndex } from '../../project-index.js';

const messages = {
  hubNoRevision: "{what} '{id}' is loaded without a revision: the hub repo can change under you. Pass revision='<commit sha>'.",
  torchHubNoRef: "torch.hub.load('{repo}') has no ':<tag or commit>': it loads the default branch as it is today.",
  mutableRef: "Reads {url} from the moving ref '{ref}': pin a commit or tag, or keep a versioned copy (DVC, LFS).",
  unversionedUrl: 'Reads {url} with no version and no checksum check: record a checksum (e.g. {hashArg}) or keep a versioned copy.',
  objectStoreUnversioned: 'Reads {url} from an object store without a version id: the object can be overwritten. Pin a version or track it with DVC.',
  kaggleNoVersion: "kagglehub loads '{id}' without a version: append '/versions/<n>' (datasets) or '/<n>' (models).",
  kaggleCliNoVersion: "`kaggle datasets download {id}` gets whatever version is newest: name one with '{id}/versions/<n>'.",
  hubCliNoRevision: "Downloads hub repo '{id}' without --revision: the repo can change under you. Pass --revision <commit sha>.",
} as const;

type Id = keyof typeof messages;

/** Builtin `datasets` loaders read local or given files; they are not hub repos. */
const DATASETS_BUILTIN_LOADERS = new Set(['csv', 'json', 'parquet', 'text', 'arrow', 'pandas', 'imagefolder', 'audiofolder', 'videofolder', 'webdataset', 'sql', 'xml', 'generator', 'spark', 'cache']);
const FROM_PRETRAINED_LIBRARIES = ['transformers', 'diffusers', 'sentence_transformers', 'peft', 'optimum', 'huggingface_hub', 'setfit', 'accelerate'];
/** Readers that take a path or URL as first argument and stream it, with no way to check a checksum. */
const DIRECT_READERS = new Set([
  'pandas.read_csv', 'pandas.read_table', 'pandas.read_parquet', 'pandas.read_json', 'pandas.read_excel', 'pandas.read_feather',
  'pandas.read_pickle', 'pandas.read_orc', 'pandas.read_fwf', 'polars.read_csv', 'polars.read_parquet', 'polars.read_json',
  'polars.read_ndjson', 'polars.scan_csv', 'polars.scan_parquet', 'numpy.loadtxt', 'numpy.genfromtxt', 'dask.dataframe.read_csv',
  'dask.dataframe.read_parquet', 'pyarrow.parquet.read_table',
]);
/** Downloaders: a file lands on disk and could be verified; `hashArg` names the argument that does it when there is one. */
const DOWNLOADERS: ReadonlyMap<string, { urlArg: number; urlKw: string; hashKw?: string }> = new Map([
  ['urllib.request.urlretrieve', { urlArg: 0, urlKw: 'url' }],
  ['wget.download', { urlArg: 0, urlKw: 'url' }],
  ['tensorflow.keras.utils.get_file', { urlArg: 1, urlKw: 'origin', hashKw: 'file_hash' }],
  ['keras.utils.get_file', { urlArg: 1, urlKw: 'origin', hashKw: 'file_hash' }],
  ['torch.hub.download_url_to_file', { urlArg: 0, urlKw: 'url', hashKw: 'hash_prefix' }],
  ['torch.hub.load_state_dict_from_url', { urlArg: 0, urlKw: 'url', hashKw: 'check_hash' }],
  ['torch.utils.model_zoo.load_url', { urlArg: 0, urlKw: 'url', hashKw: 'check_hash' }],
]);

export default defineRule<Id>({
  id: 'remote-data-unpinned',
  category: 'data',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds data and model weights loaded from a location that can change: hub repos without a revision, branch URLs, unversioned URLs and object-store paths, in Python and in shell downloads.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 3: unstable data dependencies' },
    { title: 'Hugging Face Hub docs: download files at a specific revision', url: 'https://huggingface.co/docs/huggingface_hub/guides/download' },
  ],
  fileKinds: ['python', 'notebook', 'shell', 'makefile', 'dvc-pipeline', 'ci-workflow'],
  check(ctx) {
    if (ctx.file.kind !== 'python') checkShell(ctx);
    const py = ctx.file.python;
    if (!py) return;
    for (const call of py.calls) {
      if (call.qualified === undefined && call.shortName !== 'from_pretrained') continue;
      checkHub(ctx, py, call);
      checkUrlRead(ctx, py, call);
    }
  },
});

/** Downloads in shell commands; a checksum check later in the same unit (script, recipe, stage, job, notebook) covers them. */
function checkShell(ctx: RuleContext<Id>): void {
  for (const unit of shellUnits(ctx.file)) {
    // `BASE_URL=...` then `wget "$BASE_URL/x.csv"`: variables are followed in text order within the unit.
    const vars = new ShellVariables();
    const commands = unit.lines.flatMap((at) =>
      splitShellCommandSpans(at.line.text).map((span) => {
        const words = shellWords(span.text, at.line.dialect, at.line.dialect === 'sh' ? vars.known : undefined);
        vars.update(words);
        return { at, words: words.map((w) => ({ ...w, start: w.start + span.start, end: w.end + span.start })) };
      }),
    );
    let lastCheck = -1;
    commands.forEach((c, i) => {
      if (isChecksumCheck(c.words, c.at.line.text)) lastCheck = i;
    });
    commands.forEach((c, i) => {
      if (i > lastCheck) for (const download of shellDownloads(c.words)) reportDownload(ctx, c.at, download);
    });
  }
}

function reportDownload(ctx: RuleContext<Id>, at: UnitLine, d: ShellDownload): void {
  const where = { range: at.line.locate(d.word.start, d.word.end), ...(at.cell === undefined ? {} : { cell: at.cell }) };
  const url = shorten(d.source);
  if (d.kind === 'kaggle' || d.kind === 'hub') {
    if (d.versioned || !d.exact) return;
    if (d.kind === 'kaggle') ctx.report({ messageId: 'kaggleCliNoVersion', data: { id: d.source }, subject: `kaggle ${d.source}`, ...where });
    else ctx.report({ messageId: 'hubCliNoRevision', data: { id: d.source }, subject: `hub ${d.source}`, ...where });
    return;
  }
  if (!d.dataLike || d.versioned) return;
  const versioning = versioningOf(d.source);
  const subject = `url ${d.source}`;
  if (versioning.kind === 'mutable-ref') {
    ctx.report({ messageId: 'mutableRef', data: { url, ref: versioning.ref }, subject, ...where });
  } else if (versioning.kind === 'unversioned' && d.kind === 'object-store') {
    // A bucket name cannot carry a version: an unknown part there hides nothing, one in the key might.
    if (/^[a-z0-9]+:\/\/[^/]*(\/[^*]*)?$/i.test(d.source)) ctx.report({ messageId: 'objectStoreUnversioned', data: { url }, subject, ...where });
  } else if (versioning.kind === 'unversioned' && d.exact) {
    ctx.report({ messageId: 'unversionedUrl', data: { url, hashArg: 'a `sha256sum -c` after the download' }, subject, ...where });
  }
}

const HUB_LOADERS = new Set(['datasets.load_dataset', 'huggingface_hub.hf_hub_download', 'huggingface_hub.snapshot_download', 'sentence_transformers.SentenceTransformer', 'torch.hub.load', 'kagglehub.dataset_download', 'kagglehub.model_download']);

function checkHub(ctx: RuleContext<Id>, py: PythonAnalysis, call: ResolvedCall): void {
  const q = call.qualified ?? '';
  if (!HUB_LOADERS.has(q) && call.shortName !== 'from_pretrained') return;
  const { args } = call;
  if (args.hasSplat || args.keywords.has('revision')) return;
  const range = headRange(call.node, py.text);
  if (q === 'datasets.load_dataset') {
    const id = constantArg(py, args.positional[0] ?? args.keywords.get('path'));
    if (id === undefined || DATASETS_BUILTIN_LOADERS.has(id) || !looksLikeHubId(id, ctx.project, 'dataset')) return;
    ctx.report({ messageId: 'hubNoRevision', data: { what: 'Dataset', id }, range, subject: `dataset ${id}` });
  } else if (q === 'huggingface_hub.hf_hub_download' || q === 'huggingface_hub.snapshot_download') {
    if (args.positional.length > 2) return;
    const id = constantArg(py, args.positional[0] ?? args.keywords.get('repo_id')) ?? '<repo>';
    ctx.report({ messageId: 'hubNoRevision', data: { what: 'Hub repo', id }, range, subject: `hub ${id}` });
  } else if (call.shortName === 'from_pretrained' || q === 'sentence_transformers.SentenceTransformer') {
    if (call.shortName === 'from_pretrained' && !FROM_PRETRAINED_LIBRARIES.some((lib) => q.startsWith(`${lib}.`))) return;
    const id = constantArg(py, args.positional[0] ?? args.keywords.get('pretrained_model_name_or_path') ?? args.keywords.get('model_name_or_path'));
    if (id === undefined || !looksLikeHubId(id, ctx.project, 'model')) return;
    ctx.report({ messageId: 'hubNoRevision', data: { what: 'Model', id }, range, subject: `model ${id}` });
  } else if (q === 'torch.hub.load') {
    const source = constantArg(py, args.keywords.get('source'));
    if (source === 'local') return;
    const repo = constantArg(py, args.positional[0] ?? args.keywords.get('repo_or_dir'));
    if (repo === undefined || !/^[\w.-]+\/[\w.-]+(:[\w./-]+)?$/.test(repo)) return;
    const ref = repo.split(':')[1];
    if (ref === undefined) ctx.report({ messageId: 'torchHubNoRef', data: { repo }, range, subject: `torch.hub ${repo}` });
    else if (['main', 'master'].includes(ref)) ctx.report({ messageId: 'mutableRef', data: { url: `'${repo}'`, ref }, range, subject: `torch.hub ${repo}` });
  } else if (q === 'kagglehub.dataset_download' || q === 'kagglehub.model_download') {
    const id = constantArg(py, args.positional[0] ?? args.keywords.get('handle'));
    if (id === undefined) return;
    const versioned = q === 'kagglehub.dataset_download' ? /\/versions\/\d+$/.test(id) : /^[^/]+\/[^/]+\/[^/]+\/[^/]+\/\d+$/.test(id);
    if (!versioned) ctx.report({ messageId: 'kaggleNoVersion', data: { id }, range, subject: `kaggle ${id}` });
  }
}

function checkUrlRead(ctx: RuleContext<Id>, py: PythonAnalysis, call: ResolvedCall): void {
  const q = call.qualified ?? '';
  const downloader = DOWNLOADERS.get(q);
  const isReader = DIRECT_READERS.has(q);
  if (!downloader && !isReader) return;
  const argNode = downloader ? (call.args.positional[downloader.urlArg] ?? call.args.keywords.get(downloader.urlKw)) : (call.args.positional[0] ?? firstKeyword(call, ['filepath_or_buffer', 'path', 'source', 'fname', 'io']));
  if (!argNode) return;
  const folded = py.fold(argNode);
  if (!folded) return;
  const versioning = versioningOf(folded.value);
  const url = shorten(folded.value);
  const range = nodeRange(argNode);
  const subject = `url ${folded.value}`;
  if (versioning.kind === 'mutable-ref') {
    ctx.report({ messageId: 'mutableRef', data: { url, ref: versioning.ref }, range, subject });
    return;
  }
  // An unknown part of the URL may carry the version; only exact URLs are judged unversioned.
  if (versioning.kind !== 'unversioned' || !folded.exact) return;
  if (/^(s3|s3a|s3n|gs|gcs|az|abfss?|wasbs?):\/\//i.test(folded.value)) {
    ctx.report({ messageId: 'objectStoreUnversioned', data: { url }, range, subject });
    return;
  }
  if (downloader?.hashKw !== undefined && hashArgGiven(call, downloader.hashKw)) return;
  if (downloader && verifiesChecksumNearby(py, call.node)) return;
  ctx.report({ messageId: 'unversionedUrl', data: { url, hashArg: downloader?.hashKw ? `${downloader.hashKw}=...` : 'a sha256 verified after download' }, range, subject });
}

function hashArgGiven(call: ResolvedCall, kw: string): boolean {
  const node = call.args.keywords.get(kw);
  return node !== undefined && node.text !== 'None' && node.text !== 'False';
}

/** hashlib use, or a call to something named like a checksum check, in the same function (or module). */
function verifiesChecksumNearby(py: PythonAnalysis, node: Node): boolean {
  const scope = enclosingFunction(node);
  return py.calls.some((c) => {
    if (scope && enclosingFunction(c.node)?.id !== scope.id) return false;
    if (c.qualified?.startsWith('hashlib.')) return true;
    return /(checksum|sha256|sha1|md5|verify|hash_file|file_hash)/i.test(c.shortName ?? '');
  });
}

function constantArg(py: PythonAnalysis, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const folded = py.fold(node);
  return folded?.exact ? folded.value : undefined;
}

function firstKeyword(call: ResolvedCall, names: readonly string[]): Node | undefined {
  for (const name of names) {
    const node = call.args.keywords.get(name);
    if (node) return node;
  }
  return undefined;
}

/** Folder names that hold local outputs; `outputs/model` is a path, not a hub repo of user "outputs". */
const LOCAL_DIR_NAMES = new Set(['data', 'dataset', 'datasets', 'model', 'models', 'output', 'outputs', 'checkpoint', 'checkpoints', 'ckpt', 'saved', 'saved_models', 'results', 'runs', 'artifacts', 'tmp', 'temp', 'weights', 'experiments', 'logs', 'cache', 'pretrained', 'local', 'exports', 'export']);

/**
 * `name` or `owner/name`, not a path that exists in the project, not relative or absolute, and not a
 * usual local folder name. Models without an owner are legacy canonical ids (`gpt2`, `bert-base-uncased`),
 * which always carry a digit or a hyphen; a bare word such as `finetuned` is more likely a local folder.
 */
function looksLikeHubId(id: string, project: ProjectModel, kind: 'model' | 'dataset'): boolean {
  if (!/^[\w][\w.-]*(\/[\w][\w.-]*)?$/.test(id) || id.endsWith('.py') || id.includes('..')) return false;
  const [first = '', second] = id.split('/');
  if (LOCAL_DIR_NAMES.has(first.toLowerCase())) return false;
  if (second === undefined && kind === 'model' && !/^[a-z0-9]+(-[a-z0-9.]+)*$/i.test(id)) return false;
  if (second === undefined && kind === 'model' && !/[-\d]/.test(id)) return false;
  // The id as the whole path, its start, its end or its middle: as consecutive segments of some path.
  return !projectIndex(project).hasSegmentRun(id);
}

/**
 * classifyUrl, with two more ways a web URL names one version: GitHub release assets
 * (`/releases/download/<tag>/<file>`; urls.ts looks for `releases` two segments before `download` and misses
 * this layout), and a release number in the path (`/data/v2/`, `/v1.1/`) or the file name (`XNLI-1.0.zip`,
 * `aclImdb_v1.tar.gz`). The host could still replace such a file, but "no version" would not be true.
 */
function versioningOf(url: string): UrlVersioning {
  if (/^https?:\/\/github\.com\/[^/]+\/[^/]+\/releases\/download\/[^/*]+\/./i.test(url)) return { kind: 'immutable' };
  const versioning = classifyUrl(url);
  if (versioning.kind !== 'unversioned' || !/^(https?|ftp):\/\//i.test(url)) return versioning;
  const segments = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '').split('/').filter((p) => p !== '');
  const file = segments.pop() ?? '';
  // A first segment (`/v0/b/...`) or one after `api` is an API version, not the data's.
  const released = segments.some((p, i) => i > 0 && segments[i - 1]?.toLowerCase() !== 'api' && /^v\d+(\.\d+)*$/i.test(p)) || /(^|[-_.])v?\d+(\.\d+)+(?=[-_.]|$)|[-_]v\d+(?=[-_.]|$)/i.test(file);
  return released ? { kind: 'immutable' } : versioning;
}

function shorten(url: string): string {
  return url.length > 90 ? `${url.slice(0, 60)}...${url.slice(-25)}` : url;
}

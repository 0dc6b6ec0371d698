// Recognises data downloads in shell commands (wget, curl, gsutil, aws s3, kaggle, huggingface-cli) and checksum checks.
import { isDataExtension } from '../file-kinds.js';
import type { ShellWord } from './shell.js';

/** A download a simple command makes. */
export interface ShellDownload {
  readonly tool: 'wget' | 'curl' | 'gsutil' | 'gcloud' | 'aws' | 'kaggle' | 'huggingface-cli';
  /** `web`: http(s)/ftp; `object-store`: s3://, gs://; `kaggle`, `hub`: an id on those platforms. */
  readonly kind: 'web' | 'object-store' | 'kaggle' | 'hub';
  /** The URL or id, expansions as `*`. */
  readonly source: string;
  /** The word that names the source (for positions). */
  readonly word: ShellWord;
  readonly exact: boolean;
  /** For `web`: the URL's or the output file's name looks like a data or model file. */
  readonly dataLike: boolean;
  /** For `kaggle`, `hub` and `aws s3api`: a version or revision was given. */
  readonly versioned: boolean;
}

const PREFIXES = new Set(['sudo', 'env', 'time', 'nohup', 'exec', 'command', 'xargs']);
/** Text formats that hold data more often than not when downloaded (isDataExtension covers the binary ones). */
const TEXT_DATA_EXTENSIONS = new Set(['data', 'txt', 'json', 'xml', 'arff', 'dat', 'vec', 'conll', 'tsv', 'zst', 'lzma', 'rar', 'pq', 'tif', 'tiff', 'nii', 'dcm']);
/** File names of tools and installers, not data: platform markers, packages, scripts, keys. */
const TOOL_NAME = /(linux|darwin|macos|osx|windows|win(32|64)|amd64|x86_64|x64|aarch64|arm64|armv7|i386|installer|setup|miniconda|anaconda|miniforge|mambaforge|cuda|cudnn)/i;
const TOOL_EXTENSIONS = new Set(['sh', 'bash', 'py', 'deb', 'rpm', 'whl', 'exe', 'msi', 'dmg', 'pkg', 'apk', 'appimage', 'gpg', 'asc', 'key', 'pub', 'pem', 'crt', 'sig', 'sha256', 'md5', 'html', 'htm', 'js', 'css', 'jar']);

/** The simple command with `VAR=x`, `sudo`, `env` and the like taken off its front. */
function commandWords(words: readonly ShellWord[]): ShellWord[] {
  let i = 0;
  while (i < words.length) {
    const value = words[i]?.value ?? '';
    if (/^[A-Za-z_]\w*=/.test(value) || PREFIXES.has(value)) i++;
    else if (value.startsWith('-') && i > 0 && PREFIXES.has(words[i - 1]?.value ?? '')) i++;
    else break;
  }
  return words.slice(i);
}

const base = (value: string): string => value.slice(value.lastIndexOf('/') + 1);

/** The last name segment of a URL path (query and fragment dropped). */
function urlFileName(url: string): string {
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return base(path);
}

function extensions(name: string): string[] {
  const parts = name.toLowerCase().split('.');
  return parts.length > 1 ? parts.slice(1) : [];
}

/** True when a file name looks like data or a model, and not like a tool, installer, script or key. */
export function looksLikeDataFile(name: string): boolean {
  const exts = extensions(name);
  const last = exts[exts.length - 1];
  if (last === undefined || TOOL_EXTENSIONS.has(last) || TOOL_NAME.test(name)) return false;
  return exts.some((e) => isDataExtension(e) || TEXT_DATA_EXTENSIONS.has(e));
}

/** A file of a Hugging Face model or dataset repo (`/resolve/<ref>/...`): weights, data or their config, whatever its name. */
function isHubFile(url: string): boolean {
  if (!/^https?:\/\/(huggingface\.co|hf\.co)\/.+\/resolve\//i.test(url)) return false;
  const last = extensions(urlFileName(url)).pop();
  return last === undefined || !TOOL_EXTENSIONS.has(last);
}

const isUrl = (value: string): boolean => /^(https?|ftp):\/\//i.test(value);
const isObjectStore = (value: string): boolean => /^(s3|s3a|gs):\/\//i.test(value);

/** Short options of curl and wget that take a value, so the value is not read as the URL. */
const CURL_VALUE_SHORT = 'AbcCdDeEFhHKmoPQrTuUwxXyYzt';
const WGET_VALUE_SHORT = 'aAbBDeiIlOoPQRtTUwXY';

interface ParsedOptions {
  readonly options: Map<string, string | true>;
  readonly operands: ShellWord[];
  /** Target of a `>`/`>>` redirection. */
  readonly redirect?: string;
}

/** Reads `-x`, `-xVALUE`, `-abc` clusters, `--name=value` and `--name value` (for `valued` long names). */
function parseOptions(words: readonly ShellWord[], valueShort: string, valuedLong: ReadonlySet<string>): ParsedOptions {
  const options = new Map<string, string | true>();
  const operands: ShellWord[] = [];
  let redirect: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    const v = word.value;
    if (/^\d*>>?$/.test(v)) { redirect = words[++i]?.value; continue; }
    if (/^\d*>>?./.test(v)) { redirect = v.replace(/^\d*>>?&?/, ''); continue; }
    if (v.startsWith('--') && v.length > 2) {
      const eq = v.indexOf('=');
      if (eq !== -1) options.set(v.slice(0, eq), v.slice(eq + 1));
      else options.set(v, valuedLong.has(v) ? (words[++i]?.value ?? '') : true);
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      for (let j = 1; j < v.length; j++) {
        const flag = `-${v.charAt(j)}`;
        if (valueShort.includes(v.charAt(j))) {
          options.set(flag, j + 1 < v.length ? v.slice(j + 1) : (words[++i]?.value ?? ''));
          break;
        }
        options.set(flag, true);
      }
      continue;
    }
    operands.push(word);
  }
  return { options, operands, ...(redirect !== undefined ? { redirect } : {}) };
}

const CURL_VALUED = new Set(['--output', '--request', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--form', '--upload-file', '--header', '--user', '--json', '--output-dir', '--config', '--url', '--retry', '--max-time', '--connect-timeout', '--user-agent', '--cookie', '--proxy', '--cacert', '--cert', '--key']);
const WGET_VALUED = new Set(['--output-document', '--directory-prefix', '--post-data', '--post-file', '--method', '--body-data', '--header', '--user', '--password', '--tries', '--timeout', '--input-file', '--user-agent', '--output-file', '--load-cookies']);

function webDownloads(tool: 'wget' | 'curl', args: readonly ShellWord[]): ShellDownload[] {
  const curl = tool === 'curl';
  const { options, operands, redirect } = parseOptions(args, curl ? CURL_VALUE_SHORT : WGET_VALUE_SHORT, curl ? CURL_VALUED : WGET_VALUED);
  const has = (...names: string[]): boolean => names.some((n) => options.has(n));
  const method = String(options.get('-X') ?? options.get('--request') ?? options.get('--method') ?? 'GET').toUpperCase();
  // Sending data, uploading, asking for headers only: an API call, not a download.
  if (method !== 'GET' || has('-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '-F', '--form', '-T', '--upload-file', '--json', '-I', '--head', '--post-data', '--post-file', '--body-data', '--spider')) return [];
  const output = String((curl ? (options.get('-o') ?? options.get('--output')) : (options.get('-O') ?? options.get('--output-document'))) ?? redirect ?? '');
  const urlWord = options.get('--url');
  const urls = operands.filter((w) => isUrl(w.value));
  if (typeof urlWord === 'string' && isUrl(urlWord) && urls.length === 0) return [];
  return urls.map((word) => ({
    tool, kind: 'web', source: word.value, word, exact: word.exact, versioned: false,
    dataLike: looksLikeDataFile(urlFileName(word.value)) || (output !== '' && output !== '-' && looksLikeDataFile(base(output))) || isHubFile(word.value),
  }));
}

/** `gsutil [-m] cp|rsync [opts] src... dst`, `gcloud storage cp|rsync`, `aws s3 cp|sync src dst`: remote source, local destination. */
function copyDownloads(tool: 'gsutil' | 'gcloud' | 'aws', args: readonly ShellWord[]): ShellDownload[] {
  const operands = args.filter((w) => !w.value.startsWith('-'));
  // `aws s3 cp` options that take values: drop the values so they are not read as paths.
  const valued = new Set(['--profile', '--region', '--endpoint-url', '--exclude', '--include', '--storage-class', '--acl', '--sse', '--cache-control', '--content-type', '-x', '-j', '-J']);
  const kept = operands.filter((w) => {
    const at = args.indexOf(w);
    return !valued.has(args[at - 1]?.value ?? '');
  });
  const dst = kept[kept.length - 1];
  if (kept.length < 2 || !dst || isObjectStore(dst.value) || isUrl(dst.value)) return [];
  return kept.slice(0, -1).filter((w) => isObjectStore(w.value)).map((word) => ({
    tool, kind: 'object-store', source: word.value, word, exact: word.exact, dataLike: !TOOL_EXTENSIONS.has(extensions(urlFileName(word.value)).pop() ?? ''), versioned: false,
  }));
}

/** Downloads made by one simple command (already split at `|`, `&&`, `;`). */
export function shellDownloads(words: readonly ShellWord[]): ShellDownload[] {
  const [head, ...rest] = commandWords(words);
  if (!head) return [];
  const tool = base(head.value);
  if (tool === 'wget' || tool === 'curl') return webDownloads(tool, rest);
  const sub = rest.filter((w) => !w.value.startsWith('-'));
  if (tool === 'gsutil') {
    const at = rest.findIndex((w) => w.value === 'cp' || w.value === 'rsync');
    return at === -1 ? [] : copyDownloads('gsutil', rest.slice(at + 1));
  }
  if (tool === 'gcloud' && sub[0]?.value === 'storage' && (sub[1]?.value === 'cp' || sub[1]?.value === 'rsync')) {
    return copyDownloads('gcloud', rest.slice(rest.indexOf(sub[1]) + 1));
  }
  if (tool === 'aws' && sub[0]?.value === 's3' && (sub[1]?.value === 'cp' || sub[1]?.value === 'sync')) {
    const downloads = copyDownloads('aws', rest.slice(rest.indexOf(sub[1]) + 1));
    const versioned = rest.some((w) => w.value === '--version-id' || w.value.startsWith('--version-id='));
    return downloads.map((d) => ({ ...d, versioned }));
  }
  if (tool === 'aws' && sub[0]?.value === 's3api' && sub[1]?.value === 'get-object') return s3apiDownload(rest);
  if (tool === 'kaggle' && sub[0]?.value === 'datasets' && sub[1]?.value === 'download') return kaggleDownload(rest.slice(rest.indexOf(sub[1]) + 1));
  if ((tool === 'huggingface-cli' || tool === 'hf') && sub[0]?.value === 'download') return hubDownload(rest.slice(rest.indexOf(sub[0]) + 1));
  return [];
}

function s3apiDownload(args: readonly ShellWord[]): ShellDownload[] {
  const value = (name: string): ShellWord | undefined => args[args.findIndex((w) => w.value === name) + 1];
  const bucket = value('--bucket');
  const key = value('--key');
  if (!bucket || !key || args.findIndex((w) => w.value === '--bucket') === -1 || args.findIndex((w) => w.value === '--key') === -1) return [];
  const versioned = args.some((w) => w.value === '--version-id' || w.value.startsWith('--version-id='));
  return [{ tool: 'aws', kind: 'object-store', source: `s3://${bucket.value}/${key.value}`, word: key, exact: bucket.exact && key.exact, dataLike: true, versioned }];
}

function kaggleDownload(args: readonly ShellWord[]): ShellDownload[] {
  const { options, operands } = parseOptions(args, 'dfp', new Set(['--dataset', '--file', '--path']));
  const flagged = args[args.findIndex((w) => w.value === '-d' || w.value === '--dataset') + 1];
  const word = typeof options.get('-d') === 'string' || typeof options.get('--dataset') === 'string' ? flagged : operands[0];
  if (!word || !/^[^/\s]+\/[^/\s]+/.test(word.value)) return [];
  return [{ tool: 'kaggle', kind: 'kaggle', source: word.value, word, exact: word.exact, dataLike: true, versioned: /\/versions\/\d+$/.test(word.value) }];
}

function hubDownload(args: readonly ShellWord[]): ShellDownload[] {
  const { options, operands } = parseOptions(args, '', new Set(['--revision', '--repo-type', '--local-dir', '--cache-dir', '--include', '--exclude', '--token']));
  const word = operands[0];
  if (!word) return [];
  return [{ tool: 'huggingface-cli', kind: 'hub', source: word.value, word, exact: word.exact, dataLike: true, versioned: options.has('--revision') }];
}

const CHECKSUM_TOOLS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum|md5|sha256|cksum)$/;

/**
 * True when a simple command checks a digest: `sha256sum -c`, `md5sum --check`, `shasum -a 256 -c`,
 * `gpg --verify`. `line` is the whole logical line, so `[ "$(sha256sum f | cut -d' ' -f1)" = "$SUM" ]`
 * and `sha256sum f | grep -q <hash>` count as checks too.
 */
export function isChecksumCheck(words: readonly ShellWord[], line: string): boolean {
  const [head, ...rest] = commandWords(words);
  if (!head) return false;
  const tool = base(head.value);
  if (CHECKSUM_TOOLS.test(tool) && rest.some((w) => w.value === '-c' || w.value === '--check' || /^-[a-z]*c[a-z]*$/.test(w.value))) return true;
  if (tool === 'gpg' && rest.some((w) => w.value === '--verify')) return true;
  const digest = /\b(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum)\b/;
  return digest.test(line) && (/\|\s*grep\b/.test(line) || /\s(!?=|==|-eq)\s/.test(line) || /\bcmp\b|\bdiff\b/.test(line));
}

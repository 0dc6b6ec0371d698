// Recognises credentials in text: provider token formats, private keys, passwords in URLs, secret-named high-entropy values.

/** A credential found in a text; offsets are into that text. `value` is the secret itself and must never be printed. */
export interface SecretMatch {
  /** What it is, for messages: `Hugging Face token`. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** For passwords in URLs: the URL with the password replaced by `****`. */
  readonly redacted?: string;
}

interface TokenFormat {
  readonly label: string;
  /** Group 1 is the secret. Global. */
  readonly pattern: RegExp;
  /** The part that must look random (after a fixed prefix), and how random. */
  readonly body?: (secret: string) => string;
  readonly minEntropy?: number;
  /** Real keys of the format mix upper and lower case; slugs and words (`sk-learn-...`) do not. */
  readonly mixed?: boolean;
}

/**
 * Provider formats, most specific first: a text span claimed by one format is not matched again by a later one
 * (an Anthropic `sk-ant-` key is not also an OpenAI `sk-` key).
 */
const FORMATS: readonly TokenFormat[] = [
  { label: 'AWS access key id', pattern: /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g, body: (s) => s.slice(4), minEntropy: 2.8 },
  { label: 'Anthropic API key', pattern: /\b(sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{80,})/g, body: (s) => s.slice(14), minEntropy: 4, mixed: true },
  { label: 'OpenAI-format API key', pattern: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})/g, body: (s) => s.replace(/^sk-(proj-|svcacct-|admin-)?/, ''), minEntropy: 4, mixed: true },
  { label: 'W&B API key', pattern: /\b(wandb_v\d_[A-Za-z0-9_]{40,})/g, body: (s) => s.slice(9), minEntropy: 4, mixed: true },
  { label: 'Hugging Face token', pattern: /\b(hf_[A-Za-z0-9]{34,})\b/g, body: (s) => s.slice(3), minEntropy: 3.8, mixed: true },
  { label: 'GitHub token', pattern: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,})\b/g, body: (s) => s.slice(4), minEntropy: 3.8, mixed: true },
  { label: 'GitHub token', pattern: /\b(github_pat_[A-Za-z0-9_]{60,})\b/g, body: (s) => s.slice(11), minEntropy: 4, mixed: true },
  { label: 'Slack token', pattern: /\b(xox[baprs]-\d{6,}-[A-Za-z0-9-]{8,})/g, body: (s) => s.slice(5), minEntropy: 3 },
  { label: 'Slack webhook URL', pattern: /hooks\.slack\.com\/services\/(T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/g, minEntropy: 3.5 },
  { label: 'Azure storage account key', pattern: /\b(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,}={0,2})/g, minEntropy: 4 },
];

const QUICK = /AKIA|ASIA|sk-|hf_|gh[opusr]_|github_pat_|xox|hooks\.slack|AccessKey=|AccountKey=|PRIVATE KEY|"key"|:\/\/|wandb_v/;
const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
/** `scheme://user:password@host`; the user may be empty (`redis://:pw@host`). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{1,24}):\/\/([^\s:/@'"`]*):([^\s/@'"`]+)@([^\s/?#'"`]+)/gi;
const KAGGLE_JSON = /"key"\s*:\s*"([0-9a-f]{32})"/g;

/** Words that stand in for a real value in docs and templates. */
const PLACEHOLDER = /example|xxxx|your|placeholder|changeme|change_me|dummy|fake|sample|redacted|insert|replace|secret_here|<|>|\{|\}|\*{3}|\.{3}|…|\$/i;
const PLACEHOLDER_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'changeme', 'test', 'testing', 'example', 'user', 'username', 'admin',
  'root', 'postgres', 'mysql', 'guest', 'token', 'apikey', 'api_key', 'key', 'mypassword', 'yourpassword', 'dbpassword', 'foo', 'bar',
  'contraseña', 'passwort', 'motdepasse', 'mot_de_passe', 'senha', 'password123', 'secret123', 'admin123', 'p@ssw0rd', 'passw0rd', 'qwerty',
]);
const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host|hostname|example\.(com|org)|[\w.-]*\.example\.(com|org))(:\d+)?$/i;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A stand-in rather than a credential: template words, `${VAR}`, `<key>`, masks (`***`, `...`), runs of one
 * character (`xxxxxxxx`, `00000000`) and keyboard sequences (`123456`, `abcdef`) that no random key contains.
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value) || /(.)\1{5,}/.test(value)) return true;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** A masked form that is safe to print and to store in a baseline: a few leading characters and the length. */
export function maskSecret(value: string): string {
  const shown = value.length >= 16 ? 4 : value.length >= 10 ? 2 : 0;
  return `${value.slice(0, shown)}…(${value.length} chars)`;
}

const mixedCase = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s);

/** Provider tokens, private keys, Kaggle JSON and (unless `tokensOnly`) passwords in URLs, anywhere in a text. */
export function findSecrets(text: string, options: { tokensOnly?: boolean } = {}): SecretMatch[] {
  // One cheap test first: almost every string in a repository holds none of the markers.
  if (!QUICK.test(text)) return [];
  const found: SecretMatch[] = [];
  const claimed = (start: number, end: number): boolean => found.some((f) => start < f.end && f.start < end);
  for (const format of FORMATS) {
    for (const m of text.matchAll(format.pattern)) {
      const secret = m[1] ?? '';
      const start = (m.index) + m[0].indexOf(secret);
      const end = start + secret.length;
      if (claimed(start, end) || isPlaceholder(secret)) continue;
      const body = format.body ? format.body(secret) : secret;
      if (entropy(body) < (format.minEntropy ?? 3) || (format.mixed === true && !mixedCase(body))) continue;
      found.push({ label: format.label, start, end, value: secret });
    }
  }
  for (const m of text.matchAll(PRIVATE_KEY)) {
    // The header alone is how code recognises keys; a leak has key material after it.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 400).replace(/\\n|\\r|\s|["'+]/g, '');
    const material = /^(?:[A-Za-z-]+:[^\n]*)?([A-Za-z0-9+/=]{64,})/.exec(after)?.[1];
    if (material === undefined || isPlaceholder(material.slice(0, 64)) || entropy(material.slice(0, 64)) < 4) continue;
    found.push({ label: m[1]?.startsWith('PGP') === true ? 'PGP private key' : 'private key', start: m.index, end: m.index + m[0].length, value: material });
  }
  for (const m of text.matchAll(KAGGLE_JSON)) {
    const secret = m[1] ?? '';
    const near = text.slice(Math.max(0, m.index - 200), m.index + m[0].length + 200);
    if (!/"username"\s*:/.test(near) || isPlaceholder(secret) || entropy(secret) < 3) continue;
    const start = m.index + m[0].indexOf(secret);
    if (!claimed(start, start + secret.length)) found.push({ label: 'Kaggle API key', start, end: start + secret.length, value: secret });
  }
  if (options.tokensOnly !== true) {
    for (const m of text.matchAll(URL_PASSWORD)) {
      const [, scheme = '', user = '', password = '', host = ''] = m;
      if (!isRealPassword(password, user, host)) continue;
      const start = m.index + scheme.length + 3 + user.length + 1;
      if (claimed(start, start + password.length)) continue;
      found.push({ label: 'password in a connection URL', start, end: start + password.length, value: password, redacted: `${scheme}://${user}:****@${host}` });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isRealPassword(password: string, user: string, host: string): boolean {
  if (password.length < 4 || password === user || PLACEHOLDER_PASSWORDS.has(password.toLowerCase())) return false;
  // `%s`, `%(pw)s`, `$PW`, `{pw}`, `<password>` and `***` are filled in at run time.
  if (isPlaceholder(password) || /^%|%\(|\$\(|^\{\{/.test(password)) return false;
  // Local development databases (docker-compose defaults) are not shared credentials.
  return !LOCAL_HOSTS.test(host);
}

const SECRET_PARTS = new Set(['secret', 'secrets', 'password', 'passwd', 'passphrase', 'pwd', 'token', 'apikey', 'credential', 'credentials', 'auth', 'accesskey', 'privatekey', 'secretkey']);
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'account key', 'client secret', 'auth token', 'master key', 'signing key']);
/** Parts that make a secret-looking name about something else: `tokenizer`, `token_type`, `password_file`, `max_tokens`. */
const OTHER_PARTS = new Set([
  'tokenizer', 'tokens', 'type', 'types', 'path', 'paths', 'file', 'filename', 'dir', 'name', 'names', 'url', 'uri', 'endpoint', 'env', 'var',
  'field', 'header', 'length', 'len', 'count', 'num', 'max', 'min', 'size', 'limit', 'prefix', 'suffix', 'pattern', 'regex', 'format',
  'template', 'example', 'placeholder', 'location', 'id', 'ids', 'idx', 'index', 'bos', 'eos', 'pad', 'unk', 'sep', 'cls', 'mask',
  'special', 'expiry', 'expires', 'ttl', 'hash', 'salt', 'policy', 'method', 'mode', 'scheme', 'provider', 'required', 'enabled',
  'ref', 'arn', 'version', 'kind', 'label', 'help', 'description', 'doc', 'msg', 'message', 'level', 'dim', 'embedding', 'embeddings',
  'sha', 'commit', 'revision', 'checksum', 'digest', 'md5', 'sha1', 'sha256', 'fingerprint', 'public',
]);

/** Lower-case parts of an identifier or key: `awsSecretAccessKey`, `AWS_SECRET_ACCESS_KEY` and `aws-secret` alike. */
export function nameParts(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter((p) => p !== '');
}

/** True for a name that holds a credential (`api_key`, `HF_TOKEN`, `db_password`), not one about credentials. */
export function isSecretName(name: string): boolean {
  const parts = nameParts(name);
  if (parts.some((p) => OTHER_PARTS.has(p))) return false;
  if (parts.some((p) => SECRET_PARTS.has(p))) return true;
  return parts.some((p, i) => SECRET_PAIRS.has(`${p} ${parts[i + 1] ?? ''}`));
}

/**
 * A value assigned to a name, judged by the name: W&B and Kaggle keys by their fixed formats under a wandb- or
 * kaggle-named key, AWS secret keys under an AWS secret name, and any other random-looking value of 20 or more
 * characters under a secret-like name.
 */
export function secretByName(name: string, value: string): Omit<SecretMatch, 'start' | 'end'> | undefined {
  const parts = nameParts(name);
  if (value.length < 20 || /\s/.test(value) || isPlaceholder(value)) return undefined;
  if (parts.includes('wandb') && parts.some((p) => p === 'key' || p === 'apikey' || p === 'api')) {
    return /^[0-9a-f]{40}$/.test(value) && entropy(value) >= 3.2 ? { label: 'W&B API key', value } : undefined;
  }
  if (parts.includes('kaggle') && parts.includes('key')) return /^[0-9a-f]{32}$/.test(value) && entropy(value) >= 3.2 ? { label: 'Kaggle API key', value } : undefined;
  if (!isSecretName(name)) return undefined;
  if (parts.includes('aws') && /^[A-Za-z0-9/+]{40}$/.test(value) && entropy(value) >= 4) return { label: 'AWS secret access key', value };
  // Paths, URLs, dotted names and words are not keys; a random key mixes letters and digits.
  if (/:\/\/|^[./~]|^[\w-]+(\.[\w-]+)+$/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return undefined;
  const hex = /^[0-9a-f]+$/i.test(value);
  return entropy(value) >= (hex ? 3.2 : 3.7) ? { label: 'secret', value } : undefined;
}

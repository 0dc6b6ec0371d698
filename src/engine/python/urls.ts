// Tells whether a remote data location names one immutable version, a mutable ref, or nothing at all.
export type UrlVersioning =
  | { readonly kind: 'immutable' }
  | { readonly kind: 'mutable-ref'; readonly ref: string }
  | { readonly kind: 'unversioned' }
  | { readonly kind: 'not-remote' };

const MUTABLE_REFS = ['master', 'main', 'develop', 'dev', 'trunk', 'HEAD', 'latest', 'nightly', 'stable'];
const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Object stores and web URLs; `file://` and local paths are not remote. */
export function isRemote(location: string): boolean {
  return /^(https?|ftp|s3|s3a|s3n|gs|gcs|az|abfss?|wasbs?|hf|oci):\/\//i.test(location);
}

/**
 * Classifies a remote location. Only the known parts of a folded string should be passed: a `*` stands
 * for an unknown part and never counts as a version.
 */
export function classifyUrl(location: string): UrlVersioning {
  if (!isRemote(location)) return { kind: 'not-remote' };
  let url: URL;
  try {
    url = new URL(location.replace(/\*/g, 'x'));
  } catch {
    return { kind: 'unversioned' };
  }
  const scheme = url.protocol.replace(':', '').toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s.length > 0).map(safeDecode);
  const query = url.searchParams;
  if (segments.some((s) => SHA.test(s))) return { kind: 'immutable' };
  if (['s3', 's3a', 's3n'].includes(scheme) || /\.s3[.-]([\w-]+\.)?amazonaws\.com$/.test(url.hostname)) {
    return query.has('versionId') ? { kind: 'immutable' } : { kind: 'unversioned' };
  }
  if (scheme === 'gs' || scheme === 'gcs' || url.hostname === 'storage.googleapis.com') {
    return url.hash.startsWith('#') && /^#\d+$/.test(url.hash) ? { kind: 'immutable' } : query.has('generation') ? { kind: 'immutable' } : { kind: 'unversioned' };
  }
  const host = url.hostname.toLowerCase();
  if (host === 'zenodo.org' && /^(records?|record)$/.test(segments[0] ?? '')) return { kind: 'immutable' };
  if (host === 'doi.org' || host.endsWith('.doi.org') || host === 'ipfs.io' || host.endsWith('.ipfs.dweb.link')) return { kind: 'immutable' };
  if (host === 'raw.githubusercontent.com') {
    // /owner/repo/<ref>/path or /owner/repo/refs/heads/<branch>/path
    const ref = segments[2] === 'refs' && segments[3] === 'heads' ? (segments[4] ?? '') : (segments[2] ?? '');
    return refVersioning(ref, segments[2] === 'refs' && segments[3] === 'heads');
  }
  if (host === 'github.com' || host === 'gitlab.com') {
    const blob = segments.findIndex((s) => s === 'raw' || s === 'blob');
    if (blob !== -1) return refVersioning(segments[blob + 1] === 'refs' ? (segments[blob + 3] ?? '') : (segments[blob + 1] ?? ''), false);
    const download = segments.indexOf('download');
    if (segments[download - 1] === 'latest') return { kind: 'mutable-ref', ref: 'latest' };
    if (download !== -1 && segments[download - 1] === 'releases') return { kind: 'immutable' };
    return { kind: 'unversioned' };
  }
  if (host === 'huggingface.co' || host.endsWith('.huggingface.co') || host === 'hf.co') {
    const resolve = segments.findIndex((s) => s === 'resolve' || s === 'raw' || s === 'blob');
    if (resolve !== -1) return refVersioning(segments[resolve + 1] ?? '', false);
    return { kind: 'unversioned' };
  }
  const mutable = segments.find((s) => MUTABLE_REFS.includes(s) && s !== 'stable' && s !== 'dev');
  if (mutable !== undefined && (mutable === 'latest' || mutable === 'nightly')) return { kind: 'mutable-ref', ref: mutable };
  return { kind: 'unversioned' };
}

function refVersioning(ref: string, explicitBranch: boolean): UrlVersioning {
  if (SHA.test(ref)) return { kind: 'immutable' };
  if (explicitBranch || MUTABLE_REFS.includes(ref)) return { kind: 'mutable-ref', ref };
  // A tag such as v1.2.0 names one version in practice, though git tags can move.
  if (/^v?\d+(\.\d+)*([-.]?\w+)?$/.test(ref)) return { kind: 'immutable' };
  return { kind: 'mutable-ref', ref };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

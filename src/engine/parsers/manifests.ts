// Dispatches a dependency manifest to its parser by file kind.
import type { TextDocument } from '../text.js';
import type { FileKind } from '../types.js';
import { parseCondaEnvironment } from './conda-env.js';
import type { Manifest } from './manifest-types.js';
import { parsePipfile } from './pipfile.js';
import { parsePyproject } from './pyproject.js';
import { parseRequirements } from './requirements.js';
import { parseSetupCfg } from './setup-cfg.js';

/** Parses a manifest file; undefined for kinds that are not manifests. */
export function parseManifest(path: string, kind: FileKind, doc: TextDocument): Manifest | undefined {
  switch (kind) {
    case 'requirements':
      return parseRequirements(path, doc);
    case 'pyproject':
      return parsePyproject(path, doc);
    case 'conda-env':
      return parseCondaEnvironment(path, doc);
    case 'pipfile':
      return parsePipfile(path, doc);
    case 'setup-cfg':
      return parseSetupCfg(path, doc);
    default:
      return undefined;
  }
}

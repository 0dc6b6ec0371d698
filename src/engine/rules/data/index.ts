// The data-dependency rules.
import type { ProjectRule, Rule } from '../../rule.js';
import dataPathUnversioned from './data-path-unversioned.js';
import dvcMetadataNotCommitted from './dvc-metadata-not-committed.js';
import dvcRemoteMissing from './dvc-remote-missing.js';
import largeArtifactInGit from './large-artifact-in-git.js';
import remoteDataUnpinned from './remote-data-unpinned.js';

export const DATA_RULES: readonly (Rule | ProjectRule)[] = [remoteDataUnpinned, dataPathUnversioned, largeArtifactInGit, dvcMetadataNotCommitted, dvcRemoteMissing];

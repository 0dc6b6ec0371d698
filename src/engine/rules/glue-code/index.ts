// The glue-code rules: pipeline jungles, prototype code and dead experimental paths.
import type { ProjectRule, Rule } from '../../rule.js';
import experimentFlagDeadBranch from './experiment-flag-dead-branch.js';
import parallelFileVariants from './parallel-file-variants.js';
import pipelineImplicitHandoff from './pipeline-implicit-handoff.js';
import prototypeImportedInProduction from './prototype-imported-in-production.js';

export const GLUE_CODE_RULES: readonly (Rule | ProjectRule)[] = [experimentFlagDeadBranch, parallelFileVariants, pipelineImplicitHandoff, prototypeImportedInProduction];

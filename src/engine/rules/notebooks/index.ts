// The notebook rules.
import type { ProjectRule, Rule } from '../../rule.js';
import notebookHiddenState from './notebook-hidden-state.js';
import notebookInPipeline from './notebook-in-pipeline.js';
import notebookOutOfOrderExecution from './notebook-out-of-order-execution.js';
import notebookOutputsCommitted from './notebook-outputs-committed.js';

export const NOTEBOOK_RULES: readonly (Rule | ProjectRule)[] = [notebookHiddenState, notebookInPipeline, notebookOutOfOrderExecution, notebookOutputsCommitted];

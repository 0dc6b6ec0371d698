// data-validation-missing: the project reads datasets, and nothing anywhere checks them against a schema or expectations.
import { inFolders, isAuxiliary, isTemplated, isTrainingScript, isVendored, PROTOTYPE_FOLDERS } from '../../analyses/code-areas.js';
import { baseName, extensionOf } from '../../file-kinds.js';
import type { FileFacts } from '../../facts.js';
import type { ProjectModel } from '../../project.js';
import { defineProjectRule } from '../../rule.js';
import type { Range, RelatedLocation } from '../../types.js';

const messages = {
  missing: "{file} reads {what}, but nothing in the project validates data: no pandera or Great Expectations schema, no TFDV, no record model, no validation stage. Check the columns, types and ranges where the data comes in.",
} as const;

/** Readers of tables and records; model weights, images and arrays saved by the project itself are not ingested datasets. */
const TABLE_READERS = /^(pandas|polars|dask\.dataframe|pyarrow\.(parquet|feather))\.|^numpy\.(loadtxt|genfromtxt)$|^datasets\.load_from_disk$/;
const RECORD_EXTENSIONS = new Set(['csv', 'tsv', 'jsonl', 'ndjson', 'xml', 'parquet', 'feather', 'arrow', 'avro', 'xlsx', 'xls']);
/** Files and folders that only exist where data is validated. */
const VALIDATION_PATHS = /(^|\/)(great_expectations|gx|expectations)\/|(^|\/)schema\.pbtxt$|\.expectations\.json$|(^|\/)(data_validation|validate_data|data_checks?|check_data|data_quality|data_contracts?|data_schema|schemas?)\.(py|ya?ml|json)$/i;
/** Pipeline stages that validate data by name. */
const VALIDATION_STAGE = /valid|check|expect|quality|schema|sanity/i;

interface Ingest {
  readonly file: string;
  readonly what: string;
  readonly range: Range;
  readonly cell?: number;
  readonly rank: number;
}

export default defineProjectRule<keyof typeof messages>({
  id: 'data-validation-missing',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds projects whose code reads datasets (tables, records, hub datasets) while no file validates data: no pandera, Great Expectations, TFDV, deepchecks or pydantic records, no data-frame assertions, no validation stage.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Data 1, feature expectations are captured in a schema', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
    { title: 'Polyzotis et al., Data Validation for Machine Learning (MLSys 2019)' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline', 'dataIo'],
  checkProject(ctx) {
    if (validatedByLayout(ctx.project)) return;
    const ingests: Ingest[] = [];
    for (const [path, facts] of ctx.facts) {
      const outline = facts.outline;
      if (!outline) continue;
      if (outline.validation.length > 0) return;
      if (!path.endsWith('.py') || outline.roles.includes('test')) continue;
      if (isTemplated(path) || isVendored(path) || inFolders(path, PROTOTYPE_FOLDERS) || (isAuxiliary(path) && !inFolders(path, ['scripts']))) continue;
      ingests.push(...ingestsOf(path, facts));
    }
    // Training scripts first, then pipeline steps, then any other code; in each, training data first, then the first read.
    ingests.sort((a, b) => a.rank - b.rank || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line);
    const [first, ...rest] = ingests;
    if (!first) return;
    const related: RelatedLocation[] = rest.filter((r) => r.file !== first.file).slice(0, 3).map((r) => ({ file: r.file, range: r.range, ...(r.cell === undefined ? {} : { cell: r.cell }), message: `also reads ${r.what} unchecked` }));
    ctx.report({ messageId: 'missing', data: { file: first.file, what: first.what }, file: first.file, range: first.range, subject: 'data validation', ...(related.length > 0 ? { related } : {}) });
  },
});

function ingestsOf(path: string, facts: FileFacts): Ingest[] {
  const roles = facts.outline?.roles ?? [];
  const rank = isTrainingScript(path, roles, facts.imports) ? 0 : roles.includes('pipeline') ? 1 : 2;
  const out: Ingest[] = [];
  for (const access of facts.dataIo ?? []) {
    if (access.mode !== 'read') continue;
    const ext = extensionOf(access.path.replace(/\.(gz|bz2|zip|xz)$/i, ''));
    const table = TABLE_READERS.test(access.via) || (access.via === 'open' && RECORD_EXTENSIONS.has(ext));
    if (!table) continue;
    // Within a rank, training data (`train.csv`, `data/train/`) is the read a reader recognises first.
    out.push({ file: path, what: `'${access.path}'`, range: access.range, rank: rank * 2 + (/train/i.test(access.path) ? 0 : 1), ...(access.cell === undefined ? {} : { cell: access.cell }) });
  }
  for (const ingest of facts.outline?.ingests ?? []) {
    out.push({ file: path, what: ingest.dataset === undefined ? `a dataset through ${ingest.via}` : `the dataset '${ingest.dataset}'`, range: ingest.range, rank: rank * 2 + 1, ...(ingest.cell === undefined ? {} : { cell: ingest.cell }) });
  }
  return out;
}

/** Validation the project keeps outside Python: expectation suites, TFDV schemas, validation stages in DVC pipelines. */
function validatedByLayout(project: ProjectModel): boolean {
  if (project.files.some((f) => VALIDATION_PATHS.test(f.path) && !baseName(f.path).startsWith('.'))) return true;
  return project.dvc.pipelines.some((p) => p.stages.some((s) => VALIDATION_STAGE.test(s.name)));
}

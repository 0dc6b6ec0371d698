// Which files a Python file reads and writes, where the path folds to a constant: readers, writers, open() modes.
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parsers/python.js';
import type { PythonAnalysis, ResolvedCall } from '../python/analysis.js';
import type { Range } from '../types.js';

export interface DataAccess {
  readonly mode: 'read' | 'write';
  /** The folded path as written (relative paths are relative to where the code runs, usually the project root). */
  readonly path: string;
  /** False when part of the path was unknown and stands as `*`. */
  readonly exact: boolean;
  /** The call that reads or writes (`pandas.read_csv`, `to_parquet`, `open`). */
  readonly via: string;
  /** The path argument, in the coordinates of the file's Python text (a notebook's virtual text). */
  readonly range: Range;
}

/** Module functions that read the file named by their first argument (or the given keyword). */
const READERS: ReadonlyMap<string, string> = new Map([
  ...['read_csv', 'read_table', 'read_parquet', 'read_json', 'read_excel', 'read_feather', 'read_pickle', 'read_orc', 'read_fwf', 'read_hdf', 'read_stata', 'read_sas', 'read_spss', 'read_xml'].map((n) => [`pandas.${n}`, 'filepath_or_buffer'] as const),
  ...['read_csv', 'read_parquet', 'read_json', 'read_ndjson', 'read_ipc', 'read_excel', 'read_avro', 'scan_csv', 'scan_parquet', 'scan_ndjson', 'scan_ipc'].map((n) => [`polars.${n}`, 'source'] as const),
  ...['load', 'loadtxt', 'genfromtxt', 'fromfile'].map((n) => [`numpy.${n}`, 'file'] as const),
  ['joblib.load', 'filename'],
  ['torch.load', 'f'],
  ['pyarrow.parquet.read_table', 'source'],
  ['pyarrow.feather.read_table', 'source'],
  ['datasets.load_from_disk', 'dataset_path'],
  ['h5py.File', 'name'],
  ['cv2.imread', 'filename'],
  ['PIL.Image.open', 'fp'],
  ['tensorflow.keras.models.load_model', 'filepath'],
  ['keras.models.load_model', 'filepath'],
  ['safetensors.torch.load_file', 'filename'],
  ['dask.dataframe.read_csv', 'urlpath'],
  ['dask.dataframe.read_parquet', 'path'],
]);

/** Module functions that write the file named by their second argument (`dump(obj, path)`). */
const WRITERS_SECOND: ReadonlyMap<string, string> = new Map([
  ['joblib.dump', 'filename'],
  ['torch.save', 'f'],
  ['safetensors.torch.save_file', 'filename'],
]);
const WRITERS_FIRST: ReadonlyMap<string, string> = new Map([
  ['numpy.save', 'file'],
  ['numpy.savez', 'file'],
  ['numpy.savez_compressed', 'file'],
  ['numpy.savetxt', 'fname'],
]);
/** Methods that write their first argument, whatever the object (`df.to_csv(path)`). */
const WRITER_METHODS = new Set(['to_csv', 'to_parquet', 'to_json', 'to_pickle', 'to_feather', 'to_excel', 'to_hdf', 'to_orc', 'write_csv', 'write_parquet', 'write_json', 'write_ndjson', 'save_to_disk']);

/** Every constant-path read and write in a file, in document order. */
export function dataAccesses(py: PythonAnalysis): DataAccess[] {
  const out: DataAccess[] = [];
  const add = (mode: DataAccess['mode'], node: Node | undefined, via: string): void => {
    if (!node) return;
    const folded = py.fold(node);
    if (!folded || folded.value === '' || folded.value === '*') return;
    out.push({ mode, path: folded.value, exact: folded.exact, via, range: nodeRange(node) });
  };
  for (const call of py.calls) {
    const q = call.qualified;
    if (q !== undefined) {
      const readKw = READERS.get(q);
      if (readKw !== undefined) {
        add('read', call.args.positional[0] ?? call.args.keywords.get(readKw), q);
        continue;
      }
      const second = WRITERS_SECOND.get(q);
      if (second !== undefined) {
        add('write', call.args.positional[1] ?? call.args.keywords.get(second), q);
        continue;
      }
      const first = WRITERS_FIRST.get(q);
      if (first !== undefined) {
        add('write', call.args.positional[0] ?? call.args.keywords.get(first), q);
        continue;
      }
    }
    if (call.shortName === 'open' && !call.isMethod && q === undefined) {
      addOpen(call, add);
      continue;
    }
    if (call.isMethod && call.shortName !== undefined && WRITER_METHODS.has(call.shortName)) {
      add('write', call.args.positional[0] ?? call.args.keywords.get('path') ?? call.args.keywords.get('path_or_buf'), call.shortName);
    }
  }
  return out;
}

/** The builtin `open(path, mode)`: reads unless the mode writes, appends or creates. */
function addOpen(call: ResolvedCall, add: (mode: DataAccess['mode'], node: Node | undefined, via: string) => void): void {
  const modeNode = call.args.positional[1] ?? call.args.keywords.get('mode');
  const mode = modeNode ? /^[rbuf]*['"]([a-z+]*)['"]$/i.exec(modeNode.text)?.[1] : 'r';
  if (mode === undefined) return;
  add(/[wax+]/.test(mode) ? 'write' : 'read', call.args.positional[0] ?? call.args.keywords.get('file'), 'open');
}

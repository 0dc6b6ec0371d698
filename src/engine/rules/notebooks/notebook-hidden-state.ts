// notebook-hidden-state: a cell uses a name that only a cell further down defines, so the notebook works only when run out of order.
import { cellHeadRange } from '../../analyses/notebook-cells.js';
import { notebookNames, type NameDef, type NameUse } from '../../analyses/notebook-names.js';
import type { NotebookMap } from '../../parsers/notebook.js';
import { defineRule } from '../../rule.js';
import type { TextDocument } from '../../text.js';
import type { Range } from '../../types.js';

const messages = {
  usedBeforeDefined: "'{name}' is used here, but no cell above defines it; cell {defCell} below does. Run top to bottom, this cell fails with NameError: the notebook depends on cells running out of order. Move the definition up.",
} as const;

type Id = keyof typeof messages;

/** Python's builtins and the names IPython puts in every kernel: always defined. */
const ALWAYS_DEFINED = new Set([
  ...'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip'.split(' '),
  ...'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError'.split(' '),
  // IPython's namespace: display(), the kernel handle, input/output history.
  'display', 'get_ipython', 'In', 'Out', 'unicode', 'basestring', 'xrange', 'long', 'raw_input', 'reload', 'file', 'unichr', 'cmp', 'execfile', 'reduce',
]);

/** `_`, `__`, `_i3`, `_12`, `_oh` and dunders (`__name__`) are IPython history or interpreter names. */
const IPYTHON_NAME = /^_{1,3}$|^_(?:i{1,3}|ii?\d*|\d+|ih|oh|dh|exit_code)$|^__\w+__$/;

export default defineRule<Id>({
  id: 'notebook-hidden-state',
  category: 'notebooks',
  defaultSeverity: 'error',
  profileSeverity: { prototype: 'warning' },
  status: 'stable',
  description: 'Finds names a notebook cell uses at the top level before any cell above defines them, while a cell further down does: the notebook depends on state from an out-of-order run and fails when run top to bottom.',
  messages,
  references: [
    { title: 'Pimentel, Murta, Braganholo, Freire, A Large-scale Study about Quality and Reproducibility of Jupyter Notebooks (MSR 2019)' },
    { title: 'Macke et al., Fine-Grained Lineage for Safer Notebook Interactions (NBSafety, VLDB 2021)', url: 'https://arxiv.org/abs/2012.06981' },
  ],
  fileKinds: ['notebook'],
  check(ctx) {
    const nb = ctx.file.notebook;
    const py = ctx.file.python;
    if (!nb || !py) return;
    const names = notebookNames(py, nb.notebook, nb.doc);
    if (names.dynamic !== undefined) return;
    const reported = new Set<string>();
    for (const use of names.uses) {
      if (reported.has(use.name) || ALWAYS_DEFINED.has(use.name) || IPYTHON_NAME.test(use.name) || names.unsure.has(use.name)) continue;
      // A star import above may bind any name.
      if (names.starImports.some((at) => at < use.start)) continue;
      const defs = names.defs.get(use.name) ?? [];
      if (defs.some((d) => definedBefore(d, use))) continue;
      const later = defs.find((d) => d.cell > use.cell);
      if (!later) continue;
      reported.add(use.name);
      const range = cellRange(nb.doc, nb.map, use) ?? { cell: use.cell, range: cellHeadRange(nb.notebook.cells[use.cell]?.source ?? '') };
      const defRange = cellRange(nb.doc, nb.map, later);
      ctx.report({
        messageId: 'usedBeforeDefined',
        data: { name: use.name, defCell: later.cell + 1 },
        cell: range.cell,
        range: range.range,
        subject: use.name,
        ...(defRange ? { related: [{ file: ctx.file.path, cell: defRange.cell, range: defRange.range, message: `'${use.name}' is defined here` }] } : {}),
      });
    }
  },
});

/** Defined above the use, or anywhere in the loop the use sits in (an earlier pass of the loop ran it). */
function definedBefore(def: NameDef, use: NameUse): boolean {
  if (def.effective <= use.start) return true;
  return use.loop !== undefined && def.start >= use.loop.start && def.start < use.loop.end;
}

function cellRange(doc: TextDocument, map: NotebookMap, site: { start: number; end: number }): { cell: number; range: Range } | undefined {
  return map.rangeToCell(doc.rangeOf(site.start, site.end));
}

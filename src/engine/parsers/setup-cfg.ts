// Parses setuptools' setup.cfg (install_requires, extras_require, metadata name) into a Manifest with exact source ranges.
import type { TextDocument } from '../text.js';
import type { DependencySpec, Manifest, ManifestInclude, ParseProblem } from './manifest-types.js';
import { isDevGroupName, linearMap, parseRequirementString, toDependency, type DependencyContext } from './requirements.js';

/** One line's share of an INI value: its trimmed text and where that text starts in the document. */
interface ValuePiece {
  readonly text: string;
  readonly offset: number;
}

interface IniValue {
  readonly section: string;
  readonly key: string;
  readonly pieces: ValuePiece[];
  /** True when the value continues on indented lines, which setuptools reads one item per line. */
  multiline: boolean;
}

/** Reads INI the way configparser does: `#`/`;` comment lines, indented continuation lines, keys folded to lower case. */
function readIni(doc: TextDocument, problems: ParseProblem[]): IniValue[] {
  const values: IniValue[] = [];
  let section = '';
  let current: IniValue | undefined;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    const base = doc.offsetAt({ line, column: 0 });
    const trimmed = text.trim();
    if (trimmed === '' || /^[#;]/.test(trimmed)) continue;
    const indent = text.length - text.trimStart().length;
    if (indent > 0 && current) {
      current.pieces.push({ text: trimmed, offset: base + indent });
      current.multiline = true;
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(text);
    if (header?.[1] !== undefined) {
      section = header[1].trim().toLowerCase();
      current = undefined;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*/.exec(text);
    if (kv?.[1] === undefined) {
      problems.push({ message: `Not an INI key or section: ${trimmed}`, range: doc.lineRange(line) });
      current = undefined;
      continue;
    }
    current = { section, key: kv[1].trim().toLowerCase(), pieces: [], multiline: false };
    const rest = text.slice(kv[0].length).trimEnd();
    if (rest !== '') current.pieces.push({ text: rest, offset: base + kv[0].length });
    values.push(current);
  }
  return values;
}

/** Splits a value into items as setuptools does: one per line, or by `;` when the value is on the key line alone. */
function items(value: IniValue): ValuePiece[] {
  if (value.multiline) return value.pieces;
  const out: ValuePiece[] = [];
  for (const piece of value.pieces) {
    let at = 0;
    for (const part of piece.text.split(';')) {
      const lead = part.length - part.trimStart().length;
      if (part.trim() !== '') out.push({ text: part.trim(), offset: piece.offset + at + lead });
      at += part.length + 1;
    }
  }
  return out;
}

/**
 * Parses a setup.cfg. `[options] install_requires` are runtime dependencies, `[options.extras_require]` optional
 * (dev for extras named like dev/test/docs), `tests_require` dev. Never throws.
 */
export function parseSetupCfg(file: string, doc: TextDocument): Manifest {
  const problems: ParseProblem[] = [];
  const dependencies: DependencySpec[] = [];
  const includes: ManifestInclude[] = [];
  let projectName: string | undefined;
  const add = (value: IniValue, ctx: DependencyContext) => {
    for (const item of items(value)) {
      if (item.text.startsWith('#')) continue;
      // `file: a.txt, b.txt` (setuptools >= 62.6) reads the list from requirements files.
      const fileDirective = /^file:\s*/.exec(item.text);
      if (fileDirective) {
        let at = item.offset + fileDirective[0].length;
        for (const part of item.text.slice(fileDirective[0].length).split(',')) {
          const path = part.trim();
          const start = at + part.length - part.trimStart().length;
          if (path !== '') includes.push({ path, kind: 'requirements', range: doc.rangeOf(start, start + path.length) });
          at += part.length + 1;
        }
        continue;
      }
      const req = parseRequirementString(item.text);
      if (req) dependencies.push(toDependency(req, doc, linearMap(item.offset), ctx));
      else problems.push({ message: `Not a valid requirement: ${item.text}`, range: doc.rangeOf(item.offset, item.offset + item.text.length) });
    }
  };
  for (const value of readIni(doc, problems)) {
    // setuptools accepts `install-requires` as a deprecated spelling of `install_requires`.
    const option = value.key.replace(/-/g, '_');
    if (value.section === 'metadata' && option === 'name') projectName = value.pieces[0]?.text;
    else if (value.section === 'options' && option === 'install_requires') add(value, { group: 'runtime' });
    else if (value.section === 'options' && option === 'tests_require') add(value, { group: 'dev', groupName: 'tests' });
    else if (value.section === 'options.extras_require') {
      add(value, { group: isDevGroupName(value.key) ? 'dev' : 'optional', groupName: value.key });
    }
  }
  return {
    kind: 'setup-cfg', file, dependencies, includes, problems, tools: ['setuptools'],
    buildsPackage: projectName !== undefined, projectName, generatedLock: false,
  };
}

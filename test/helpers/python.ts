// Test helper: one tree-sitter Python parser per test process, loaded from node_modules.
import { PythonParser } from '../../src/engine/parsers/python';
import { readGrammarBinaries } from '../../src/node/grammar';

let parser: Promise<PythonParser> | undefined;

export function pythonParser(): Promise<PythonParser> {
  parser ??= PythonParser.load(readGrammarBinaries(__dirname));
  return parser;
}

// Tests for shell lexing (words, script lines, Makefile recipes, notebook `!` lines) and download recognition.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makefileRecipes, notebookShellLines, scriptLines, searchedLine, ShellVariables, shellWords, type ShellDialect } from '../../../src/engine/parsers/shell.js';
import { isChecksumCheck, looksLikeDataFile, shellDownloads } from '../../../src/engine/parsers/shell-downloads.js';

const values = (command: string, dialect?: ShellDialect): string[] => shellWords(command, dialect).map((w) => w.value);
const downloads = (command: string, dialect?: ShellDialect): string[] =>
  shellDownloads(shellWords(command, dialect)).map((d) => `${d.tool} ${d.kind} ${d.source}${d.exact ? '' : ' ~'}${d.dataLike ? '' : ' not-data'}${d.versioned ? ' versioned' : ''}`);

describe('shellWords', () => {
  test('removes quotes and escapes as the shell does', () => {
    assert.deepEqual(values(`wget -O "a b.csv" 'c d' e\\ f "x\\"y" 'it''s'`), ['wget', '-O', 'a b.csv', 'c d', 'e f', 'x"y', 'its']);
  });

  test('marks expansions unknown, but not inside single quotes', () => {
    const words = shellWords(`curl "$BASE/x.csv" '$LITERAL' \${A}b $(date) \`id\``);
    assert.deepEqual(words.map((w) => [w.value, w.exact]), [['curl', true], ['*/x.csv', false], ['$LITERAL', true], ['*b', false], ['*', false], ['*', false]]);
  });

  test('keeps offsets of the words as written', () => {
    const command = 'wget  "https://x.org/a.csv"';
    const [, url] = shellWords(command);
    assert.equal(command.slice(url?.start, url?.end), '"https://x.org/a.csv"');
  });

  test('make expands every $, even in single quotes; IPython expands {expr}', () => {
    assert.deepEqual(values(`wget '$(URL)/a.csv' $$HOME`, 'make'), ['wget', '*/a.csv', '*']);
    assert.deepEqual(values(`wget {base}/a.csv '{x}'`, 'ipython'), ['wget', '*/a.csv', '*']);
    assert.deepEqual(values('wget {base}/a.csv'), ['wget', '{base}/a.csv']);
  });

  test('templates: {{ x }} is unknown, a word of {% statements %} only is dropped', () => {
    assert.deepEqual(values('aws s3 sync s3://{{ cookiecutter.bucket }}/data/ data/ {% if p %} --profile x{% endif %}'), ['aws', 's3', 'sync', 's3://*/data/', 'data/', '--profile', 'x']);
  });
});

describe('ShellVariables', () => {
  const follow = (script: string): Map<string, string> => {
    const vars = new ShellVariables();
    const seen = new Map<string, string>();
    for (const line of script.split('\n')) {
      const words = shellWords(line, 'sh', vars.known);
      if (words[0]?.value === 'echo') seen.set(line, words.slice(1).map((w) => `${w.value}${w.exact ? '' : '~'}`).join(' '));
      vars.update(words);
    }
    return seen;
  };

  test('substitutes $NAME and ${NAME} assigned earlier, exactly while assigned once', () => {
    const seen = follow('BASE="https://x.org/data"\nexport VER=v2\necho $BASE/${VER}/a.csv $OTHER\nBASE=https://y.org\necho $BASE');
    assert.deepEqual([...seen.values()], ['https://x.org/data/v2/a.csv *~', 'https://y.org~']);
  });

  test('loops, read, local declarations and `A=1 cmd` leave values unknown or unchanged', () => {
    const seen = follow('F=a.csv\nfor F in a b; do\necho $F\nG=1 wget x\necho $G\nlocal H\necho $H\nread -r I\necho $I');
    assert.deepEqual([...seen.values()], ['*~', '*~', '*~', '*~']);
  });
});

describe('scriptLines', () => {
  test('joins continuations, skips comments and heredoc bodies, and maps positions back', () => {
    const lines = scriptLines('#!/bin/bash\n# fetch\nwget \\\n  "https://x.org/a.zip"\ncat <<-EOF > notes\n\twget https://no.org/b.csv\n\tEOF\necho done\n');
    assert.deepEqual(lines.map((l) => l.text), ['wget   "https://x.org/a.zip"', 'cat <<-EOF > notes', 'echo done']);
    const first = lines[0];
    assert.ok(first);
    const at = first.text.indexOf('"https');
    assert.deepEqual(first.locate(at, at + 5), { start: { line: 3, column: 2 }, end: { line: 3, column: 7 } });
  });
});

describe('makefileRecipes', () => {
  test('finds recipes, drops @/-/+ prefixes, joins continuations and reads inline recipes', () => {
    const source = 'URL := https://x.org\n.PHONY: data\ndata: deps ; echo inline\n\t@wget \\\n\t  $(URL)/d.csv\n\n# a comment\n\t-curl -o x.csv https://y.org/x.csv\nifeq ($(X),1)\nendif\ntrain:\n\tpython train.py\n';
    const recipes = makefileRecipes(source);
    assert.deepEqual(recipes.map((r) => [r.target, r.lines.map((l) => l.text)]), [
      ['.PHONY', []],
      ['data', [' echo inline', 'wget   $(URL)/d.csv', 'curl -o x.csv https://y.org/x.csv']],
      ['train', ['python train.py']],
    ]);
    const curl = recipes[1]?.lines[2];
    assert.deepEqual(curl?.locate(0, 4), { start: { line: 7, column: 2 }, end: { line: 7, column: 6 } });
    assert.equal(recipes[1]?.lines[1]?.dialect, 'make');
  });

  test('skips define blocks and variable assignments', () => {
    assert.deepEqual(makefileRecipes('define RECIPE\n\twget https://x.org/a.csv\nendef\nX = a:b\n').map((r) => r.target), []);
  });
});

describe('notebookShellLines', () => {
  test('reads !, !!, x = !cmd and %sx lines, with continuations, and not !=', () => {
    const lines = notebookShellLines('import os\nif COLAB:\n    !wget https://x.org/y.csv \\\n  -O y.csv\nfiles = !ls data\nok = a != b\n%sx echo hi');
    assert.deepEqual(lines.map((l) => [l.text, l.dialect]), [['wget https://x.org/y.csv   -O y.csv', 'ipython'], ['ls data', 'ipython'], ['echo hi', 'ipython']]);
    assert.deepEqual(lines[0]?.locate(0, 4), { start: { line: 2, column: 5 }, end: { line: 2, column: 9 } });
  });

  test('reads the body of %%bash cells as a script', () => {
    const lines = notebookShellLines('%%bash\nwget https://x.org/y.csv\n');
    assert.deepEqual(lines.map((l) => [l.text, l.dialect]), [['wget https://x.org/y.csv', 'sh']]);
    assert.deepEqual(lines[0]?.locate(5, 9), { start: { line: 1, column: 5 }, end: { line: 1, column: 9 } });
  });
});

describe('searchedLine', () => {
  test('finds a word again in the source lines of a range', () => {
    const source = ['run: |', '  wget \\', '    https://x.org/a.csv'];
    const line = searchedLine('wget https://x.org/a.csv', { start: { line: 1, column: 2 }, end: { line: 2, column: 23 } }, (l) => source[l] ?? '');
    assert.deepEqual(line.locate(5, 24), { start: { line: 2, column: 4 }, end: { line: 2, column: 23 } });
  });
});

describe('shellDownloads', () => {
  test('wget and curl downloads, with the output name deciding data-likeness', () => {
    assert.deepEqual(downloads('wget -q -O data/raw.csv "https://example.org/export?id=3"'), ['wget web https://example.org/export?id=3']);
    assert.deepEqual(downloads('curl -sSLo model.bin https://example.org/weights'), ['curl web https://example.org/weights']);
    assert.deepEqual(downloads('curl -L https://example.org/data.csv > data.csv'), ['curl web https://example.org/data.csv']);
    assert.deepEqual(downloads('sudo -E wget https://example.org/train.parquet'), ['wget web https://example.org/train.parquet']);
    assert.deepEqual(downloads('curl -L -o "$OUT" "https://huggingface.co/datasets/o/d/resolve/main/$FILE"'), ['curl web https://huggingface.co/datasets/o/d/resolve/main/* ~']);
  });

  test('API calls, installers and tools are not data downloads', () => {
    assert.deepEqual(downloads('curl -X POST https://api.example.org/v1/items.json'), []);
    assert.deepEqual(downloads('curl -d @payload.json https://api.example.org/predict'), []);
    assert.deepEqual(downloads('curl -I https://example.org/data.csv'), []);
    assert.deepEqual(downloads('curl -fsS http://localhost:8080/health'), ['curl web http://localhost:8080/health not-data']);
    assert.deepEqual(downloads('wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh'), ['wget web https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh not-data']);
    assert.deepEqual(downloads('wget https://go.dev/dl/go1.22.linux-amd64.tar.gz'), ['wget web https://go.dev/dl/go1.22.linux-amd64.tar.gz not-data']);
  });

  test('object stores: remote source to a local destination only', () => {
    assert.deepEqual(downloads('gsutil -m cp -r gs://bucket/data/train.csv data/'), ['gsutil object-store gs://bucket/data/train.csv']);
    assert.deepEqual(downloads('aws s3 cp s3://bucket/train.parquet data/ --profile ml'), ['aws object-store s3://bucket/train.parquet']);
    assert.deepEqual(downloads('aws s3 sync data/ s3://bucket/data/'), []);
    assert.deepEqual(downloads('gcloud storage cp gs://b/m.pt .'), ['gcloud object-store gs://b/m.pt']);
    assert.deepEqual(downloads('aws s3api get-object --bucket b --key d/x.csv --version-id abc x.csv'), ['aws object-store s3://b/d/x.csv versioned']);
  });

  test('kaggle and hub ids, with and without a version', () => {
    assert.deepEqual(downloads('kaggle datasets download -d owner/ds -p data --unzip'), ['kaggle kaggle owner/ds']);
    assert.deepEqual(downloads('kaggle datasets download owner/ds/versions/3'), ['kaggle kaggle owner/ds/versions/3 versioned']);
    assert.deepEqual(downloads('kaggle competitions download -c titanic'), []);
    assert.deepEqual(downloads('huggingface-cli download org/model --local-dir m'), ['huggingface-cli hub org/model']);
    assert.deepEqual(downloads('hf download org/model --revision 0123abc'), ['huggingface-cli hub org/model versioned']);
  });

  test('looksLikeDataFile', () => {
    assert.ok(looksLikeDataFile('iris.data'));
    assert.ok(looksLikeDataFile('aclImdb_v1.tar.gz'));
    assert.ok(!looksLikeDataFile('install.sh'));
    assert.ok(!looksLikeDataFile('protoc-25.1-linux-x86_64.zip'));
    assert.ok(!looksLikeDataFile('index.html'));
  });
});

describe('isChecksumCheck', () => {
  const check = (line: string): boolean => isChecksumCheck(shellWords(line), line);
  test('recognises digest checks', () => {
    assert.ok(check('sha256sum -c data.sha256'));
    assert.ok(check('md5sum --check sums.md5'));
    assert.ok(check('shasum -a 256 -c sums.txt'));
    assert.ok(check('[ "$(sha256sum d.csv | cut -d" " -f1)" = "$SUM" ]'));
    assert.ok(check('gpg --verify data.tar.gz.asc'));
  });
  test('computing a digest is not checking one', () => {
    assert.ok(!check('sha256sum data.csv > data.sha256'));
    assert.ok(!check('echo done'));
  });
});

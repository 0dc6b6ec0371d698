// `mlready lsp --stdio` end to end: a client speaks LSP to the CLI's server over stdio and receives diagnostics.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..');

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** The smallest LSP client: Content-Length framing, requests by id, and a wait for a matching message. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  readonly received: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1] ?? 0);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.received.push(message);
      // Answer the server's own requests (progress tokens, registrations) so it never waits on us.
      if (message.id !== undefined && message.method !== undefined) this.send({ id: message.id, result: null });
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    }
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first message from index `from` on (messages received since a mark) that matches. */
  waitFor(match: (m: Message) => boolean, from = 0, timeoutMs = 30_000): Promise<Message> {
    const seen = this.received.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no matching message within ${timeoutMs} ms; got: ${JSON.stringify(this.received).slice(0, 3000)}`));
      }, timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }
}

interface PublishParams {
  readonly uri: string;
  readonly diagnostics: { readonly code?: string; readonly source?: string; readonly message: string; readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } } }[];
}

describe('mlready lsp --stdio', () => {
  let dir: string;
  let child: ChildProcessWithoutNullStreams;
  let client: LspClient;
  let stderr = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlready-lsp-'));
    writeFileSync(join(dir, '.mlready.yaml'), 'extends: mlready:recommended\n');
    writeFileSync(join(dir, 'train.py'), 'from sklearn.ensemble import RandomForestClassifier\n\nmodel = RandomForestClassifier()\n');
    child = spawn(process.execPath, ['--import', 'tsx', '-e', "require('./src/cli/main.ts').main(process.argv.slice(1))", 'lsp', '--stdio'], { cwd: ROOT });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    client = new LspClient(child);
  });

  after(() => {
    if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('initializes, lints unsaved text, answers code actions, keeps findings after close, and shuts down', async () => {
    const rootUri = pathToFileURL(dir).href;
    const init = await client.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'p' }], capabilities: {} });
    const capabilities = (init.result as { capabilities: { codeActionProvider?: unknown; notebookDocumentSync?: unknown } }).capabilities;
    assert.ok(capabilities.codeActionProvider, `no code actions in ${JSON.stringify(init)}; stderr: ${stderr}`);
    assert.ok(capabilities.notebookDocumentSync);
    client.notify('initialized', {});
    const uri = pathToFileURL(join(dir, 'train.py')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'from sklearn.ensemble import RandomForestClassifier\n\n\nmodel = RandomForestClassifier()\n' } });
    const published = await client.waitFor((m) => {
      const p = m.params as PublishParams | undefined;
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.diagnostics.some((d) => d.code === 'random-state-unset' && d.range.start.line === 3);
    });
    // The unsaved text (a blank line added) was linted, not the file on disk.
    const diagnostic = (published.params as PublishParams).diagnostics.find((d) => d.code === 'random-state-unset');
    assert.equal(diagnostic?.source, 'mlready');

    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const titles = (actions.result as { title: string }[]).map((a) => a.title);
    assert.ok(titles.includes('Ignore random-state-unset on this line'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Show documentation')), 'other editors cannot run the VS Code command');

    // Edits in quick succession: whatever order the lints finish in, the last text's findings are the ones left.
    const unsaved = (v: number, seeded: boolean): void => {
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `from sklearn.ensemble import RandomForestClassifier\n\n\n\nmodel = RandomForestClassifier(${seeded ? 'random_state=0' : ''})\n` }] });
    };
    let mark = client.received.length;
    unsaved(2, false);
    unsaved(3, true);
    await client.waitFor((m) => (m.params as PublishParams | undefined)?.uri === uri && !(m.params as PublishParams).diagnostics.some((d) => d.code === 'random-state-unset'), mark);
    mark = client.received.length;
    unsaved(4, false);
    await client.waitFor((m) => {
      const p = m.params as PublishParams | undefined;
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.diagnostics.some((d) => d.code === 'random-state-unset' && d.range.start.line === 4);
    }, mark);

    // Closing the editor drops the unsaved text: the file is linted from disk again (line 2), not forgotten.
    mark = client.received.length;
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor((m) => {
      const p = m.params as PublishParams | undefined;
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.diagnostics.some((d) => d.code === 'random-state-unset' && d.range.start.line === 2);
    }, mark);

    const shutdown = await client.request('shutdown', null);
    assert.equal(shutdown.error, undefined);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    client.notify('exit', null);
    assert.equal(await exited, 0);
  });
});

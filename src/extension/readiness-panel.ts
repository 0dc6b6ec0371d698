// The readiness panel's host (bundled apart, loaded on first use): one panel per window, fed by the server's report,
// acting on what the panel asks (open a place, show a rule's page, attest, revoke, make the Markdown report).
import { relative, sep } from 'node:path';
import { commands, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel, type TextDocument, type WebviewOptions, type WebviewPanel, type WebviewPanelOptions } from 'vscode';
import { formatReadinessMarkdown } from '../engine/readiness/format-markdown.js';
import { Commands, READINESS_VIEW_TYPE, Requests, type ConfigStamp, type HostToPanel, type PanelToHost, type ReadinessResult } from '../protocol.js';
import { vscodePrompt, type AttestPrompt } from './attest-prompt.js';
import { attestationFields, refuseInvalidConfig, stampOf, writeAttestation, type WriteOutcome } from './attest-write.js';
import { configIo } from './config-io.js';
import { openLocation } from './open-location.js';
import { newNonce, panelHtml } from './panel-html.js';
import { parsePanelMessage, parseViewState, resolveInsideRoot } from './panel-messages.js';
import type { ReadinessSource, SendRequest } from './readiness-source.js';
import { readinessFolder } from './readiness-status.js';

export interface ReadinessDeps {
  readonly context: ExtensionContext;
  readonly source: ReadinessSource;
  readonly output: LogOutputChannel;
  readonly send: SendRequest;
}

/** After writing `.mlready.yaml` the server re-reads it and says so; if it stays silent, ask again after this long. */
const WRITE_FALLBACK_MS = 3000;
/** Posted messages kept for the tests. */
const KEEP_POSTED = 20;

interface Shown {
  readonly folder: string;
  readonly result: ReadinessResult;
  readonly stamp: ConfigStamp;
}

export class ReadinessPanels implements Disposable {
  private panel: WebviewPanel | undefined;
  private panelSubscriptions: Disposable[] = [];
  private readonly subscriptions: Disposable[] = [];
  private folder: string | undefined;
  private shown: Shown | undefined;
  /** The webview's script has said `ready` since the HTML was last (re)loaded: messages now reach it. */
  private ready = false;
  private attesting = false;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  private prompt: AttestPrompt = vscodePrompt;
  private readonly posted: HostToPanel[] = [];

  constructor(private readonly deps: ReadinessDeps) {
    this.subscriptions.push(
      deps.source.onDidBecomeStale(() => {
        if (this.fallback) clearTimeout(this.fallback);
        this.fallback = undefined;
        if (this.panel?.visible) void this.refresh(false);
      }),
    );
  }

  /** Opens the panel on a folder (URI string), or reveals it, switching folders if asked for another one. */
  async show(folder: string | undefined): Promise<void> {
    if (folder === undefined) {
      void window.showInformationMessage('Open a folder first: the readiness checklist is about a repository.');
      return;
    }
    if (this.panel) {
      const switched = folder !== this.folder;
      this.folder = folder;
      this.panel.title = this.title();
      this.panel.reveal();
      if (switched) await this.refresh(false);
      return;
    }
    const panel = window.createWebviewPanel(READINESS_VIEW_TYPE, 'Readiness', ViewColumn.Active, this.options());
    this.attach(panel, folder);
  }

  /** The serializer's entry after a window reload: the panel comes back on the folder its state names. */
  restore(panel: WebviewPanel, state: unknown): void {
    const saved = parseViewState(state)?.folder;
    const folders = (workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
    const folder = saved !== undefined && folders.includes(saved) ? saved : readinessFolder();
    if (this.panel || folder === undefined) {
      panel.dispose();
      return;
    }
    this.attach(panel, folder);
  }

  /** Gets the folder's report and opens it as Markdown in an untitled editor, for the user to read or save. */
  async generateReport(folder = this.folder ?? readinessFolder()): Promise<TextDocument | undefined> {
    if (folder === undefined) {
      void window.showInformationMessage('Open a folder first: the readiness report is about a repository.');
      return undefined;
    }
    const result = await this.deps.source.get(folder);
    const doc = await workspace.openTextDocument({ language: 'markdown', content: formatReadinessMarkdown(result.report) });
    await window.showTextDocument(doc, { viewColumn: this.panel ? ViewColumn.Beside : ViewColumn.Active, preview: false });
    return doc;
  }

  /** A message from the webview (or a test): validated, then acted on. Resolves when the action is done. */
  async receive(raw: unknown): Promise<void> {
    const message = parsePanelMessage(raw);
    if (!message) {
      this.deps.output.warn('The readiness panel sent a message that is not in the protocol; it was ignored.');
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.output.error(`Readiness panel, ${message.type}: ${text}`);
      await this.post({ type: 'notice', message: `That did not work: ${text}` });
    }
  }

  /** For the integration tests: what the host posted, newest last, and the prompt to answer attestations with. */
  get testing(): { posted: () => readonly HostToPanel[]; setPrompt: (prompt: AttestPrompt | undefined) => void; isOpen: () => boolean } {
    return {
      posted: () => [...this.posted],
      setPrompt: (prompt) => {
        this.prompt = prompt ?? vscodePrompt;
      },
      isOpen: () => this.panel !== undefined,
    };
  }

  private async handle(message: PanelToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.refresh(false);
      case 'refresh':
        return this.refresh(true);
      case 'openLocation': {
        const root = this.shown?.result.root;
        const path = root === undefined ? undefined : resolveInsideRoot(root, message.file);
        if (path === undefined) {
          this.deps.output.warn(`The readiness panel asked to open ${JSON.stringify(message.file)}, which is not inside the project; ignored.`);
          return;
        }
        return openLocation(Uri.file(path), message.line, message.cell);
      }
      case 'openRuleDocs':
        await commands.executeCommand(Commands.showRuleDocumentation, message.ruleId);
        return;
      case 'attest':
      case 'revoke':
        return this.changeAttestation(message.item, message.type);
      case 'generateReport':
        await this.generateReport();
        return;
    }
  }

  private options(): WebviewOptions & WebviewPanelOptions {
    const root = this.deps.context.extensionUri;
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // The panel keeps its own state (getState/setState) and is rebuilt when shown again: no hidden iframe kept alive.
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [Uri.joinPath(root, 'media'), Uri.joinPath(root, 'dist', 'webview')],
    };
  }

  private title(): string {
    const folder = this.folder === undefined ? undefined : workspace.getWorkspaceFolder(Uri.parse(this.folder));
    return folder ? `Readiness: ${folder.name}` : 'Readiness';
  }

  private attach(panel: WebviewPanel, folder: string): void {
    this.panel = panel;
    this.folder = folder;
    panel.webview.options = this.options();
    panel.title = this.title();
    panel.iconPath = { light: Uri.joinPath(this.deps.context.extensionUri, 'media', 'readiness-light.svg'), dark: Uri.joinPath(this.deps.context.extensionUri, 'media', 'readiness-dark.svg') };
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState((e) => {
        // Hidden, the webview is destroyed (no retained context); shown again, its script reloads and says `ready`.
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        for (const s of this.panelSubscriptions) s.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.ready = false;
      }),
    ];
    this.render(panel);
  }

  /** Sets the HTML shell with a fresh nonce; the script asks for data with `ready`. */
  private render(panel: WebviewPanel): void {
    const webview = panel.webview;
    const root = this.deps.context.extensionUri;
    this.ready = false;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      styleUri: webview.asWebviewUri(Uri.joinPath(root, 'media', 'readiness.css')).toString(),
      scriptUri: webview.asWebviewUri(Uri.joinPath(root, 'dist', 'webview', 'readiness.js')).toString(),
    });
  }

  private showing(folder: string): boolean {
    return this.panel !== undefined && this.folder === folder;
  }

  private async refresh(fresh: boolean): Promise<void> {
    const folder = this.folder;
    if (!this.panel || !this.ready || folder === undefined) return;
    await this.post({ type: 'busy', busy: true });
    try {
      const result = await this.deps.source.get(folder, fresh);
      // The panel may have closed or moved to another folder while the server worked.
      if (!this.showing(folder)) return;
      const file = result.configFile ?? `${result.root}${sep}.mlready.yaml`;
      const stamp = await stampOf(configIo, file);
      this.shown = { folder, result, stamp };
      const shownFile = relative(result.root, file).split(sep).join('/');
      await this.post({ type: 'report', report: result.report, folder, configFile: shownFile.startsWith('..') ? file : shownFile, configExists: stamp.hash !== '', configErrors: result.configErrors });
    } catch (error) {
      await this.post({ type: 'error', message: `The readiness report could not be made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      await this.post({ type: 'busy', busy: false });
    }
  }

  private async changeAttestation(itemId: string, action: 'attest' | 'revoke'): Promise<void> {
    const shown = this.shown;
    const item = shown?.result.report.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
    if (!shown || !item || item.section === 'debt' || this.attesting) return;
    this.attesting = true;
    try {
      const base = { stamp: shown.stamp, configErrors: shown.result.configErrors, item: item.id, starter: () => this.deps.send<string>(Requests.starterConfig, undefined) };
      const invalid = refuseInvalidConfig(shown.stamp.file, shown.result.configErrors);
      if (invalid) {
        await this.tell(invalid, '');
        return;
      }
      let outcome: WriteOutcome;
      let done: string;
      if (action === 'attest') {
        const answer = await this.prompt.attest(item, item.attestation);
        if (!answer) return;
        outcome = await writeAttestation(configIo, { ...base, fields: attestationFields(answer, answer.by, answer.note, new Date()) });
        done = `${item.id} attested as ${answer.status}${answer.status === 'done' ? ` (${answer.how})` : ''} in ${this.configName(shown)}. Commit it so the team sees it in review.`;
      } else {
        if (!(await this.prompt.confirmRevoke(item))) return;
        outcome = await writeAttestation(configIo, { ...base, fields: undefined });
        done = `The attestation of ${item.id} was removed from ${this.configName(shown)}.`;
      }
      await this.tell(outcome, done);
    } finally {
      this.attesting = false;
    }
  }

  private configName(shown: Shown): string {
    return shown.stamp.file.split(/[\\/]/).pop() ?? '.mlready.yaml';
  }

  private async tell(outcome: WriteOutcome, done: string): Promise<void> {
    if (outcome.kind === 'refused') {
      void window.showWarningMessage(outcome.reason);
      await this.post({ type: 'notice', message: outcome.reason });
      if (outcome.refresh) await this.refresh(true);
      return;
    }
    if (outcome.kind === 'unchanged') {
      await this.post({ type: 'notice', message: 'Nothing to change: the config already says so.' });
      return;
    }
    await this.post({ type: 'notice', message: done });
    // The server re-reads the config and reports a change (which refreshes the panel); if it stays silent, ask anyway.
    if (this.fallback) clearTimeout(this.fallback);
    this.fallback = setTimeout(() => {
      this.fallback = undefined;
      void this.refresh(true);
    }, WRITE_FALLBACK_MS);
  }

  private async post(message: HostToPanel): Promise<void> {
    this.posted.push(message);
    if (this.posted.length > KEEP_POSTED) this.posted.shift();
    if (this.panel && this.ready) await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.fallback) clearTimeout(this.fallback);
    for (const s of [...this.subscriptions, ...this.panelSubscriptions]) s.dispose();
    this.panel?.dispose();
  }
}

export function createReadinessPanels(deps: ReadinessDeps): ReadinessPanels {
  return new ReadinessPanels(deps);
}

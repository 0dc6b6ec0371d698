// The readiness panel's script (runs in the webview, DOM only): renders what the host posts, keeps the open groups and
// the scroll position in the webview state, and posts the user's clicks back as protocol messages.
import type { HostToPanel, PanelToHost, PanelViewState } from '../protocol.js';
import { button, el } from './dom.js';
import { sectionNode, type RenderContext } from './render-items.js';
import { summaryNode, toolbar } from './render-summary.js';
import { defaultExpanded } from './view-model.js';

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): unknown;
  setState(state: PanelViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type ReportMessage = Extract<HostToPanel, { type: 'report' }>;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') ?? document.body;
// A sticky banner above the content: what the host is doing, its notices and errors, announced to screen readers.
const busy = el('p', { class: 'busy', role: 'status' });
const notice = el('p', { class: 'notice', role: 'status' });
const alert = el('p', { class: 'alert', role: 'alert' });
const dismiss = el('button', { type: 'button', class: 'secondary dismiss', 'aria-label': 'Dismiss the message', hidden: true }, '×');
const banner = el('div', { class: 'banner' }, busy, notice, alert, dismiss);
const content = el('div', { class: 'content' });
app.replaceChildren(banner, content);
dismiss.addEventListener('click', () => {
  showMessage(notice, '');
  showMessage(alert, '');
});

function showMessage(target: HTMLElement, text: string): void {
  target.textContent = text;
  dismiss.hidden = notice.textContent === '' && alert.textContent === '';
  banner.classList.toggle('has-message', !dismiss.hidden);
}

function savedState(): PanelViewState | undefined {
  const raw = vscode.getState();
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Partial<PanelViewState>;
  return { expanded: Array.isArray(s.expanded) ? s.expanded.filter((e) => typeof e === 'string') : [], scrollY: typeof s.scrollY === 'number' ? s.scrollY : 0, ...(typeof s.folder === 'string' ? { folder: s.folder } : {}) };
}

const saved = savedState();
const expanded = new Set<string>(saved?.expanded ?? []);
let folder = saved?.folder;
let rendered = false;

function save(): void {
  vscode.setState({ expanded: [...expanded], scrollY: window.scrollY, ...(folder === undefined ? {} : { folder }) });
}

let scrollPending = false;
window.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    save();
  });
});

const ctx = (msg: ReportMessage): RenderContext => ({
  post: (message) => {
    vscode.postMessage(message);
  },
  expanded,
  onToggle: (key, open) => {
    if (open) expanded.add(key);
    else expanded.delete(key);
    save();
  },
  attestBlocked: msg.configErrors > 0 ? `${msg.configFile} has errors: fix them first` : undefined,
});

function setAll(open: boolean): void {
  for (const details of content.querySelectorAll('details')) details.open = open;
}

function render(msg: ReportMessage): void {
  // A re-render (after a refresh) keeps the scroll position and gives focus back to the same control.
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
  const scrollY = rendered ? window.scrollY : (saved?.scrollY ?? 0);
  if (folder !== msg.folder) {
    // Another folder (or the first visit): open what matters there.
    if (folder !== undefined || saved === undefined) {
      expanded.clear();
      for (const key of defaultExpanded(msg.report)) expanded.add(key);
    }
    folder = msg.folder;
  }
  const c = ctx(msg);
  content.replaceChildren(
    el('header', { class: 'head' }, el('h1', {}, `Deployment readiness of ${msg.report.project}`), toolbar(c, setAll)),
    summaryNode(msg, c),
    el('div', { class: 'sections' }, ...msg.report.sections.map((s) => sectionNode(s, msg.report, c))),
    el('p', { class: 'muted footer' }, `mlready ${msg.report.tool.version} · ${new Date(msg.report.generatedAt).toLocaleString()} · attestations expire after ${String(msg.report.maxAgeDays)} days`),
  );
  window.scrollTo(0, scrollY);
  if (focusKey !== undefined) content.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
  rendered = true;
  save();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data as HostToPanel | undefined;
  if (typeof msg !== 'object' || typeof msg.type !== 'string') return;
  switch (msg.type) {
    case 'report':
      showMessage(alert, '');
      render(msg);
      break;
    case 'busy':
      app.setAttribute('aria-busy', String(msg.busy));
      busy.textContent = msg.busy ? 'Updating…' : '';
      break;
    case 'error':
      showMessage(alert, msg.message);
      // Before any report there is nothing to show but the way to ask again; after one, the last report stays.
      if (!rendered) {
        content.replaceChildren(el('p', {}, 'No report to show. ', button('Try again', () => {
          vscode.postMessage({ type: 'refresh' });
        }, { 'data-focus': 'retry' })));
      }
      break;
    case 'notice':
      showMessage(notice, msg.message);
      break;
  }
});

vscode.postMessage({ type: 'ready' });

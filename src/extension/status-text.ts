// The status bar's text and tooltip from the server's totals: pure, so it is tested without VS Code.
import type { StatusParams } from '../protocol.js';

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  /** Shown with the error background: the config has errors or the server stopped. */
  readonly alert: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `$(...)` names are VS Code's product icons, rendered in the status bar. */
export function statusView(status: StatusParams | undefined, serverRunning: boolean): StatusView {
  if (!serverRunning) return { text: '$(circle-slash) mlready', tooltip: 'The mlready server is not running. Run "mlready: Restart Server".', alert: true };
  if (!status) return { text: '$(loading~spin) mlready', tooltip: 'mlready is starting', alert: false };
  const total = status.errors + status.warnings + status.infos;
  const detail = `${plural(total, 'finding')} in ${plural(status.files, 'file')}: ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}, ${status.infos} info.`;
  if (status.configErrors > 0) {
    return { text: `$(error) mlready: config`, tooltip: `.mlready.yaml has ${plural(status.configErrors, 'error')}; the last valid config stays in force until they are fixed. ${detail} Click to open the Problems view.`, alert: true };
  }
  const icon = status.scanning ? '$(sync~spin)' : total === 0 ? '$(check)' : '$(checklist)';
  return { text: `${icon} mlready ${total}`, tooltip: `${status.scanning ? 'Scanning the workspace… ' : ''}${detail} Click to open the Problems view.`, alert: false };
}

// Types and names shared by the language server, the VS Code client and the readiness panel: settings, commands, requests, panel messages.
import type { ReadinessReport } from './engine/readiness/types.js';

/** The settings section the client contributes and the server reads per workspace folder. */
export const SETTINGS_SECTION = 'mlready';

/** When the server lints a changed document: as you type (debounced) or when it is saved. */
export type RunMode = 'onType' | 'onSave';

/** Personal editor settings of one workspace folder. Rules live in the team's `.mlready.yaml`, never here. */
export interface FolderSettings {
  /** Lint this folder at all. */
  readonly enable: boolean;
  readonly run: RunMode;
  /** Extra globs not to lint, on top of the team config's `ignore` (same glob syntax). */
  readonly exclude: readonly string[];
}

export const DEFAULT_SETTINGS: FolderSettings = { enable: true, run: 'onType', exclude: [] };

/** Reads the `mlready` settings object a client sent; anything malformed falls back to its default. */
export function parseFolderSettings(raw: unknown): FolderSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const value = raw as Record<string, unknown>;
  const exclude = Array.isArray(value.exclude) ? value.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    exclude,
  };
}

/** Command ids of the client. The server names `showRuleDocumentation` in its code actions. */
export const Commands = {
  rescanWorkspace: 'mlready.rescanWorkspace',
  createConfig: 'mlready.createConfig',
  showOutput: 'mlready.showOutput',
  restartServer: 'mlready.restartServer',
  showRuleDocumentation: 'mlready.showRuleDocumentation',
  showReadiness: 'mlready.showReadiness',
  generateReadinessReport: 'mlready.generateReadinessReport',
} as const;

/** The code action kind of "fix all safe problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.mlready';

/** Custom requests, client to server. */
export const Requests = {
  /** Re-reads the configs and lints every workspace folder again. No params; resolves when the scans end. */
  rescan: 'mlready/rescan',
  /** The commented starter `.mlready.yaml`. No params; returns its text. */
  starterConfig: 'mlready/starterConfig',
  /** What the server is doing; returns ServerInfo. */
  serverInfo: 'mlready/serverInfo',
  /** The readiness report of one workspace folder; params: ReadinessParams, returns ReadinessResult. */
  readiness: 'mlready/readiness',
} as const;

/** Custom notifications, server to client. */
export const Notifications = {
  /** Sent after every change of the published findings; params: StatusParams. */
  status: 'mlready/status',
} as const;

/** Totals over every workspace folder, for the status bar. */
export interface StatusParams {
  readonly scanning: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Files with at least one finding. */
  readonly files: number;
  /** Problems in `.mlready.yaml` files (errors only); while there are any, the last valid config is in force. */
  readonly configErrors: number;
}

export interface FolderInfo {
  /** Absolute project root the folder is linted from (the config's folder, else the repository root). */
  readonly root: string;
  readonly configFile?: string;
  readonly configErrors: number;
  readonly filesWithFindings: number;
  readonly scanning: boolean;
  /** The folder's settings as the server applies them. */
  readonly settings: FolderSettings;
}

export interface ServerInfo {
  readonly pid: number;
  readonly version: string;
  readonly folders: readonly FolderInfo[];
}

export interface ReadinessParams {
  /** The workspace folder's URI; the first folder when absent. */
  readonly folder?: string;
}

export interface ReadinessResult {
  readonly report: ReadinessReport;
  /** Absolute project root. */
  readonly root: string;
  /** Absolute path of the `.mlready.yaml` in force, when there is one. */
  readonly configFile?: string;
  /** Problems in the config (errors only): attestations cannot be written while there are any. */
  readonly configErrors: number;
}

// ---- The readiness panel's messages (webview <-> extension host). The host validates every message it receives.

/** Where the panel's "Attest" writes: the config file and a hash of the text the report was made from. */
export interface ConfigStamp {
  readonly file: string;
  /** sha256 of the file's text when the report was made ('' when the file does not exist yet). */
  readonly hash: string;
}

/** What the panel keeps across reloads (VS Code's webview state). */
export interface PanelViewState {
  readonly expanded: readonly string[];
  readonly scrollY: number;
}

export type HostToPanel =
  | { readonly type: 'report'; readonly report: ReadinessReport; readonly root: string; readonly config?: ConfigStamp; readonly configErrors: number }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'notice'; readonly message: string };

export type AttestableStatus = 'done' | 'partial' | 'not-done' | 'not-applicable';

export type PanelToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'openLocation'; readonly file: string; readonly line?: number; readonly cell?: number }
  | { readonly type: 'openRuleDocs'; readonly ruleId: string }
  | { readonly type: 'attest'; readonly item: string }
  | { readonly type: 'revoke'; readonly item: string }
  | { readonly type: 'generateReport' };

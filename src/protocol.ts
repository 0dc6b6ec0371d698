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

/** The readiness panel's webview type: its serializer restores it after a reload of the window. */
export const READINESS_VIEW_TYPE = 'mlready.readiness';

/** Settings only the client reads, never sent to the server: personal, so never in the team's `.mlready.yaml`. */
export const ClientSettings = {
  /** The name an attestation made from the panel is signed with (`by`); the OS user name when empty. */
  attestAs: `${SETTINGS_SECTION}.readiness.attestAs`,
} as const;

/**
 * Where the panel's "Attest" writes, and the sha256 of that file's bytes when the report was shown ('' when the file
 * does not exist yet). The host keeps it; an attestation is written only while the file still has that hash.
 */
export interface ConfigStamp {
  readonly file: string;
  readonly hash: string;
}

/** What the panel keeps across reloads (VS Code's webview state); the serializer reopens the panel from it. */
export interface PanelViewState {
  /** Ids of the open groups (`section:<id>`, `item:<id>`, `summary`). */
  readonly expanded: readonly string[];
  readonly scrollY: number;
  /** The workspace folder URI the panel shows. */
  readonly folder?: string;
}

export type HostToPanel =
  | {
      readonly type: 'report';
      readonly report: ReadinessReport;
      /** The workspace folder URI (kept in the panel's state). */
      readonly folder: string;
      /** Where attestations are written, project-relative, for display; `configExists` false when attesting creates it. */
      readonly configFile: string;
      readonly configExists: boolean;
      /** Errors in the config: the panel disables Attest and Revoke while there are any. */
      readonly configErrors: number;
    }
  | { readonly type: 'busy'; readonly busy: boolean }
  /** The report could not be made (the server is down, the folder is not linted). */
  | { readonly type: 'error'; readonly message: string }
  /** Something the user should read: an attestation was written or refused. */
  | { readonly type: 'notice'; readonly message: string };

export type AttestableStatus = 'done' | 'partial' | 'not-done' | 'not-applicable';

export type PanelToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  /** `file` project-relative and `/`-separated; `line` 1-based; `cell` 0-based among all cells of a notebook. */
  | { readonly type: 'openLocation'; readonly file: string; readonly line?: number; readonly cell?: number }
  | { readonly type: 'openRuleDocs'; readonly ruleId: string }
  | { readonly type: 'attest'; readonly item: string }
  | { readonly type: 'revoke'; readonly item: string }
  | { readonly type: 'generateReport' };

// The readiness panel's HTML shell: a strict CSP, the stylesheet and the nonce'd script; every datum arrives later by postMessage.
import { randomBytes } from 'node:crypto';

export interface PanelHtmlParts {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(...)` of media/readiness.css and of the webview bundle, as strings. */
  readonly styleUri: string;
  readonly scriptUri: string;
  /** A fresh nonce for this render (see `newNonce`). */
  readonly nonce: string;
}

/** 128 random bits, base64: a new one for every render, so a nonce seen once is worth nothing later. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Attribute-safe text: the parts are URIs and base64, but nothing is spliced into HTML unescaped. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The Content-Security-Policy: nothing by default; styles, images and fonts only from the extension's own resources;
 * scripts only with this render's nonce. No inline styles or handlers are allowed, and none are used.
 */
export function panelCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function panelHtml(parts: PanelHtmlParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>mlready readiness</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the readiness report…</p></main>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}

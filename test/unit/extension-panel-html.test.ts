// The readiness panel's HTML shell: a strict CSP with a fresh nonce, and no inline script, style or handler.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newNonce, panelCsp, panelHtml } from '../../src/extension/panel-html';

const parts = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/readiness.css', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/readiness.js' };

describe('readiness panel HTML', () => {
  it('denies everything by default and allows the script only by its nonce', () => {
    const csp = panelCsp(parts.cspSource, 'abc123==');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123=='/);
    assert.match(csp, new RegExp(`style-src ${parts.cspSource.replace(/[.+]/g, '\\$&')}(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the CSP, the stylesheet and the nonce\'d script in the shell, and nothing inline', () => {
    const nonce = newNonce();
    const html = panelHtml({ ...parts, nonce });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`));
    assert.ok(html.includes(`<script nonce="${nonce}" src="${parts.scriptUri}"></script>`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${parts.styleUri}">`));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, loaded from the bundle');
    assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
  });

  it('makes a new 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('escapes what it puts in attributes', () => {
    const html = panelHtml({ ...parts, scriptUri: 'x" onload="alert(1)', nonce: 'n' });
    assert.ok(!html.includes('" onload="'));
  });
});

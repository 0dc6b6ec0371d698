// Meta tests over the extension manifest: every command and setting exists in package.json, in the code and in the
// README, and nothing is in one without the others; plus the manifest facts VS Code relies on.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClientSettings, Commands, DEFAULT_SETTINGS, READINESS_VIEW_TYPE, SETTINGS_SECTION } from '../../src/protocol';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: boolean; description: string }; virtualWorkspaces: { supported: boolean } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; description?: string; default?: unknown }> };
    yamlValidation: { fileMatch: string[]; url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const extensionReadme = readme.slice(readme.indexOf('## The VS Code extension'));
const source = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('extension manifest', () => {
  it('contributes exactly the commands the code defines and registers, each in the "mlready" category', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    const registering = source('src/extension/commands.ts');
    for (const key of Object.keys(Commands)) assert.ok(registering.includes(`registerCommand(Commands.${key},`), `src/extension/commands.ts registers Commands.${key}`);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'mlready', c.command);
  });

  it('contributes exactly the settings the server and the client read, each with a scope and a description', () => {
    const clientOnly: string[] = Object.values(ClientSettings);
    const read = [...Object.keys(DEFAULT_SETTINGS).map((k) => `${SETTINGS_SECTION}.${k}`), `${SETTINGS_SECTION}.trace.server`, ...clientOnly].sort();
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), read);
    // vscode-languageclient reads `<client id>.trace.server`: the client's id must be the section.
    assert.match(source('src/extension/language-client.ts'), /new LanguageClient\('mlready',/);
    for (const [key, spec] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(spec.scope, `${key} has a scope`);
      assert.ok((spec.markdownDescription ?? spec.description ?? '').length > 20, `${key} has a description`);
      if (key !== `${SETTINGS_SECTION}.trace.server` && !clientOnly.includes(key)) assert.deepEqual(spec.default, DEFAULT_SETTINGS[key.slice(SETTINGS_SECTION.length + 1) as keyof typeof DEFAULT_SETTINGS], `${key}'s default matches the code's`);
    }
  });

  it('the README\'s extension section documents every command and setting, and names none that do not exist', () => {
    assert.ok(extensionReadme.length > 0, 'README.md has a "## The VS Code extension" section');
    for (const c of manifest.contributes.commands) assert.ok(extensionReadme.includes(`mlready: ${c.title}`), `README names the command "mlready: ${c.title}"`);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(extensionReadme.includes(`\`${key}\``), `README documents ${key}`);
    const named = new Set([...extensionReadme.matchAll(/`(mlready\.[\w.]+)`/g)].map((m) => m[1]));
    for (const name of named) {
      assert.ok(name !== undefined && (name in manifest.contributes.configuration.properties || Object.values<string>(Commands).includes(name)), `README names ${String(name)}, which is neither a setting nor a command`);
    }
    const titles = new Set([...extensionReadme.matchAll(/mlready: ([A-Z][\w -]+(?:\([^)]*\))?)/g)].map((m) => m[1]?.trim()));
    for (const title of titles) assert.ok(manifest.contributes.commands.some((c) => c.title === title), `README names the command "mlready: ${String(title)}", which is not contributed`);
  });

  it('activates narrowly, declares Restricted Mode support, ships its schema and its entry', () => {
    // Plus the readiness panel's serializer, which VS Code must be able to wake the extension for after a reload.
    const narrow = (e: string): boolean => e.startsWith('workspaceContains:') || e === `onWebviewPanel:${READINESS_VIEW_TYPE}`;
    assert.ok(manifest.activationEvents.length > 0 && manifest.activationEvents.every(narrow), 'no "*" activation');
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${READINESS_VIEW_TYPE}`), 'the panel serializer has its activation event');
    assert.match(source('src/extension/extension.ts'), /registerWebviewPanelSerializer\(READINESS_VIEW_TYPE,/);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.equal(manifest.main, './dist/extension.js');
    const schema = manifest.contributes.yamlValidation.find((v) => v.fileMatch.includes('.mlready.yaml'));
    assert.ok(schema && existsSync(join(ROOT, schema.url)), 'the yamlValidation schema exists');
    const ignore = source('.vscodeignore');
    for (const shipped of ['!dist/**', '!schema/**', '!docs/rules/**', '!media/**']) assert.ok(ignore.includes(shipped), `.vscodeignore re-includes ${shipped}`);
  });

  it('compiles against the oldest VS Code it declares', () => {
    const declared = /^\^(\d+\.\d+\.\d+)$/.exec(manifest.engines.vscode)?.[1];
    assert.equal(manifest.devDependencies['@types/vscode'], declared, '@types/vscode must equal the minimum engines.vscode, or newer APIs slip in');
  });
});

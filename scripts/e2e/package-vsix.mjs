// `npm run package`: a production build staged into out/vsix/ and packed with vsce into mlready-<version>.vsix.
//
// Why a staging folder: package.json's `files` list describes the npm package (the CLI), and vsce refuses to combine
// a `files` list with .vscodeignore. The stage gets a manifest without `files`, scripts or dependencies (everything
// is bundled), the shipped files, and .vscodeignore, which stays the one list of what the VSIX contains.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stage = join(root, 'out', 'vsix');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Builds and packs; returns the VSIX path. */
export function packageVsix({ out } = {}) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const target = resolve(out ?? join(root, `${manifest.name}-${manifest.version}.vsix`));
  run(process.execPath, ['esbuild.mjs', '--production'], root);

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  const { files: _files, scripts: _scripts, devDependencies: _dev, dependencies: _deps, bin: _bin, ...shipped } = manifest;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) copyFileSync(join(root, file), join(stage, file));
  mkdirSync(join(stage, 'dist', 'webview'), { recursive: true });
  for (const file of ['extension.js', 'language-client.js', 'readiness-panel.js', 'webview/readiness.js', 'server.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(join(root, 'dist', file), join(stage, 'dist', file));
  for (const dir of ['schema', 'docs/rules', 'media']) if (existsSync(join(root, dir))) cpSync(join(root, dir), join(stage, dir), { recursive: true });

  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', target], stage);
  const listing = readdirSync(join(stage, 'dist')).filter((f) => statSync(join(stage, 'dist', f)).isFile()).map((f) => `${f} ${Math.round(statSync(join(stage, 'dist', f)).size / 1024)} KB`);
  console.log(`packaged ${target} (${Math.round(statSync(target).size / 1024)} KB); dist: ${listing.join(', ')}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    packageVsix({ out: process.argv[2] });
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

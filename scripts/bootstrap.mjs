// Runs before dependencies exist, so it is plain JavaScript: install the workspace
// with a pinned pnpm (no global install needed), then hand over to the TypeScript script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'start' && command !== 'test' && command !== 'deploy') {
  console.error('usage: node scripts/bootstrap.mjs start|test|deploy [options]');
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CI: process.env.CI ?? 'true' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const started = Date.now();
console.log('› Installing dependencies (pnpm, pinned in package.json)…');
run('npx', ['-y', 'pnpm@10.34.9', 'install', '--frozen-lockfile', '--reporter=append-only']);
console.log(`› Installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const tsx = join(root, 'node_modules', '.bin', 'tsx');
if (!existsSync(tsx)) {
  console.error('tsx is missing after install; run `npx -y pnpm@10.34.9 install` and look at its errors.');
  process.exit(1);
}
const r = spawnSync(tsx, [join(root, 'scripts', `${command}.ts`), ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CLIENTELE_BOOTSTRAP_STARTED: String(started) },
});
process.exit(r.status ?? 1);

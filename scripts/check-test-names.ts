/**
 * Test files are named by what they show: `<subject>.<intent>.test.ts`, intent one of `happy`
 * (what works), `error` (what is refused and how) or `security` (what no one else can reach);
 * browser tests add `.e2e` before `.test.ts`. A reader finds every refusal of a feature in its
 * `.error` file, and `npm test` fails on a test file named any other way.
 * Run: node_modules/.bin/tsx scripts/check-test-names.ts
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:happy|error|security)(?:\.e2e)?\.test\.tsx?$/;
const SKIP = new Set(['node_modules', '.git', '.tmp', 'dist', 'test-output', '.wrangler']);

function* testFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(entry.name)) yield path;
  }
}

const misnamed = [...testFiles(ROOT)].filter((p) => !NAME.test(p.split('/').pop() ?? ''));
if (misnamed.length > 0) {
  console.error('Test files must be named <subject>.<happy|error|security>[.e2e].test.ts:');
  for (const p of misnamed) console.error(`  ${relative(ROOT, p)}`);
  process.exit(1);
}
console.log('every test file is named by intent');

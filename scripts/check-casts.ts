/**
 * Product code states its types instead of overruling them: `as never`, `as any` and
 * `as unknown as` silence the checker exactly where a wrong shape would reach users. Tests
 * may use them to build deliberately wrong input. `npm test` fails on any other.
 * Run: node_modules/.bin/tsx scripts/check-casts.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set([
  'node_modules',
  '.git',
  '.tmp',
  'dist',
  'test-output',
  '.wrangler',
  'test',
  'tests',
  'e2e',
]);
// An expression followed by the cast, so prose about casts (in backticks) is not one.
const CAST = /[\w)\]]\s+as\s+(?:never|any|unknown\s+as)\b/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.[cm]?tsx?$/.test(entry.name) && !/\.(?:test|spec)\.tsx?$|\.d\.ts$/.test(entry.name))
      yield path;
  }
}

const found: string[] = [];
for (const file of sourceFiles(ROOT)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (CAST.test(line)) found.push(`  ${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
}
if (found.length > 0) {
  console.error('Casts that overrule the type checker (as never / as any / as unknown as) outside tests:');
  for (const f of found) console.error(f);
  process.exit(1);
}
console.log('no casts that overrule the type checker outside tests');

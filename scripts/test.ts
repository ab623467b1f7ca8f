import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/dev-server';
import { ensureSystemPackages } from './lib/system-packages';
import { runVitest } from './lib/vitest-runner';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const RESULTS = join(ROOT, '.tmp', 'test-results');

interface Outcome {
  step: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const outcomes: Outcome[] = [];

function run(step: string, cmd: string, args: string[], cwd = ROOT): boolean {
  console.log(`\n› ${step}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  const ok = r.status === 0;
  outcomes.push({ step, ok, passed: 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - t) / 1000 });
  return ok;
}

/** A vitest project, counted from what it reported file by file (see `lib/vitest-runner.ts`). */
async function vitest(step: string, cwd: string, extra: string[] = []) {
  console.log(`\n› ${step}`);
  const t = Date.now();
  const r = await runVitest({
    cwd,
    bin: bin('vitest'),
    extra,
    report: join(RESULTS, `${step.replace(/\W+/g, '-')}.json`),
    stallMinutes: 6,
    reruns: 2,
  });
  outcomes.push({
    step,
    ok: r.ok,
    passed: r.passed,
    failed: r.failed,
    skipped: r.skipped,
    seconds: (Date.now() - t) / 1000,
  });
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
ensureSystemPackages();

run('Typecheck (every package, scripts, benchmarks)', bin('pnpm'), ['typecheck']);
run('Lint and format (Biome)', bin('biome'), ['check', '.']);
run('Test files named by intent', bin('tsx'), [join(ROOT, 'scripts', 'check-test-names.ts')]);
run('No casts that overrule the type checker', bin('tsx'), [join(ROOT, 'scripts', 'check-casts.ts')]);
const built = run('Build the admin app', bin('pnpm'), ['--filter', '@clientele/web', 'build']);
run('OpenAPI document: Redocly recommended, no error or warning', bin('tsx'), [
  join(ROOT, 'scripts', 'lint-api.ts'),
]);
run("Deploy dry run: bundle under the free plan's 3 MB gzip", bin('tsx'), [
  join(ROOT, 'scripts', 'deploy.ts'),
  '--dry-run',
]);
await vitest('Unit: core (money, languages, statuses)', join(ROOT, 'packages', 'core'));
await vitest('Unit: db on libSQL', join(ROOT, 'packages', 'db'));
await vitest('Unit: pdf', join(ROOT, 'packages', 'pdf'));
// The fuzz suite's seed follows the commit under test: each commit explores new inputs, and a
// failure in CI replays from the commit alone. FUZZ_SEED overrides it; running the fuzz file
// directly with vitest draws a fresh seed every time.
if (!process.env.FUZZ_SEED) {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  if (head && /^[0-9a-f]{8}/.test(head))
    process.env.FUZZ_SEED = String(Number.parseInt(head.slice(0, 8), 16) % 2 ** 31);
}
await vitest('Worker in workerd (D1, R2, Queues)', join(ROOT, 'workers'));
if (built)
  await vitest('End to end: wrangler dev + Chromium', join(ROOT, 'web'), [
    '--config',
    'e2e/vitest.config.ts',
  ]);

console.log('\nSummary');
for (const o of outcomes) {
  const counts = o.passed || o.failed > 1 ? ` ${o.passed} passed, ${o.failed} failed` : '';
  console.log(`  ${o.ok ? '✓' : '✗'} ${o.step}${counts} (${o.seconds.toFixed(1)} s)`);
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
const skipped = outcomes.reduce((n, o) => n + o.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/dev-server';
import { ensureSystemPackages } from './lib/system-packages';

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

/**
 * A vitest project, counted from its JSON report so the closing line adds up every test.
 * A project that has not finished within `minutes` is stopped and run once more; stopped a
 * second time it counts as failed, so a stalled test shows as a failure with its name printed
 * above rather than as a run that never ends.
 */
function vitest(step: string, cwd: string, extra: string[] = [], minutes = 30) {
  const report = join(RESULTS, `${step.replace(/\W+/g, '-')}.json`);
  console.log(`\n› ${step}`);
  const t = Date.now();
  // coreutils `timeout` signals vitest's whole process group (its workerd and wrangler children
  // too), so a stopped project leaves nothing running into the next step.
  const once = () =>
    spawnSync(
      'timeout',
      [
        '--kill-after=30s',
        `${minutes}m`,
        bin('vitest'),
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...extra,
      ],
      { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } },
    );
  // 124: `timeout` stopped it; 137: it had to kill it after the grace period.
  const stopped = (status: number | null) => status === 124 || status === 137;
  let r = once();
  if (stopped(r.status)) {
    // The workerd pool can hang with every test done (cloudflare/workers-sdk #14903, #15498):
    // that is the runner, not a test, so the project gets one more run. A test that really
    // hangs stops the second run too and fails the step.
    console.log(
      `\n✗ ${step}: stopped after ${minutes} min, unfinished (its last lines above); running it once more`,
    );
    r = once();
  }
  if (stopped(r.status)) console.log(`\n✗ ${step}: stopped again after ${minutes} min`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    passed = j.numPassedTests;
    // A suite that fails to load has no failed tests of its own; count it then, not twice.
    failed = j.numFailedTests || (j.numFailedTestSuites ?? 0);
    skipped = j.numPendingTests + j.numTodoTests;
  }
  const ok = r.status === 0 && passed > 0;
  if (!ok && failed === 0) failed = 1;
  outcomes.push({ step, ok, passed, failed, skipped, seconds: (Date.now() - t) / 1000 });
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
vitest('Unit: core (money, languages, statuses)', join(ROOT, 'packages', 'core'));
vitest('Unit: db on libSQL', join(ROOT, 'packages', 'db'));
vitest('Unit: pdf', join(ROOT, 'packages', 'pdf'));
// The fuzz suite's seed follows the commit under test: each commit explores new inputs, and a
// failure in CI replays from the commit alone. FUZZ_SEED overrides it; running the fuzz file
// directly with vitest draws a fresh seed every time.
if (!process.env.FUZZ_SEED) {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  if (head && /^[0-9a-f]{8}/.test(head))
    process.env.FUZZ_SEED = String(Number.parseInt(head.slice(0, 8), 16) % 2 ** 31);
}
vitest('Worker in workerd (D1, R2, Queues)', join(ROOT, 'workers'));
if (built)
  vitest('End to end: wrangler dev + Chromium', join(ROOT, 'web'), ['--config', 'e2e/vitest.config.ts']);

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

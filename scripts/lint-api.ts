/**
 * Lints the OpenAPI document the Worker serves with Redocly's `recommended` rules, so generated
 * clients and API tools accept it: any error or warning fails. `npm test` runs it; alone: pnpm lint:api
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/dev-server';
import { servedOpenApiDocument } from './lib/openapi-document';

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

/**
 * A browser comes back from Stripe's OAuth page to one operation that only ever redirects (303
 * to Settings): "no 2XX response" is its design there, not a gap. Any other operation without
 * a 2XX, or this one without its 3XX, still fails.
 */
function redirectByDesign(document: unknown, p: LintReport['problems'][number]) {
  if (p.ruleId !== 'operation-2xx-response') return false;
  const pointer = p.location[0]?.pointer ?? '';
  const path = pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = document;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'object' && node !== null && Object.keys(node).some((code) => /^3\d\d$/.test(code));
}

const dir = mkdtempSync(join(tmpdir(), 'clientele-openapi-lint-'));
try {
  const file = join(dir, 'openapi.json');
  const document = await servedOpenApiDocument();
  writeFileSync(file, JSON.stringify(document, null, 2));
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'redocly'),
    ['lint', file, '--extends', 'recommended', '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // CI must not reach out: no usage reports, no check for a newer version.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  const start = r.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly printed no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const report = JSON.parse(r.stdout.slice(start)) as LintReport;
  const problems = report.problems.filter((p) => !redirectByDesign(document, p));
  for (const p of problems) {
    console.log(`${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '#'}: ${p.message}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(`OpenAPI document (Redocly recommended): ${errors} errors, ${warnings} warnings`);
  process.exitCode = errors + warnings === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

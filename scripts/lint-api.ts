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

const dir = mkdtempSync(join(tmpdir(), 'clientele-openapi-lint-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(await servedOpenApiDocument(), null, 2));
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
  for (const p of report.problems) {
    console.log(`${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '#'}: ${p.message}`);
  }
  const { errors, warnings } = report.totals;
  console.log(`OpenAPI document (Redocly recommended): ${errors} errors, ${warnings} warnings`);
  process.exitCode = errors + warnings === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

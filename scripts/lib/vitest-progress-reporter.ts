import { appendFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestCase, TestModule, TestSpecification } from 'vitest/node';

/**
 * Writes what a vitest run has finished, a JSON line at a time, to `$VITEST_PROGRESS`. The
 * workerd pool can stall mid-run or never exit after the last file (see `vitest-runner.ts`);
 * its JSON report is only written at the very end, so without these lines a stopped run would
 * lose every result it had.
 */
export default class ProgressReporter implements Reporter {
  private readonly path = process.env.VITEST_PROGRESS;

  private write(line: ProgressLine) {
    if (this.path) appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.write({ kind: 'start', files: specifications.map((s) => s.moduleId) });
  }

  onTestModuleStart(module: TestModule) {
    this.write({ kind: 'begin', file: module.moduleId, at: new Date().toISOString() });
  }

  onTestCaseResult(test: TestCase) {
    const result = test.result();
    this.write({
      kind: 'test',
      file: test.module.moduleId,
      state: result.state,
      // Vitest prints failures only at the end of a run: a run stopped later would lose them.
      ...(result.state === 'failed'
        ? {
            name: test.fullName,
            errors: (result.errors ?? []).map((e) => (e.stack || e.message || '').slice(0, 2_000)),
          }
        : {}),
    });
  }

  onTestModuleEnd(module: TestModule) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const t of module.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failed++;
      else counts.skipped++;
    }
    // A hook that throws inside a describe leaves its error on that suite (its tests skipped,
    // or passed for an afterAll), not on the file: count those too.
    let errors = module.errors().length;
    for (const suite of module.children.allSuites()) errors += suite.errors().length;
    if (errors === 0 && counts.failed === 0 && module.state() === 'failed') errors = 1;
    this.write({ kind: 'file', file: module.moduleId, ...counts, errors });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    this.write({ kind: 'end', unhandled: unhandled.length });
  }
}

export type ProgressLine =
  | { kind: 'start'; files: string[] }
  | { kind: 'begin'; file: string; at: string }
  | { kind: 'test'; file: string; state: string; name?: string; errors?: string[] }
  | { kind: 'file'; file: string; passed: number; failed: number; skipped: number; errors: number }
  | { kind: 'end'; unhandled: number };

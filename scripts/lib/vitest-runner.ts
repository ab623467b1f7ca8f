import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProgressLine } from './vitest-progress-reporter';

export interface RunOptions {
  cwd: string;
  bin: string;
  extra: string[];
  /** Where the per-file results of the whole step are written (JSON). */
  report: string;
  /** No test finished for this long: the run is stalled. Test and hook time-outs are far shorter. */
  stallMinutes: number;
  /** Runs after the first, each over the files not yet finished. */
  reruns: number;
}

export interface FileResult {
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

export interface RunResult {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  /** Files that never finished, in any run. */
  unfinished: string[];
}

/** After the run has reported its end, this long for vitest to exit before it is stopped. */
const EXIT_GRACE_MS = 60_000;
/** Nothing running and nothing started for this long: the pool has stopped handing out files. */
const IDLE_STALL_MS = 120_000;

/** From the progress so far: whether no started file is still running, and whether all are done. */
function poolState(text: string) {
  const begun = new Set<string>();
  const done = new Set<string>();
  let expected: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let l: ProgressLine;
    try {
      l = JSON.parse(line) as ProgressLine;
    } catch {
      continue;
    }
    if (l.kind === 'start') expected = l.files;
    else if (l.kind === 'begin') begun.add(l.file);
    else if (l.kind === 'file') done.add(l.file);
  }
  const idle = begun.size > 0 && [...begun].every((f) => done.has(f));
  const allDone = expected.length > 0 && expected.every((f) => done.has(f));
  return { idle, allDone };
}

/**
 * Runs a vitest project and keeps every result it reports, even when vitest never returns.
 *
 * The workerd pool (`@cloudflare/vitest-pool-workers`) has been seen to stall in the middle of a
 * run and, more often, to stay alive after the last file with every test done (cloudflare/
 * workers-sdk #14903, #15498). Vitest writes its own reports only on a clean exit, so the
 * progress reporter records each test and file as it ends. The run is stopped when it has
 * reported its end but not exited, or when no test has finished for `stallMinutes`; then only the
 * files that never finished run again. A file that stalls in every run counts as failed, so a test
 * that really hangs is still a red step, named in the output.
 */
export async function runVitest(opts: RunOptions): Promise<RunResult> {
  const results = new Map<string, FileResult>();
  let expected: string[] | undefined;
  let remaining: string[] = [];
  let exitOk = true;
  let unhandled = 0;
  /** Failed tests of runs that were stopped: vitest never printed their errors. */
  const lostFailures: string[] = [];

  for (let attempt = 0; attempt <= opts.reruns; attempt++) {
    const progress = `${opts.report}.progress-${attempt}.jsonl`;
    rmSync(progress, { force: true });
    const files = attempt === 0 ? [] : remaining.map((f) => relative(opts.cwd, f));
    const outcome = await once(opts, progress, files);
    const lines = readProgress(progress);
    for (const l of lines) {
      if (l.kind === 'start' && !expected) expected = l.files;
      if (l.kind === 'file')
        results.set(l.file, { passed: l.passed, failed: l.failed, skipped: l.skipped, errors: l.errors });
      if (l.kind === 'end') unhandled += l.unhandled;
    }
    const ended = lines.some((l) => l.kind === 'end');
    // Failures in files this stopped run never finished: vitest never printed them, and the
    // file's rerun must not wipe them out (a test that fails, then passes, still failed).
    const finishedHere = new Set(lines.flatMap((l) => (l.kind === 'file' ? [l.file] : [])));
    if (!outcome.exited && !ended)
      for (const l of lines)
        if (l.kind === 'test' && l.state === 'failed' && !finishedHere.has(l.file))
          lostFailures.push(
            `${relative(opts.cwd, l.file)} > ${l.name ?? ''}\n${(l.errors ?? []).join('\n')}`,
          );
    // A run that ended by itself is judged by its exit status; one stopped after reporting its
    // end is judged by what it reported.
    if (outcome.exited) exitOk = outcome.status === 0;
    if (!expected) {
      // Exited before it listed the files: a config or start-up error, nothing to resume.
      if (outcome.exited) {
        exitOk = false;
        break;
      }
      // Stalled while starting: the next run starts over.
      continue;
    }
    remaining = expected.filter((f) => !results.has(f));
    if (ended || outcome.exited || remaining.length === 0) break;
    // What was running when it stalled: the lead for finding the cause.
    const begun = new Map<string, string>();
    for (const l of lines) if (l.kind === 'begin') begun.set(l.file, l.at);
    const running = [...begun].filter(([f]) => !results.has(f));
    if (running.length)
      console.log(
        `\n… running when stopped (file, started at):\n  ${running.map(([f, at]) => `${relative(opts.cwd, f)}  ${at}`).join('\n  ')}`,
      );
    if (attempt < opts.reruns)
      console.log(
        `\n✗ stalled (the workerd pool, not a test time-out; why is printed above); ` +
          `running the ${remaining.length} unfinished file(s) again:\n  ${remaining.map((f) => relative(opts.cwd, f)).join('\n  ')}`,
      );
  }

  const unfinished = (expected ?? []).filter((f) => !results.has(f));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results.values()) {
    passed += r.passed;
    skipped += r.skipped;
    // A file that fails to load has no failed tests of its own; count it once.
    failed += r.failed || (r.errors > 0 ? 1 : 0);
  }
  failed += unfinished.length + unhandled + lostFailures.length;
  if (lostFailures.length)
    console.log(
      `\n✗ failed in a run that was stopped (so not in vitest's summary above):\n\n${lostFailures.join('\n\n')}`,
    );
  if (unfinished.length)
    console.log(
      `\n✗ never finished, in any run:\n  ${unfinished.map((f) => relative(opts.cwd, f)).join('\n  ')}`,
    );
  writeFileSync(
    opts.report,
    JSON.stringify({ files: Object.fromEntries(results), unfinished, unhandled }, null, 2),
  );
  const ok = exitOk && failed === 0 && passed > 0;
  return { ok, passed, failed: ok || failed > 0 ? failed : 1, skipped, unfinished };
}

function readProgress(path: string): ProgressLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as ProgressLine];
      } catch {
        // A line cut short by a kill: the test it named will run again.
        return [];
      }
    });
}

interface Once {
  /** Vitest exited by itself (rather than being stopped). */
  exited: boolean;
  status: number | null;
}

function once(opts: RunOptions, progress: string, files: string[]): Promise<Once> {
  const reporter = join(import.meta.dirname, 'vitest-progress-reporter.ts');
  const child = spawn(
    opts.bin,
    ['run', '--reporter=default', `--reporter=${reporter}`, ...opts.extra, ...files],
    {
      cwd: opts.cwd,
      stdio: 'inherit',
      // Its own process group, so stopping it also stops its workerd and wrangler children.
      detached: true,
      env: { ...process.env, FORCE_COLOR: '1', VITEST_PROGRESS: progress },
    },
  );
  return new Promise((resolve) => {
    let lastSize = -1;
    let lastChange = Date.now();
    let endedAt: number | undefined;
    let stopping = false;
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n… ${why}: stopping vitest`);
      signal('SIGTERM');
      setTimeout(() => signal('SIGKILL'), 15_000).unref();
    };
    const signal = (s: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, s);
      } catch {
        // already gone
      }
    };
    const timer = setInterval(() => {
      const text = existsSync(progress) ? readFileSync(progress, 'utf8') : '';
      if (text.length !== lastSize) {
        lastSize = text.length;
        lastChange = Date.now();
      }
      const quiet = Date.now() - lastChange;
      if (endedAt === undefined && text.includes('"kind":"end"')) endedAt = Date.now();
      if (endedAt !== undefined) {
        if (Date.now() - endedAt > EXIT_GRACE_MS)
          stop('every file has reported, but vitest has not exited after a minute');
        return;
      }
      const { idle, allDone } = poolState(text);
      // The pool's known stall: every file it started has finished, yet it starts no other
      // (its workers never shut down). Starting a file takes seconds, so two quiet minutes
      // with nothing running is the stall, not a slow file.
      if (allDone && quiet > EXIT_GRACE_MS) stop('every file has finished, but vitest has not ended');
      else if (idle && quiet > IDLE_STALL_MS) stop('no file is running and none has started for 2 min');
      else if (quiet > opts.stallMinutes * 60_000) stop(`no test has finished for ${opts.stallMinutes} min`);
    }, 2_000);
    child.on('exit', (status) => {
      clearInterval(timer);
      // Whatever it left behind in its group (a workerd that outlived it) goes too.
      signal('SIGKILL');
      resolve({ exited: !stopping, status });
    });
  });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFakeStripe } from '../../packages/stripe-fake/src/index';
import { migrateLocal, startDevServer, uploadLocalFonts } from '../../scripts/lib/dev-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    stripeUrl: string;
  }
}

/** A real `wrangler dev` with its own fresh local D1, and the local Stripe, for the whole run. */
export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), 'clientele-e2e-'));
  migrateLocal(persistTo);
  uploadLocalFonts(persistTo);
  const stripe = await startFakeStripe();
  // Every browser test signs a business up from this one address within minutes, more than
  // the hourly limit a real address gets (sign-in-limits.security tests that limit itself).
  const server = await startDevServer({ persistTo, stripeUrl: stripe.url, signupsPerAddress: 1000 });
  project.provide('baseUrl', server.url);
  project.provide('stripeUrl', stripe.url);
  return async () => {
    mkdirSync(join(import.meta.dirname, '..', '..', 'test-output'), { recursive: true });
    // Kept for diagnosing a failed run: what wrangler and the Worker printed.
    const log = server.log();
    writeFileSync(join(import.meta.dirname, '..', '..', 'test-output', 'wrangler-dev.log'), log);
    // Anything the server said besides request lines and its banner shows up in CI output.
    const notable = log
      .split('\n')
      .filter(
        (l) =>
          /error|✘|restart|uncaught|exception/i.test(l) &&
          !/\[wrangler:info\] (GET|POST|PUT|PATCH|DELETE) /.test(l),
      );
    if (notable.length) console.error(`wrangler dev reported:\n${notable.slice(-40).join('\n')}`);
    await server.stop();
    await stripe.close();
    rmSync(persistTo, { recursive: true, force: true });
  };
}

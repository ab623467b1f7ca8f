import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import Stripe from 'stripe';
import { defineConfig } from 'vitest/config';

// wrangler refuses a config whose assets directory is missing; tests do not need a built app.
mkdirSync(new URL('../web/dist', import.meta.url), { recursive: true });

/** A free local port for the fake Stripe API, which `test/global-setup.ts` starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const stripePort = Number(process.env.CLIENTELE_FAKE_STRIPE_PORT ?? (await freePort()));
process.env.CLIENTELE_FAKE_STRIPE_PORT = String(stripePort);

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: '../wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations('../migrations'),
          DEV_OUTBOX: '1',
          // The address tests call the Worker at (helpers/api.ts ORIGIN); links are built from it.
          PUBLIC_URL: 'https://app.clientele.test',
          PORTAL_LINK_KEY: 'test-portal-link-key-not-secret',
          REPLY_TOKEN_KEY: 'test-reply-token-key-not-secret',
          // 32 bytes of zeros…ones, base64: a test key, never a deployment's.
          ENCRYPTION_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
          STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
          // Stripe.js of the pinned API's release, as the stand-in serves it (`/endive/stripe.js`).
          STRIPE_JS_URL: `http://127.0.0.1:${stripePort}/${Stripe.API_VERSION.split('.')[1]}/stripe.js`,
          // Stripe Connect's platform on the stand-in (test/helpers/stripe.ts signs with the secret).
          STRIPE_PLATFORM_SECRET_KEY: 'sk_test_clienteleTestPlatform01',
          STRIPE_PLATFORM_PUBLISHABLE_KEY: 'pk_test_clienteleTestPlatform01',
          STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_clienteleTestConnect01',
          STRIPE_CONNECT_CLIENT_ID: 'ca_clienteleTestPlatform01',
          // Replays a fuzz run (test/fuzz.security.test.ts prints its seed); random when empty.
          FUZZ_SEED: process.env.FUZZ_SEED ?? '',
        },
      },
    }),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    // Vitest's default leaves one core idle (cores − 1): on a 2-core runner that runs one file
    // at a time. Each file gets its own workerd and storage, and about half of a file's time is
    // that start-up, so two at once keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A limit catches a test that hangs; it is not a speed check (bench/ measures speed).
    // Two files at once on two cores, or a busy runner, make a 2 s test take 6: vitest's 5 s
    // default then fails tests that are only slow.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // The Worker's routine lines (one per request) would bury the report; warnings and errors
    // still print, and tests that check log lines capture them with spies first.
    onConsoleLog: (log: string) => !log.startsWith('{"level":"info"'),
  },
}));

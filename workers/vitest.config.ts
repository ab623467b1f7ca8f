import { mkdirSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// wrangler refuses a config whose assets directory is missing; tests do not need a built app.
mkdirSync(new URL('../web/dist', import.meta.url), { recursive: true });

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
        },
      },
    }),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
}));

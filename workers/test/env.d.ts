import type { D1Migration } from '@cloudflare/vitest-pool-workers';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Seed of the fuzz suite; empty for a random one. */
      FUZZ_SEED: string;
    }
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateLocal, startDevServer, uploadLocalFonts } from '../../scripts/lib/dev-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** A real `wrangler dev` with its own fresh local D1 for the whole end-to-end run. */
export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), 'clientele-e2e-'));
  migrateLocal(persistTo);
  uploadLocalFonts(persistTo);
  const server = await startDevServer({ persistTo });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}

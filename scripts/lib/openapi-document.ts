import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLocal, ROOT, startDevServer } from './dev-server';

/**
 * The OpenAPI document exactly as the Worker serves it (`GET /api/v1/openapi.json` on a fresh
 * `wrangler dev`), for the admin app's types and the document's lint alike.
 */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  // wrangler refuses to start without the admin app's assets folder; the document does not need the
  // app itself, so an unbuilt checkout gets an empty one.
  mkdirSync(join(ROOT, 'web', 'dist'), { recursive: true });
  const persistTo = mkdtempSync(join(tmpdir(), 'clientele-openapi-'));
  migrateLocal(persistTo);
  const server = await startDevServer({ persistTo });
  try {
    return (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
  } finally {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

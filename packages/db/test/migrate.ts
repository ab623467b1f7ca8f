import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';

/** Applies the same SQL files wrangler applies to D1, in order. */
export async function applyMigrations(
  client: Client,
  dir = join(import.meta.dirname, '../../../migrations'),
) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    const statements = readFileSync(join(dir, f), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);
    await client.batch(statements, 'write');
  }
}

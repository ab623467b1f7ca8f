import { env } from 'cloudflare:test';
import { deleteAuditLinesBefore } from '@clientele/db';
import { describe, expect, it } from 'vitest';
import { AUDIT_KEEP_MS, removeOldAuditLines } from '../services/housekeeping';
import { signUp } from './helpers/api';
import { appContext } from './helpers/context';

const DAY = 24 * 3600 * 1000;

/** `n` lines written `daysAgo` days before `now`, straight into the table. */
async function oldLines(tenantId: string, n: number, at: number, tag: string) {
  const rows = Array.from({ length: n }, (_, i) =>
    env.DB.prepare(
      "INSERT INTO audit_log (id, tenant_id, at, actor_type, action, subject_type) VALUES (?, ?, ?, 'system', 'client.created', 'client')",
    ).bind(`aud_${tag}${i.toString(36).padStart(6, '0')}`, tenantId, at),
  );
  for (let i = 0; i < rows.length; i += 100) await env.DB.batch(rows.slice(i, i + 100));
}

const countOf = async (tenantId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE tenant_id = ?')
    .bind(tenantId)
    .first<{ n: number }>())!.n;

describe('audit log retention', () => {
  it('the cron removes lines older than a year in every business and keeps the rest', async () => {
    const [a, b] = await Promise.all([signUp(), signUp()]);
    const now = Date.now();
    await oldLines(a.tenantId, 3, now - AUDIT_KEEP_MS - DAY, 'olda');
    await oldLines(b.tenantId, 2, now - AUDIT_KEEP_MS - DAY, 'oldb');
    await oldLines(a.tenantId, 2, now - AUDIT_KEEP_MS + DAY, 'keep');
    const [beforeA, beforeB] = [await countOf(a.tenantId), await countOf(b.tenantId)];
    expect(await removeOldAuditLines(appContext(env, { now: new Date(now) }))).toBeGreaterThanOrEqual(5);
    expect(await countOf(a.tenantId)).toBe(beforeA - 3);
    expect(await countOf(b.tenantId)).toBe(beforeB - 2);
    const kept = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE id LIKE 'aud_keep%'").first<{
      n: number;
    }>();
    expect(kept!.n).toBe(2);
  });

  it('works in bounded batches: one run takes at most its share, the next takes the rest', async () => {
    const owner = await signUp();
    const long = Date.now() - 2 * AUDIT_KEEP_MS;
    await oldLines(owner.tenantId, 1200, long, 'bulk');
    const { db } = appContext();
    const cutoff = new Date(long + DAY);
    expect(await deleteAuditLinesBefore(db, cutoff, 500, 2)).toBe(1000);
    expect(await deleteAuditLinesBefore(db, cutoff, 500, 2)).toBe(200);
    expect(await deleteAuditLinesBefore(db, cutoff, 500, 2)).toBe(0);
  });
});

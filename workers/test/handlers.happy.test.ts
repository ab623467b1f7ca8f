import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, createClient, signUp } from './helpers/api';

describe('queue, email and scheduled entry points', () => {
  it('cron removes expired sessions and keeps live ones', async () => {
    const live = await signUp();
    const expired = await signUp();
    await env.DB.prepare(
      'UPDATE sessions SET expires_at = 1 WHERE user_id IN (SELECT user_id FROM memberships WHERE tenant_id = ?)',
    )
      .bind(expired.tenantId)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE expires_at = 1').first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
    expect((await call('/clients', { as: live })).status).toBe(200);
  });

  it('cron purges expired rate-limit windows, portal sessions and long-dead links, and keeps live ones', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO rate_limits (key, count, reset_at) VALUES ('old-window', 3, ?), ('live-window', 3, ?)",
      ).bind(now - 1000, now + 600_000),
      env.DB.prepare(
        `INSERT INTO portal_links (id, tenant_id, client_id, token_hash, created_at, expires_at, revoked_at) VALUES
          ('lnk_dead', ?1, ?2, 'h-dead', ?3, ?4, NULL),
          ('lnk_recent', ?1, ?2, 'h-recent', ?3, ?5, NULL),
          ('lnk_revoked', ?1, ?2, 'h-revoked', ?3, ?6, ?4),
          ('lnk_live', ?1, ?2, 'h-live', ?3, ?6, NULL)`,
      ).bind(owner.tenantId, client.id, now - 90 * day, now - 31 * day, now - 2 * day, now + 10 * day),
      env.DB.prepare(
        `INSERT INTO portal_sessions (token_hash, tenant_id, client_id, link_id, created_at, expires_at) VALUES
          ('s-old', ?1, ?2, 'lnk_live', ?3, ?4), ('s-live', ?1, ?2, 'lnk_live', ?3, ?5)`,
      ).bind(owner.tenantId, client.id, now - 8 * day, now - 1000, now + day),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    const ids = async (sql: string) =>
      (await env.DB.prepare(sql).all<{ id: string }>()).results.map((r) => r.id).sort();
    expect(await ids("SELECT key AS id FROM rate_limits WHERE key IN ('old-window', 'live-window')")).toEqual(
      ['live-window'],
    );
    expect(
      await ids(`SELECT token_hash AS id FROM portal_sessions WHERE client_id = '${client.id}'`),
    ).toEqual(['s-live']);
    expect(await ids(`SELECT id FROM portal_links WHERE client_id = '${client.id}'`)).toEqual([
      'lnk_live',
      'lnk_recent',
    ]);
  });

  it('inbound email to an address that names no conversation is refused with a reason', async () => {
    let reason = '';
    const message = {
      from: 'client@example.com',
      to: 'reply+abc@clientele.test',
      headers: new Headers(),
      raw: new Response('Message-ID: <x1@example.com>\r\nSubject: hi\r\n\r\nhello').body!,
      rawSize: 20,
      setReject: (r: string) => {
        reason = r;
      },
      forward: async () => ({ messageId: '' }),
      reply: async () => ({ messageId: '' }),
    } as unknown as ForwardableEmailMessage;
    await worker.email(message, env, createExecutionContext());
    expect(reason).toMatch(/No conversation matches this address/);
  });
});

import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, signUp } from './helpers/api';

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

  it('inbound email is refused with a reason until tickets exist', async () => {
    let reason = '';
    const message = {
      from: 'client@example.com',
      to: 'reply+abc@clientele.test',
      headers: new Headers(),
      raw: new Response('Subject: hi\r\n\r\nhello').body!,
      rawSize: 20,
      setReject: (r: string) => {
        reason = r;
      },
      forward: async () => ({ messageId: '' }),
      reply: async () => ({ messageId: '' }),
    } as unknown as ForwardableEmailMessage;
    await worker.email(message, env, createExecutionContext());
    expect(reason).toMatch(/does not accept mail/);
  });
});

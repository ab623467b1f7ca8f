import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import { call, signUp, withApiKey } from './helpers/api';
import { heldReply, inboundLog } from './helpers/inbound';

const DAY = 24 * 3600 * 1000;

async function tick(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const heldCopy = async (logId: string) => {
  const listed = await env.FILES.list({ prefix: 'inbound/' });
  return listed.objects.find((o) => o.key.endsWith(`/${logId}.eml`));
};

describe('held replies nobody accepts', () => {
  it('are kept for 30 days, then their raw copy is deleted and they can no longer be accepted', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    // The ticks run a month ahead, where the owner's session has long expired; a key has not.
    const integration = await withApiKey(owner);
    expect(held.line.acceptable).toBe(true);
    expect(await heldCopy(held.line.id)).toBeDefined();

    await tick(Date.now() + 29 * DAY);
    expect(await heldCopy(held.line.id)).toBeDefined();
    expect((await inboundLog(integration)).find((l) => l.id === held.line.id)?.acceptable).toBe(true);

    await tick(Date.now() + 31 * DAY);
    expect(await heldCopy(held.line.id)).toBeUndefined();
    const line = (await inboundLog(integration)).find((l) => l.id === held.line.id);
    expect(line?.acceptable).toBe(false);
    expect(line?.outcome).toBe('rejected');
    expect(line?.reason).toMatch(/30 days/);
    const res = await call(`/tickets/inbound-mail/${held.line.id}/accept`, {
      method: 'POST',
      as: integration,
    });
    expect(res.status).toBe(409);
  });
});

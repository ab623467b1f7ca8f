import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './helpers/api';
import { emailedReplies, heldReply } from './helpers/inbound';

describe('POST /tickets/inbound-mail/{id}/accept: who may accept', () => {
  it("another business's held mail stays held: 404 and nothing added to that thread", async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const held = await heldReply(owner);
    const res = await call(`/tickets/inbound-mail/${held.line.id}/accept`, { method: 'POST', as: intruder });
    expect(res.status).toBe(404);
    expect(await emailedReplies(owner, held.id)).toHaveLength(0);
  });

  it('a member (not the owner) → 403; the reply stays held', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    await env.DB.prepare("UPDATE memberships SET role = 'member' WHERE tenant_id = ?")
      .bind(owner.tenantId)
      .run();
    const res = await call(`/tickets/inbound-mail/${held.line.id}/accept`, { method: 'POST', as: owner });
    expect(res.status).toBe(403);
    expect(await emailedReplies(owner, held.id)).toHaveLength(0);
  });

  it('a cookie write from another site → 403', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    const res = await call(`/tickets/inbound-mail/${held.line.id}/accept`, {
      method: 'POST',
      as: owner,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await emailedReplies(owner, held.id)).toHaveLength(0);
  });

  it("the held raw message is stored under its business's prefix in R2, keyed by the log line", async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    const keys = (await env.FILES.list({ prefix: 'inbound/' })).objects.map((o) => o.key);
    expect(keys).toContain(`inbound/${owner.tenantId}/${held.line.id}.eml`);
  });
});

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type Caller, call, json, signUp, withApiKey } from './helpers/api';
import { emailedReplies, heldReply, inboundLog } from './helpers/inbound';
import { unreadCount } from './helpers/tickets';

const accept = (id: string, as: Caller, key?: string) =>
  call(`/tickets/inbound-mail/${id}/accept`, {
    method: 'POST',
    as,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('POST /tickets/inbound-mail/{id}/accept', () => {
  it('the owner accepts a held reply: it lands once on its thread with its attachments, the log says accepted', async () => {
    const owner = await signUp();
    const held = await heldReply(owner, { body: 'Proof of payment attached.', attachments: 2 });
    expect(held.line).toMatchObject({ outcome: 'rejected', reason: 'Sender not verified', acceptable: true });
    expect(await emailedReplies(owner, held.id)).toHaveLength(0);
    const before = await unreadCount(owner);

    const res = await accept(held.line.id, owner);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: held.line.id, outcome: 'accepted', acceptable: false });

    const [reply, ...rest] = await emailedReplies(owner, held.id);
    expect(rest).toHaveLength(0);
    expect(reply).toMatchObject({ author: 'client', body: 'Proof of payment attached.' });
    expect(reply!.attachments.map((a) => a.name)).toEqual(['doc-0.pdf', 'doc-1.pdf']);
    const file = await call(`/tickets/${held.id}/attachments/${reply!.attachments[1]!.id}`, { as: owner });
    expect(await file.text()).toBe('%PDF-1.4 file 1');
    expect(await unreadCount(owner)).toBe(before + 1);
    const line = (await inboundLog(owner)).find((l) => l.id === held.line.id)!;
    expect(line).toMatchObject({ outcome: 'accepted', acceptable: false });
    expect(line.reason).toContain(owner.email);
    // The held copy is gone once it is on the thread.
    expect((await env.FILES.list({ prefix: `inbound/${owner.tenantId}/` })).objects).toHaveLength(0);
  });

  it('the same Idempotency-Key replays the first answer; a new key is a 409, never a second message', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    const first = await accept(held.line.id, owner, 'accept-1');
    expect(first.status).toBe(200);
    const replay = await accept(held.line.id, owner, 'accept-1');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await accept(held.line.id, owner, 'accept-2');
    expect(again.status).toBe(409);
    expect(await emailedReplies(owner, held.id)).toHaveLength(1);
  });

  it('an API key of the business can accept too', async () => {
    const owner = await signUp();
    const held = await heldReply(owner);
    const res = await accept(held.line.id, await withApiKey(owner));
    expect(res.status).toBe(200);
    expect((await json(res)).reason).toContain('accepted by an API key');
    expect(await emailedReplies(owner, held.id)).toHaveLength(1);
  });
});

import { env } from 'cloudflare:test';
import type { Role } from '@clientele/db';
import { pendingKey } from '../../services/mail/outgoing';
import { type Caller, call, json, randomAddress, sessionCookieOf } from './api';

const TOKEN = /\/invitations\/([A-Za-z0-9_-]{40,})/;

/** The text of a stored message, its base64 parts decoded. */
function readable(raw: string): string {
  const decoded = raw
    .split(/\r?\n\r?\n/)
    .map((block) => {
      const joined = block.replace(/\r?\n/g, '');
      if (!/^[A-Za-z0-9+/=]{16,}$/.test(joined)) return '';
      try {
        return new TextDecoder().decode(Uint8Array.from(atob(joined), (c) => c.charCodeAt(0)));
      } catch {
        return '';
      }
    })
    .join('\n');
  return `${raw}\n${decoded}`;
}

/** The newest invitation email to `email` from the business, as queued (subject and text). */
export async function invitationMail(tenantId: string, email: string) {
  const row = await env.DB.prepare(
    "SELECT id FROM emails WHERE tenant_id = ? AND kind = 'account_invitation' AND to_address = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
  )
    .bind(tenantId, email.toLowerCase())
    .first<{ id: string }>();
  if (!row) throw new Error(`no invitation email to ${email}`);
  // Kept in R2 until sent; once the queue has sent it, the dev outbox holds the message.
  const pending = await env.FILES.get(pendingKey(tenantId, row.id));
  if (pending) {
    return {
      id: row.id,
      subject: pending.customMetadata?.subject ?? '',
      text: readable(await pending.text()),
    };
  }
  const sent = await env.DB.prepare('SELECT subject, raw_key FROM dev_outbox WHERE email_id = ?')
    .bind(row.id)
    .first<{ subject: string; raw_key: string }>();
  const raw = sent ? await env.FILES.get(sent.raw_key) : null;
  if (!sent || !raw) throw new Error(`invitation email ${row.id} is neither pending nor in the outbox`);
  return { id: row.id, subject: sent.subject, text: readable(await raw.text()) };
}

/** The token in the newest invitation email to `email`. */
export async function invitationToken(tenantId: string, email: string): Promise<string> {
  const { text } = await invitationMail(tenantId, email);
  const token = TOKEN.exec(text)?.[1];
  if (!token) throw new Error(`no invitation link in the email to ${email}`);
  return token;
}

export async function invite(as: Caller, email: string, role: Role) {
  return call('/invitations', { method: 'POST', body: { email, role }, as });
}

/** Accepts as a new person; the answer's cookie signs them in. */
export async function acceptAsNewPerson(
  token: string,
  name = 'Ana Reis',
  headers: Record<string, string> = {},
) {
  return call(`/invitations/${token}/accept`, {
    method: 'POST',
    body: { name, password: 'correct horse battery' },
    headers: { 'cf-connecting-ip': randomAddress(), ...headers },
  });
}

/** Someone new in `owner`'s business with `role`, signed in by cookie (invited and accepted). */
export async function joinAs(owner: Caller, role: Role, email: string): Promise<Caller & { userId: string }> {
  const invited = await invite(owner, email, role);
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${await invited.text()}`);
  const res = await acceptAsNewPerson(await invitationToken(owner.tenantId, email));
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  const body = await json<{ userId: string }>(res);
  return { headers: { cookie: sessionCookieOf(res) }, tenantId: owner.tenantId, email, userId: body.userId };
}

/** The user id of the person signed in as `as`. */
export async function userIdOf(as: Caller): Promise<string> {
  return (await json<{ userId: string }>(await call('/sessions/current', { as }))).userId;
}

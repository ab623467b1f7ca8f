import { env } from 'cloudflare:test';
import PostalMime from 'postal-mime';
import { pendingKey } from '../../services/mail/outgoing';
import { type Caller, call, json, randomAddress, sessionCookieOf } from './api';

export const PASSWORD = 'correct horse battery';

interface MailRow {
  id: string;
  tenant_id: string;
  kind: string;
  to_address: string;
}

/** Account emails to `to` (newest first), as recorded: kind, address, and the message itself. */
export async function accountMailTo(to: string, kind?: string) {
  const rows = await env.DB.prepare(
    `SELECT id, tenant_id, kind, to_address FROM emails WHERE to_address = ? AND client_id IS NULL ${kind ? 'AND kind = ?' : ''} ORDER BY created_at DESC, id DESC`,
  )
    .bind(...(kind ? [to.toLowerCase(), kind] : [to.toLowerCase()]))
    .all<MailRow>();
  return Promise.all(
    rows.results.map(async (r) => {
      // Kept in R2 until sent; once sent, the dev outbox holds the same message.
      const pending = await env.FILES.get(pendingKey(r.tenant_id, r.id));
      let raw = pending ? await pending.text() : '';
      if (!raw) {
        const sent = await env.DB.prepare('SELECT raw_key FROM dev_outbox WHERE email_id = ?')
          .bind(r.id)
          .first<{ raw_key: string }>();
        raw = sent ? ((await (await env.FILES.get(sent.raw_key))?.text()) ?? '') : '';
      }
      const parsed = await PostalMime.parse(raw);
      return { ...r, subject: parsed.subject ?? '', text: parsed.text ?? '', raw };
    }),
  );
}

/** The token of the newest `/<page>/<token>` link emailed to `to`. */
export async function linkTokenFor(to: string, page: 'reset-password' | 'verify-email') {
  for (const m of await accountMailTo(to)) {
    const found = new RegExp(`/${page}/([A-Za-z0-9_-]{43})`).exec(m.text);
    if (found) return found[1]!;
  }
  throw new Error(`no ${page} link emailed to ${to}`);
}

/** Waits for work the Worker does after answering (`waitUntil`). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function signIn(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return call('/sessions', {
    method: 'POST',
    body: { email, password },
    headers: { 'cf-connecting-ip': randomAddress(), ...headers },
  });
}

/** Another session of the same person (another browser). */
export async function anotherDevice(of: Caller, headers: Record<string, string> = {}): Promise<Caller> {
  const res = await signIn(of.email, PASSWORD, headers);
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { ...of, headers: { cookie: sessionCookieOf(res) } };
}

export async function requestReset(email: string, ip = randomAddress()) {
  return call('/password-resets', { method: 'POST', body: { email }, headers: { 'cf-connecting-ip': ip } });
}

export async function auditActions(tenantId: string, action: string) {
  const rows = await env.DB.prepare(
    'SELECT action, subject_id, actor_id FROM audit_log WHERE tenant_id = ? AND action = ?',
  )
    .bind(tenantId, action)
    .all<{ action: string; subject_id: string | null; actor_id: string | null }>();
  return rows.results;
}

export const meOf = async (as: Caller) => json(await call('/me', { as }));

import { env } from 'cloudflare:test';
import { totpAt } from '../../services/auth/totp';
import { type Caller, call, json, randomAddress, sessionCookieOf } from './api';

export const PASSWORD = 'correct horse battery';

/** The code an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now. */
export const codeFor = (secret: string, stepsAhead = 0) =>
  totpAt(secret, new Date(Date.now() + stepsAhead * 30_000));

/** Turns two-factor on for the caller, as the app does: start, then a code from the secret. */
export async function enrol(as: Caller) {
  const started = await call('/me/totp', { method: 'POST', as });
  if (started.status !== 201) throw new Error(`enrolment: ${started.status} ${await started.text()}`);
  const { secret, otpauthUrl } = await json<{ secret: string; otpauthUrl: string }>(started);
  const confirmed = await call('/me/totp/confirm', {
    method: 'POST',
    body: { code: await codeFor(secret) },
    as,
  });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${await confirmed.text()}`);
  const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(confirmed);
  return { secret, otpauthUrl, recoveryCodes };
}

/** `POST /sessions` from an address of its own (so per-address limits stay out of the way unless given). */
export function signInWith(email: string, extra: { password?: string; totp?: string; ip?: string } = {}) {
  const body: Record<string, string> = { email, password: extra.password ?? PASSWORD };
  if (extra.totp !== undefined) body.totp = extra.totp;
  return call('/sessions', {
    method: 'POST',
    body,
    headers: { 'cf-connecting-ip': extra.ip ?? randomAddress() },
  });
}

export function callerFrom(res: Response, of: Caller): Caller {
  return { ...of, headers: { cookie: sessionCookieOf(res) } };
}

/** Lets the next code be accepted again in a test that needs several sign-ins within one step. */
export async function forgetLastStep(email: string) {
  await env.DB.prepare('UPDATE users SET totp_last_step = NULL WHERE email = ?').bind(email).run();
}

export interface AuditRow {
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  subject_type: string;
  subject_id: string | null;
  ip: string | null;
  detail: string | null;
  tenant_id: string;
}

export async function auditLinesOf(tenantId: string, action?: string): Promise<AuditRow[]> {
  const rows = await env.DB.prepare(
    `SELECT * FROM audit_log WHERE tenant_id = ?${action ? ' AND action = ?' : ''} ORDER BY at, id`,
  )
    .bind(...(action ? [tenantId, action] : [tenantId]))
    .all<AuditRow>();
  return rows.results;
}

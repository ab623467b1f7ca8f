import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../services/auth/encoding';
import { accountMailTo, eventually, requestReset } from './helpers/account';
import { call, randomAddress, signUp, uniqueEmail } from './helpers/api';

describe('password reset: what it never tells or allows', { timeout: 30_000 }, () => {
  it('a known and an unknown address get identical answers, and no email goes to the unknown one', async () => {
    const owner = await signUp();
    const nobody = uniqueEmail('nobody');
    const known = await requestReset(owner.email);
    const unknown = await requestReset(nobody);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    const strip = (h: Headers) =>
      [...h.entries()].filter(([k]) => !['x-request-id', 'server-timing', 'date'].includes(k)).sort();
    expect(strip(unknown.headers)).toEqual(strip(known.headers));
    await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 1,
    );
    expect(await accountMailTo(nobody)).toHaveLength(0);
  });

  it('only the token’s hash is stored, and the link expires within the hour', async () => {
    const owner = await signUp();
    await requestReset(owner.email);
    const [mail] = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 1,
    );
    const token = /reset-password\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const rows = await env.DB.prepare(
      'SELECT token_hash, expires_at, created_at FROM password_resets WHERE token_hash = ? OR token_hash = ?',
    )
      .bind(token, await sha256Hex(token))
      .all<{ token_hash: string; expires_at: number; created_at: number }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toBe(await sha256Hex(token));
    expect(rows.results[0]!.expires_at - rows.results[0]!.created_at).toBe(3600 * 1000);
  });

  it('beyond 3 links an hour per account: still 202, no new email', async () => {
    const owner = await signUp();
    for (let i = 0; i < 5; i++) expect((await requestReset(owner.email)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    const mails = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length >= 3,
    );
    expect(mails).toHaveLength(3);
  });

  it('one address asking too often → 429 with Retry-After (it reveals nothing about accounts)', async () => {
    const ip = randomAddress();
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) last = await requestReset(uniqueEmail('spray'), ip);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('guessing tokens from one address meets a 429', async () => {
    const ip = randomAddress();
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) {
      last = await call(`/password-resets/${'B'.repeat(42)}${i % 10}`, {
        method: 'POST',
        body: { password: 'long enough passphrase' },
        headers: { 'cf-connecting-ip': ip },
      });
    }
    expect(last!.status).toBe(429);
  });

  it('a reset link from the email works once even when two requests race', async () => {
    const owner = await signUp();
    await requestReset(owner.email);
    const [mail] = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 1,
    );
    const token = /reset-password\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const body = { password: 'long enough passphrase' };
    const answers = await Promise.all([
      call(`/password-resets/${token}`, { method: 'POST', body }),
      call(`/password-resets/${token}`, { method: 'POST', body: { password: 'another long passphrase' } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 404]);
  });
});

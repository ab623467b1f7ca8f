import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_MAX_FAILURES } from '../services/auth/sessions';
import { type Caller, call, json, problemOf, signUp } from './helpers/api';
import { captureLogs } from './helpers/stripe';
import { callerFrom, codeFor, enrol, signInWith } from './helpers/two-factor';

describe('two-factor: security', () => {
  it('wrong codes count toward the account lockout like wrong passwords: then even the right code gets 429', async () => {
    const owner = await signUp();
    const { secret } = await enrol(owner);
    const right = await codeFor(secret, 1);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      // A new address each time: only the per-account count can stop this guesser.
      expect((await signInWith(owner.email, { totp: wrong })).status).toBe(401);
    }
    const locked = await signInWith(owner.email, { totp: right });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A missing code with the right password is not a failure (the app asks for it next).
    const other = await signUp();
    await enrol(other);
    for (let i = 0; i < ACCOUNT_MAX_FAILURES + 2; i++) {
      expect((await signInWith(other.email)).status).toBe(401);
    }
  });

  it('a wrong password says the same whether or not two-factor is on', async () => {
    const withIt = await signUp();
    await enrol(withIt);
    const without = await signUp();
    const a = await problemOf(await signInWith(withIt.email, { password: 'wrong password 1' }));
    const b = await problemOf(await signInWith(without.email, { password: 'wrong password 1' }));
    const { requestId: _a, ...restA } = a;
    const { requestId: _b, ...restB } = b;
    expect(restA).toEqual(restB);
    expect(a.errors).toEqual([]);
  });

  it('the secret and the recovery codes appear in no later answer, log line or row', async () => {
    const logs = captureLogs();
    const owner = await signUp();
    const started = await call('/me/totp', {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': 'enrol-1' },
    });
    const { secret } = await json(started);
    // A retried start does not show the secret again.
    const retried = await call('/me/totp', {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': 'enrol-1' },
    });
    expect(retried.status).toBe(409);
    expect(await retried.text()).not.toContain(secret);
    const body = { code: await codeFor(secret) };
    const confirmed = await call('/me/totp/confirm', {
      method: 'POST',
      body,
      as: owner,
      headers: { 'idempotency-key': 'confirm-1' },
    });
    const { recoveryCodes } = await json(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    const again = await call('/me/totp/confirm', {
      method: 'POST',
      body,
      as: owner,
      headers: { 'idempotency-key': 'confirm-1' },
    });
    expect(again.status).toBe(409);
    const later = [
      again,
      await call('/sessions/current', { as: owner }),
      await call('/settings/two-factor', { as: owner }),
      await call('/me/totp', { method: 'POST', as: owner }),
      await signInWith(owner.email),
      await signInWith(owner.email, { totp: recoveryCodes[0]! }),
      await signInWith(owner.email, { totp: recoveryCodes[0]! }),
    ];
    const texts = await Promise.all(later.map((r) => r.clone().text()));
    const secrets = [secret, ...recoveryCodes, ...recoveryCodes.map((c: string) => c.replaceAll('-', ''))];
    for (const text of texts) for (const s of secrets) expect(text).not.toContain(s);
    const logged = logs.join('\n');
    for (const s of secrets) expect(logged).not.toContain(s);
    const rows = await Promise.all(
      ['users', 'recovery_codes', 'idempotency_keys', 'audit_log', 'emails'].map(async (t) =>
        JSON.stringify((await env.DB.prepare(`SELECT * FROM ${t}`).all()).results),
      ),
    );
    for (const s of secrets) for (const r of rows) expect(r).not.toContain(s);
    // Stored sealed: the column holds the key id, nonce and ciphertext, not base32.
    const user = await env.DB.prepare('SELECT totp_secret FROM users WHERE email = ?')
      .bind(owner.email)
      .first<{ totp_secret: string }>();
    expect(user!.totp_secret.split('.')).toHaveLength(3);
  });

  it('a sealed secret copied onto another person does not open for them', async () => {
    const a = await signUp();
    const b = await signUp();
    await enrol(a);
    const { secret: bSecret } = await json(await call('/me/totp', { method: 'POST', as: b }));
    await env.DB.prepare(
      'UPDATE users SET totp_secret = (SELECT totp_secret FROM users WHERE email = ?) WHERE email = ?',
    )
      .bind(a.email, b.email)
      .run();
    const res = await call('/me/totp/confirm', {
      method: 'POST',
      body: { code: await codeFor(bSecret) },
      as: b,
    });
    expect(res.status).not.toBe(200);
  });

  it('required by the owner: a member without it reaches only their account and enrolment, then everything once it is on', async () => {
    const owner = await signUp();
    const ownerFactor = await enrol(owner);
    const member = await signUp();
    await env.DB.prepare("UPDATE memberships SET tenant_id = ?, role = 'member' WHERE tenant_id = ?")
      .bind(owner.tenantId, member.tenantId)
      .run();
    const ownerSession = callerFrom(
      await signInWith(owner.email, { totp: await codeFor(ownerFactor.secret, 1) }),
      owner,
    );
    const signedIn = await signInWith(member.email);
    expect(signedIn.status).toBe(201);
    const early: Caller = callerFrom(signedIn, { ...member, tenantId: owner.tenantId });
    expect((await call('/clients', { as: early })).status).toBe(200);

    const required = await call('/settings/two-factor', {
      method: 'PUT',
      body: { required: true },
      as: ownerSession,
    });
    expect(required.status).toBe(200);
    // Sessions that existed before the requirement are fenced too, as are new ones.
    const fenced = await signInWith(member.email);
    expect(await json(fenced.clone())).toMatchObject({ twoFactorEnabled: false, twoFactorRequired: true });
    const fresh = callerFrom(fenced, early);
    for (const as of [early, fresh]) {
      for (const [path, method] of [
        ['/clients', 'GET'],
        ['/settings', 'GET'],
        ['/settings/two-factor', 'GET'],
        ['/invoices', 'GET'],
      ] as const) {
        const res = await call(path, { method, as });
        expect(res.status, path).toBe(403);
        expect((await problemOf(res)).detail).toMatch(/two-factor/);
      }
      const created = await call('/clients', { method: 'POST', body: { name: 'Sneaky' }, as });
      expect(created.status).toBe(403);
    }
    const me = await json(await call('/sessions/current', { as: fresh }));
    expect(me).toMatchObject({ twoFactorEnabled: false, twoFactorRequired: true, role: 'member' });
    // The owner is not fenced.
    expect((await call('/clients', { as: ownerSession })).status).toBe(200);

    const { secret } = await json(await call('/me/totp', { method: 'POST', as: fresh }));
    const ok = await call('/me/totp/confirm', {
      method: 'POST',
      body: { code: await codeFor(secret) },
      as: fresh,
    });
    expect(ok.status).toBe(200);
    expect((await call('/clients', { as: fresh })).status).toBe(200);
    expect((await json(await call('/sessions/current', { as: fresh }))).twoFactorRequired).toBe(false);
    // Signing out is always open.
    expect((await call('/sessions/current', { method: 'DELETE', as: early })).status).toBe(204);
  });

  it('a member cannot require two-factor for the business; an API key cannot touch anyone’s second factor', async () => {
    const owner = await signUp();
    await enrol(owner);
    await env.DB.prepare("UPDATE memberships SET role = 'admin' WHERE tenant_id = ?")
      .bind(owner.tenantId)
      .run();
    const refused = await call('/settings/two-factor', {
      method: 'PUT',
      body: { required: true },
      as: owner,
    });
    expect(refused.status).toBe(403);
    await env.DB.prepare("UPDATE memberships SET role = 'owner' WHERE tenant_id = ?")
      .bind(owner.tenantId)
      .run();
    const keyRes = await call('/api-keys', { method: 'POST', body: { name: 'k' }, as: owner });
    const key = { ...owner, headers: { authorization: `Bearer ${(await json(keyRes)).key}` } };
    for (const [path, method] of [
      ['/me/totp', 'POST'],
      ['/me/totp/confirm', 'POST'],
      ['/me/totp', 'DELETE'],
      ['/settings/two-factor', 'PUT'],
    ] as const) {
      const res = await call(path, { method, body: { code: '123456', required: false }, as: key });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call('/settings/two-factor', { as: key })).status).toBe(200);
  });
});

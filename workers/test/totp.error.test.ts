import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp } from './helpers/api';
import { codeFor, enrol, signInWith } from './helpers/two-factor';

const paths = async (res: Response) => (await problemOf(res)).errors.map((e) => e.path);

describe('two-factor: refusals', () => {
  it('a wrong or malformed code does not turn it on: 422 naming code', async () => {
    const owner = await signUp();
    const { secret } = await json(await call('/me/totp', { method: 'POST', as: owner }));
    const right = await codeFor(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (const code of [wrong, '12345', 'abcdef', '1234567']) {
      const res = await call('/me/totp/confirm', { method: 'POST', body: { code }, as: owner });
      expect(res.status).toBe(422);
      expect(await paths(res)).toEqual(['code']);
    }
    const missing = await call('/me/totp/confirm', { method: 'POST', body: {}, as: owner });
    expect(missing.status).toBe(422);
    expect(await paths(missing)).toEqual(['code']);
    expect((await json(await call('/settings/two-factor', { as: owner }))).enabledForMe).toBe(false);
  });

  it('confirming before starting is a 409; starting again replaces the pending secret', async () => {
    const owner = await signUp();
    const early = await call('/me/totp/confirm', { method: 'POST', body: { code: '123456' }, as: owner });
    expect(early.status).toBe(409);
    const first = await json(await call('/me/totp', { method: 'POST', as: owner }));
    const second = await json(await call('/me/totp', { method: 'POST', as: owner }));
    expect(second.secret).not.toBe(first.secret);
    const stale = await call('/me/totp/confirm', {
      method: 'POST',
      body: { code: await codeFor(first.secret) },
      as: owner,
    });
    // A code of the replaced secret could match the new one by chance only once in a million.
    expect(stale.status).toBe(422);
    const ok = await call('/me/totp/confirm', {
      method: 'POST',
      body: { code: await codeFor(second.secret) },
      as: owner,
    });
    expect(ok.status).toBe(200);
  });

  it('already on: starting or confirming again is a 409, and the working secret stays', async () => {
    const owner = await signUp();
    const { secret } = await enrol(owner);
    expect((await call('/me/totp', { method: 'POST', as: owner })).status).toBe(409);
    const again = await call('/me/totp/confirm', { method: 'POST', body: { code: '123456' }, as: owner });
    expect(again.status).toBe(409);
    expect((await signInWith(owner.email, { totp: await codeFor(secret, 1) })).status).toBe(201);
  });

  it('turning off: 409 when it is off, 422 naming code for a wrong or missing code', async () => {
    const owner = await signUp();
    const off = await call('/me/totp', { method: 'DELETE', body: { code: '123456' }, as: owner });
    expect(off.status).toBe(409);
    const { secret } = await enrol(owner);
    const right = await codeFor(secret, 1);
    const wrong = right === '000000' ? '111111' : '000000';
    for (const code of [wrong, 'aaaa-bbbb-cc']) {
      const res = await call('/me/totp', { method: 'DELETE', body: { code }, as: owner });
      expect(res.status).toBe(422);
      expect(await paths(res)).toEqual(['code']);
    }
    const empty = await call('/me/totp', { method: 'DELETE', body: {}, as: owner });
    expect(empty.status).toBe(422);
    expect(await paths(empty)).toEqual(['code']);
    expect((await json(await call('/settings/two-factor', { as: owner }))).enabledForMe).toBe(true);
  });

  it('sign-in: a wrong code is a 401 naming totp and sets no cookie', async () => {
    const owner = await signUp();
    const { secret } = await enrol(owner);
    const right = await codeFor(secret, 1);
    for (const totp of [right === '000000' ? '111111' : '000000', 'zzzz-zzzz-zz', 'not a code']) {
      const res = await signInWith(owner.email, { totp });
      expect(res.status).toBe(401);
      expect(await paths(res)).toEqual(['totp']);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('a code is accepted once: the same code again, or the code that confirmed enrolment, is refused', async () => {
    const owner = await signUp();
    const started = await json(await call('/me/totp', { method: 'POST', as: owner }));
    const confirmCode = await codeFor(started.secret);
    await call('/me/totp/confirm', { method: 'POST', body: { code: confirmCode }, as: owner });
    const reused = await signInWith(owner.email, { totp: confirmCode });
    expect(reused.status).toBe(401);
    expect(await paths(reused)).toEqual(['totp']);
    const next = await codeFor(started.secret, 1);
    expect((await signInWith(owner.email, { totp: next })).status).toBe(201);
    const replay = await signInWith(owner.email, { totp: next });
    expect(replay.status).toBe(401);
    // An older step than the last accepted one is refused too, even within the ±1 window.
    const older = await signInWith(owner.email, { totp: await codeFor(started.secret, -1) });
    expect(older.status).toBe(401);
  });

  it('a pending secret cannot sign in: no code is asked for or accepted until it is confirmed', async () => {
    const owner = await signUp();
    const { secret } = await json(await call('/me/totp', { method: 'POST', as: owner }));
    const plain = await signInWith(owner.email);
    expect(plain.status).toBe(201);
    const me = await json(
      await call('/sessions/current', {
        headers: { cookie: /clientele_admin_session=[^;]+/.exec(plain.headers.get('set-cookie') ?? '')![0] },
      }),
    );
    expect(me.twoFactorEnabled).toBe(false);
    const row = await env.DB.prepare('SELECT totp_enabled_at FROM users WHERE email = ?')
      .bind(owner.email)
      .first<{ totp_enabled_at: number | null }>();
    expect(row?.totp_enabled_at).toBeNull();
    // A wrong password with the pending secret's code is the same refusal as ever.
    const wrong = await signInWith(owner.email, {
      password: 'not the password!',
      totp: await codeFor(secret),
    });
    expect(wrong.status).toBe(401);
    expect((await problemOf(wrong)).errors).toEqual([]);
  });

  it('requiring two-factor: 409 while the owner has it off; a bad body is a 422 naming required', async () => {
    const owner = await signUp();
    const early = await call('/settings/two-factor', { method: 'PUT', body: { required: true }, as: owner });
    expect(early.status).toBe(409);
    expect((await json(await call('/settings/two-factor', { as: owner }))).required).toBe(false);
    const bad = await call('/settings/two-factor', { method: 'PUT', body: { required: 'yes' }, as: owner });
    expect(bad.status).toBe(422);
    expect(await paths(bad)).toEqual(['required']);
  });
});

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { fromBase32, hotp, otpauthUrl, toBase32, totpAt } from '../services/auth/totp';
import { call, json, problemOf, signUp } from './helpers/api';
import { callerFrom, codeFor, enrol, signInWith } from './helpers/two-factor';

/** RFC 4226 appendix D and RFC 6238 appendix B: the shared secret "12345678901234567890". */
const SEED = new TextEncoder().encode('12345678901234567890');

describe('TOTP codes match the RFCs', () => {
  it('HOTP: the ten values of RFC 4226 appendix D', async () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    const got = await Promise.all(expected.map((_, count) => hotp(SEED, count)));
    expect(got).toEqual(expected);
  });

  it('TOTP: the SHA-1 rows of RFC 6238 appendix B, 8 digits there and their last 6 as apps show them', async () => {
    const rows: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    const secret = toBase32(SEED);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of rows) {
      expect(await totpAt(secret, new Date(seconds * 1000), 8)).toBe(code);
      expect(await totpAt(secret, new Date(seconds * 1000))).toBe(code.slice(2));
    }
  });

  it('base32 round-trips 20 random bytes without padding; otpauth URL has encoded labels and the defaults', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    const text = toBase32(bytes);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(fromBase32(text.toLowerCase())).toEqual(bytes);
    expect(fromBase32('not base32!')).toBeUndefined();
    expect(otpauthUrl('Clientele', 'ana+work@example.com', text)).toBe(
      `otpauth://totp/Clientele:ana%2Bwork%40example.com?secret=${text}&issuer=Clientele&algorithm=SHA1&digits=6&period=30`,
    );
  });
});

describe('two-factor sign-in', () => {
  it('enrol → confirm → sign-in asks for the code → a computed code signs in', async () => {
    const owner = await signUp();
    const started = await call('/me/totp', { method: 'POST', as: owner });
    expect(started.status).toBe(201);
    const { secret, otpauthUrl: url } = await json(started);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(url).toBe(
      `otpauth://totp/Clientele:${encodeURIComponent(owner.email)}?secret=${secret}&issuer=Clientele&algorithm=SHA1&digits=6&period=30`,
    );
    // Pending until confirmed: sign-in still needs the password alone.
    expect((await signInWith(owner.email)).status).toBe(201);

    const confirmed = await call('/me/totp/confirm', {
      method: 'POST',
      body: { code: await codeFor(secret) },
      as: owner,
    });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = await json(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z1-9]{4}-[a-z1-9]{4}-[a-z1-9]{2}$/);

    const asked = await signInWith(owner.email);
    expect(asked.status).toBe(401);
    const problem = await problemOf(asked);
    expect(problem.errors).toEqual([{ path: 'totp', message: 'Enter the code from your authenticator app' }]);
    expect(asked.headers.get('set-cookie')).toBeNull();

    const signedIn = await signInWith(owner.email, { totp: await codeFor(secret, 1) });
    expect(signedIn.status).toBe(201);
    expect(await json(signedIn.clone())).toMatchObject({ twoFactorEnabled: true, twoFactorRequired: false });
    const me = await json(await call('/sessions/current', { as: callerFrom(signedIn, owner) }));
    expect(me).toMatchObject({ email: owner.email, twoFactorEnabled: true, twoFactorRequired: false });

    // The person is told, in an email of its own.
    const mail = await env.DB.prepare(
      'SELECT kind, to_address AS "to" FROM emails WHERE tenant_id = ? AND kind = ?',
    )
      .bind(owner.tenantId, 'account_security')
      .all();
    expect(mail.results).toEqual([{ kind: 'account_security', to: owner.email }]);
  });

  it('a recovery code signs in once, typed in any case and without dashes', async () => {
    const owner = await signUp();
    const { recoveryCodes } = await enrol(owner);
    const code = recoveryCodes[3]!;
    const first = await signInWith(owner.email, { totp: code.replaceAll('-', '').toUpperCase() });
    expect(first.status).toBe(201);
    const again = await signInWith(owner.email, { totp: code });
    expect(again.status).toBe(401);
    expect((await problemOf(again)).errors.map((e) => e.path)).toEqual(['totp']);
    // The others still work.
    expect((await signInWith(owner.email, { totp: recoveryCodes[4]! })).status).toBe(201);
  });

  it('turning it off with a code: sign-in by password again, the recovery codes are gone, and the person is told', async () => {
    const owner = await signUp();
    const { secret, recoveryCodes } = await enrol(owner);
    const off = await call('/me/totp', {
      method: 'DELETE',
      body: { code: await codeFor(secret, 1) },
      as: owner,
    });
    expect(off.status).toBe(204);
    expect((await signInWith(owner.email)).status).toBe(201);
    const left = await env.DB.prepare(
      'SELECT count(*) AS n FROM recovery_codes r JOIN users u ON u.id = r.user_id WHERE u.email = ?',
    )
      .bind(owner.email)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    const user = await env.DB.prepare('SELECT totp_secret, totp_enabled_at FROM users WHERE email = ?')
      .bind(owner.email)
      .first();
    expect(user).toEqual({ totp_secret: null, totp_enabled_at: null });
    const mail = await env.DB.prepare('SELECT count(*) AS n FROM emails WHERE tenant_id = ? AND kind = ?')
      .bind(owner.tenantId, 'account_security')
      .first<{ n: number }>();
    expect(mail?.n).toBe(2);
    // And on again later, with new codes.
    const again = await enrol(owner);
    expect(again.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
  });

  it('a recovery code also turns it off', async () => {
    const owner = await signUp();
    const { recoveryCodes } = await enrol(owner);
    const off = await call('/me/totp', { method: 'DELETE', body: { code: recoveryCodes[0]! }, as: owner });
    expect(off.status).toBe(204);
    expect((await json(await call('/settings/two-factor', { as: owner }))).enabledForMe).toBe(false);
  });

  it('an owner with two-factor on requires it for everyone, and can lift it', async () => {
    const owner = await signUp();
    await enrol(owner);
    const on = await call('/settings/two-factor', { method: 'PUT', body: { required: true }, as: owner });
    expect(on.status).toBe(200);
    expect(await json(on)).toEqual({ required: true, enabledForMe: true });
    expect(await json(await call('/settings/two-factor', { as: owner }))).toEqual({
      required: true,
      enabledForMe: true,
    });
    const off = await call('/settings/two-factor', { method: 'PUT', body: { required: false }, as: owner });
    expect(await json(off)).toEqual({ required: false, enabledForMe: true });
  });
});

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, json, signUp } from './helpers/api';
import { auditLinesOf, callerFrom, codeFor, enrol, signInWith } from './helpers/two-factor';

describe('sign-ins in the audit log', () => {
  it('a sign-in writes session.created: the person as actor, the session as subject, the address', async () => {
    const owner = await signUp();
    const res = await signInWith(owner.email, { ip: '203.0.113.7' });
    expect(res.status).toBe(201);
    const [line] = await auditLinesOf(owner.tenantId, 'session.created');
    const user = await env.DB.prepare('SELECT id FROM users WHERE email = ?')
      .bind(owner.email)
      .first<{ id: string }>();
    expect(line).toMatchObject({
      actor_type: 'user',
      actor_id: user!.id,
      actor_name: owner.email,
      subject_type: 'session',
      ip: '203.0.113.7',
    });
    expect(line!.subject_id).toMatch(/^ses_/);
    expect(JSON.parse(line!.detail!)).toEqual({ method: 'password' });
    const session = await env.DB.prepare('SELECT id FROM sessions WHERE id = ?')
      .bind(line!.subject_id)
      .first();
    expect(session).not.toBeNull();
  });

  it('a wrong password writes session.failed in every business the person belongs to, without the password', async () => {
    const owner = await signUp();
    const other = await signUp();
    const user = await env.DB.prepare('SELECT id FROM users WHERE email = ?')
      .bind(owner.email)
      .first<{ id: string }>();
    await env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'accountant', ?)",
    )
      .bind(other.tenantId, user!.id, Date.now())
      .run();
    const guess = 'my-secret-guess-42';
    expect((await signInWith(owner.email, { password: guess, ip: '203.0.113.9' })).status).toBe(401);
    for (const tenantId of [owner.tenantId, other.tenantId]) {
      const lines = await auditLinesOf(tenantId, 'session.failed');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        actor_type: 'user',
        actor_id: user!.id,
        subject_type: 'user',
        subject_id: user!.id,
        ip: '203.0.113.9',
      });
      expect(JSON.parse(lines[0]!.detail!)).toEqual({ reason: 'password' });
    }
    const all = await env.DB.prepare('SELECT * FROM audit_log').all();
    expect(JSON.stringify(all.results)).not.toContain(guess);
    // An address nobody has: nothing to write, and no business to write it in.
    const before = (await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>())!.n;
    expect((await signInWith('nobody.here@example.com', { password: guess })).status).toBe(401);
    const after = (await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>())!.n;
    expect(after).toBe(before);
  });

  it('two-factor: enabled, a wrong code (session.failed, reason totp), a sign-in by code and by recovery code, disabled, required', async () => {
    const owner = await signUp();
    const { secret, recoveryCodes } = await enrol(owner);
    const right = await codeFor(secret, 1);
    await signInWith(owner.email, { totp: right === '000000' ? '111111' : '000000' });
    const signedIn = await signInWith(owner.email, { totp: right });
    expect(signedIn.status).toBe(201);
    const me = callerFrom(signedIn, owner);
    expect((await signInWith(owner.email, { totp: recoveryCodes[0]! })).status).toBe(201);
    expect(
      (await call('/settings/two-factor', { method: 'PUT', body: { required: true }, as: me })).status,
    ).toBe(200);
    // Setting what is already set changes nothing and writes nothing.
    await call('/settings/two-factor', { method: 'PUT', body: { required: true }, as: me });
    await call('/settings/two-factor', { method: 'PUT', body: { required: false }, as: me });
    expect(
      (await call('/me/totp', { method: 'DELETE', body: { code: recoveryCodes[1]! }, as: me })).status,
    ).toBe(204);

    const lines = await auditLinesOf(owner.tenantId);
    const actions = lines.map((l) => l.action);
    expect(actions).toEqual([
      'totp.enabled',
      'session.failed',
      'session.created',
      'session.created',
      'settings.two_factor_required',
      'settings.two_factor_required',
      'totp.disabled',
    ]);
    const detail = (action: string) =>
      lines.filter((l) => l.action === action).map((l) => JSON.parse(l.detail ?? 'null'));
    expect(detail('session.failed')).toEqual([{ reason: 'totp' }]);
    expect(detail('session.created')).toEqual([{ method: 'totp' }, { method: 'recoveryCode' }]);
    expect(detail('settings.two_factor_required')).toEqual([{ required: true }, { required: false }]);
    const enabled = lines.find((l) => l.action === 'totp.enabled')!;
    expect(enabled).toMatchObject({ actor_type: 'user', subject_type: 'user', subject_id: enabled.actor_id });
    const session = await json(await call('/sessions/current', { as: me }));
    expect(session.twoFactorEnabled).toBe(false);
  });
});

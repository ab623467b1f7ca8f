import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, problemOf, signUp } from './helpers/api';
import { closeBusiness } from './helpers/closing';
import { enrol } from './helpers/two-factor';

const PASSWORD = 'correct horse battery';

async function isOpen(tenantId: string) {
  const row = await env.DB.prepare('SELECT closed_at AS closedAt FROM tenants WHERE id = ?')
    .bind(tenantId)
    .first<{ closedAt: number | null }>();
  return row !== null && row.closedAt === null;
}

describe('closing a business: refusals change nothing', { timeout: 60_000 }, () => {
  it('a name that does not match → 422 naming confirm; the business and the session live on', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    const res = await closeBusiness(owner, { confirm: 'studio norte!', password: PASSWORD });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['confirm']);
    expect(await isOpen(owner.tenantId)).toBe(true);
    expect((await call('/clients', { as: owner })).status).toBe(200);
  });

  it('a wrong password → 422 naming password, and guessing it here is throttled', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    for (let i = 0; i < 5; i++) {
      const res = await closeBusiness(owner, { confirm: 'Studio Norte', password: `wrong-${i}` });
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['password']);
    }
    const sixth = await closeBusiness(owner, { confirm: 'Studio Norte', password: 'wrong-again' });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await isOpen(owner.tenantId)).toBe(true);
  });

  it('both wrong → both fields named at once', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    const res = await closeBusiness(owner, { confirm: 'Other', password: 'nope' });
    expect((await problemOf(res)).errors.map((e) => e.path).sort()).toEqual(['confirm', 'password']);
  });

  it('missing or mistyped fields → 422 naming them', async () => {
    const owner = await signUp();
    const res = await closeBusiness(owner, { confirm: 42 });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors.map((e) => e.path).sort()).toEqual(['confirm', 'password']);
    expect(await isOpen(owner.tenantId)).toBe(true);
  });

  it('with two-factor on: no code or a wrong one → 422 naming totp and nothing closes; a recovery code closes it', async () => {
    const owner = await signUp({ businessName: 'Studio Norte' });
    const { recoveryCodes } = await enrol(owner);
    for (const totp of [undefined, '000000', 'aaaa-bbbb-cc']) {
      const res = await closeBusiness(owner, {
        confirm: 'Studio Norte',
        password: PASSWORD,
        ...(totp ? { totp } : {}),
      });
      expect(res.status).toBe(422);
      expect((await problemOf(res)).errors.map((e) => e.path)).toEqual(['totp']);
      expect(await isOpen(owner.tenantId)).toBe(true);
    }
    const res = await closeBusiness(owner, {
      confirm: 'Studio Norte',
      password: PASSWORD,
      totp: recoveryCodes[0],
    });
    expect(res.status).toBe(202);
    expect(await isOpen(owner.tenantId)).toBe(false);
  });

  it('closing twice: the second call has no session left → 401', async () => {
    const owner = await signUp({ businessName: 'Once' });
    expect((await closeBusiness(owner, { confirm: 'Once', password: PASSWORD })).status).toBe(202);
    expect((await closeBusiness(owner, { confirm: 'Once', password: PASSWORD })).status).toBe(401);
  });
});

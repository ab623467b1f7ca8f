import { describe, expect, it } from 'vitest';
import { accountMailTo, auditActions, linkTokenFor, meOf, PASSWORD, signIn } from './helpers/account';
import { call, json, signUp, uniqueEmail } from './helpers/api';

describe('confirmed email addresses', { timeout: 30_000 }, () => {
  it('sign-up emails a link; the token alone confirms the address (no session needed)', async () => {
    const owner = await signUp({}, { verified: false });
    const before = await json(await call('/sessions/current', { as: owner }));
    expect(before.user.emailVerified).toBe(false);
    const [mail] = await accountMailTo(owner.email, 'account_verify_email');
    expect(mail!.text).toContain('https://app.clientele.test/verify-email/');
    const token = await linkTokenFor(owner.email, 'verify-email');
    expect((await call(`/email-verifications/${token}`, { method: 'POST' })).status).toBe(204);
    const after = await json(await call('/sessions/current', { as: owner }));
    expect(after.user.emailVerified).toBe(true);
    expect(await auditActions(owner.tenantId, 'user.email_verified')).toHaveLength(1);
  });

  it('"send again" emails a new link while unconfirmed, and nothing once confirmed', async () => {
    const owner = await signUp({}, { verified: false });
    expect((await call('/email-verifications', { method: 'POST', as: owner })).status).toBe(202);
    expect(await accountMailTo(owner.email, 'account_verify_email')).toHaveLength(2);
    const token = await linkTokenFor(owner.email, 'verify-email');
    await call(`/email-verifications/${token}`, { method: 'POST' });
    expect((await call('/email-verifications', { method: 'POST', as: owner })).status).toBe(202);
    expect(await accountMailTo(owner.email, 'account_verify_email')).toHaveLength(2);
  });

  it('changing the address: a link to the new one, effective only when used; the old one is told', async () => {
    const owner = await signUp();
    const next = uniqueEmail('moved');
    const res = await call('/me/email', {
      method: 'PUT',
      body: { email: next, currentPassword: PASSWORD },
      as: owner,
    });
    expect(res.status).toBe(202);
    expect((await json(res)).pendingEmail).toBe(next);
    // Not yet: the old address still signs in, the profile shows the pending one.
    expect((await meOf(owner)).email).toBe(owner.email);
    expect((await meOf(owner)).pendingEmail).toBe(next);
    expect((await signIn(next)).status).toBe(401);

    const token = await linkTokenFor(next, 'verify-email');
    expect((await call(`/email-verifications/${token}`, { method: 'POST' })).status).toBe(204);
    const me = await meOf(owner);
    expect(me).toMatchObject({ email: next, emailVerified: true, pendingEmail: null });
    expect((await signIn(next)).status).toBe(201);
    expect((await signIn(owner.email)).status).toBe(401);
    const [notice] = await accountMailTo(owner.email, 'account_email_changed');
    expect(notice!.text).toContain(next);
    expect(await auditActions(owner.tenantId, 'user.email_changed')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  accountMailTo,
  anotherDevice,
  auditActions,
  eventually,
  linkTokenFor,
  PASSWORD,
  requestReset,
  signIn,
} from './helpers/account';
import { call, json, signUp } from './helpers/api';

describe('password reset', { timeout: 30_000 }, () => {
  it('forgot → emailed link → new password: every session ends, the new one signs in, a notice is sent', async () => {
    const owner = await signUp();
    const laptop = await anotherDevice(owner);
    const res = await requestReset(owner.email);
    expect(res.status).toBe(202);
    const resets = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 1,
    );
    expect(resets).toHaveLength(1);
    expect(resets[0]!.text).toContain('https://app.clientele.test/reset-password/');
    const token = await linkTokenFor(owner.email, 'reset-password');

    const set = await call(`/password-resets/${token}`, {
      method: 'POST',
      body: { password: 'a brand new passphrase' },
    });
    expect(set.status).toBe(204);

    // Every session of the person ended, on every device.
    expect((await call('/me', { as: owner })).status).toBe(401);
    expect((await call('/me', { as: laptop })).status).toBe(401);
    expect((await signIn(owner.email, PASSWORD)).status).toBe(401);
    expect((await signIn(owner.email, 'a brand new passphrase')).status).toBe(201);

    const notices = await accountMailTo(owner.email, 'account_password_changed');
    expect(notices).toHaveLength(1);
    expect(await auditActions(owner.tenantId, 'user.password_reset')).toHaveLength(1);
  });

  it("the email is in the person's language (the business's when they chose none)", async () => {
    const owner = await signUp({ locale: 'pt' });
    expect((await requestReset(owner.email)).status).toBe(202);
    const [mail] = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 1,
    );
    expect(mail!.subject).toBe('Redefinir a sua palavra-passe do Clientele');
    await call('/me', { method: 'PATCH', body: { locale: 'ja' }, as: owner });
    expect((await requestReset(owner.email)).status).toBe(202);
    const again = await eventually(
      () => accountMailTo(owner.email, 'account_password_reset'),
      (m) => m.length === 2,
    );
    expect(again[0]!.subject).toBe('Clientele のパスワードを再設定');
  });

  it('the answer is the same words for any address, in the reader’s language', async () => {
    const owner = await signUp();
    const a = await json(await requestReset(owner.email));
    expect(a.message).toMatch(/If an account uses this address/);
  });
});

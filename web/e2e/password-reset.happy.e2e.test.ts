import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('a forgotten password, and the account screen', () => {
  it('forgot → emailed link → new password: old sessions end, the new password signs in', async () => {
    const email = `e2e.reset.${Date.now()}@example.com`;
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(owner, baseUrl, 'Reset Studio', email);
    // The unconfirmed-address banner offers the link again.
    await owner.getByRole('button', { name: 'Send the link again' }).waitFor();

    const visitor = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await visitor.goto(`${baseUrl}/signin`);
    await visitor.getByRole('link', { name: 'Forgot password?' }).click();
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByRole('button', { name: 'Email me a link' }).click();
    await visitor.getByText(/If an account uses this address/).waitFor();

    const mail = await mailTo(owner, baseUrl, email, (m) => m.subject === 'Reset your Clientele password');
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    await visitor.goto(`${baseUrl}${new URL(link!).pathname}`);
    await visitor.getByLabel('New password', { exact: true }).fill('a new passphrase 2026');
    await visitor.getByLabel('New password again').fill('a new passphrase 2026');
    await visitor.getByRole('button', { name: 'Set the new password' }).click();
    await visitor.getByText('Your password is set. Sign in with it.').waitFor();

    // The session the owner had is gone.
    expect((await owner.request.get(`${baseUrl}/api/v1/me`)).status()).toBe(401);

    await visitor.getByLabel('Email').fill(email);
    await visitor.getByLabel('Password').fill('a new passphrase 2026');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.getByRole('heading', { name: 'Clients' }).waitFor();

    await visitor.goto(`${baseUrl}/account`);
    await visitor.getByRole('heading', { name: 'Your account' }).waitFor();
    await visitor.getByRole('heading', { name: 'Signed-in devices' }).waitFor();
    await visitor.getByText('This device').waitFor();
    await visitor.screenshot({ path: join(OUTPUT, 'account-375.png'), fullPage: true });
    await visitor.screenshot({ path: '/tmp/account-375.png', fullPage: true });
    // Nothing wider than the phone's screen.
    const overflow = await visitor.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(375);
    expect(await accessibilityProblems(visitor)).toEqual([]);

    await visitor.getByLabel('Your name').fill('Maria Sousa');
    await visitor.getByRole('button', { name: 'Save', exact: true }).click();
    await visitor.getByText('Saved.').waitFor();
    await owner.close();
    await visitor.close();
  });
});

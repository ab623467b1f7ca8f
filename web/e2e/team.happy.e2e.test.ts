import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { apiPost, browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('a team in the admin app', () => {
  it('the owner invites an accountant, who accepts in another browser, reads invoices and cannot write', async () => {
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const stamp = Date.now();
    await signUpInBrowser(owner, baseUrl, 'Team Studio', `e2e.team.owner.${stamp}@example.com`);
    const post = apiPost(owner, baseUrl);
    const client = await post('/clients', { name: 'Acme Lda' });
    const draft = await post('/invoices', {
      clientId: client.id,
      lines: [{ description: 'Design', quantity: 1, unitPrice: 10000 }],
    });
    const invoice = await post(`/invoices/${draft.id}/send`, {});

    // Settings → Team: invite by email with a role.
    await owner.goto(`${baseUrl}/settings`);
    const team = owner.getByTestId('team');
    const email = `e2e.team.accountant.${stamp}@example.com`;
    await team.getByLabel('Email').fill(email);
    await team.getByLabel('Role', { exact: true }).selectOption('accountant');
    await team.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${email}.`).waitFor();
    await team.locator(`[data-invitation="${email}"]`).waitFor();

    const mail = await mailTo(owner, baseUrl, email, (m) => (m.subject ?? '').includes('Team Studio'));
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeTruthy();

    // A fresh browser, at phone width: the accountant sets a name and a password.
    const accountant = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await accountant.goto(link!.replace(/^https?:\/\/[^/]+/, baseUrl));
    await accountant.getByRole('heading', { name: 'Join Team Studio' }).waitFor();
    await accountant.getByLabel('Your name').fill('Rita Contas');
    await accountant.getByLabel(/Choose a password/).fill('correct horse battery');
    await accountant.getByRole('button', { name: 'Join Team Studio' }).click();
    await accountant.waitForURL(`${baseUrl}/`);

    // Reads the invoices; no write controls anywhere it looks.
    await accountant.goto(`${baseUrl}/invoices`);
    await accountant.getByRole('heading', { name: 'Invoices' }).waitFor();
    await accountant.getByText(invoice.number).first().waitFor();
    expect(await accountant.getByRole('link', { name: 'New invoice' }).count()).toBe(0);
    await accountant.goto(`${baseUrl}/invoices/${invoice.id}`);
    await accountant.getByText(invoice.number).first().waitFor();
    for (const name of ['Record payment', 'Send again', 'Void', 'Delete', 'Edit']) {
      expect(await accountant.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await accountant.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await accountant.screenshot({ path: join(OUTPUT, 'team-accountant-invoice-375.png'), fullPage: true });

    // The client's page shows the profile, every field disabled and no save button.
    await accountant.goto(`${baseUrl}/clients/${client.id}`);
    await accountant.getByText('Your role can read this client but not change it.').waitFor();
    expect(await accountant.getByLabel('Name', { exact: true }).isDisabled()).toBe(true);
    expect(await accountant.getByRole('button', { name: 'Save changes' }).isVisible()).toBe(false);

    // The server decides, whatever the app shows: a direct write from that session is refused.
    const write = await accountant.request.post(`${baseUrl}/api/v1/clients`, {
      headers: { origin: baseUrl },
      data: { name: 'Not allowed' },
    });
    expect(write.status()).toBe(403);
    expect((await write.json()).detail).toContain('accountant');

    // The owner's team screen at 375 px lists both people and no pending invitation.
    await owner.setViewportSize({ width: 375, height: 800 });
    await owner.goto(`${baseUrl}/settings`);
    await team.locator(`[data-member="${email}"]`).waitFor();
    await owner.getByText('No pending invitations.').waitFor();
    await team.scrollIntoViewIfNeeded();
    await team.screenshot({ path: join(OUTPUT, 'team-settings-375.png') });
    // Nothing in the team card is wider than the phone: long addresses wrap.
    const overflow = await team.evaluate((card) =>
      [card, ...card.querySelectorAll('table, tr, td, select, button')].some(
        (el) => el.getBoundingClientRect().right > window.innerWidth + 1,
      ),
    );
    expect(overflow).toBe(false);
    await accountant.close();
    await owner.close();
  });
});

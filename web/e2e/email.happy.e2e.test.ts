import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('email templates and sending in the admin app', () => {
  it('edits the invoice template with a live preview, sends, and the mail reaches the dev outbox', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Studio Mail', `e2e.mail.${Date.now()}@example.com`);
    const client = await (
      await page.request.post(`${baseUrl}/api/v1/clients`, {
        headers: { origin: baseUrl },
        data: { name: 'Giulia Rossi', email: 'giulia@example.it', language: 'en' },
      })
    ).json();
    const draft = await (
      await page.request.post(`${baseUrl}/api/v1/invoices`, {
        headers: { origin: baseUrl },
        data: {
          clientId: client.id,
          lines: [{ description: 'Design', quantity: 1, unitPrice: 50000, taxRate: 22 }],
        },
      })
    ).json();

    await page.goto(`${baseUrl}/settings`);
    // Wait for the saved (built-in) template to load before typing over it.
    await page.waitForFunction(() =>
      (document.querySelector('#tpl-subject') as HTMLInputElement | null)?.value.includes('Invoice'),
    );
    await page.getByLabel('Subject').fill('Bill {{document.numbr}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Unknown variable {{document.numbr}}', { exact: false }).first().waitFor();
    await page.getByLabel('Subject').fill('Bill {{document.number}} from {{business.name}}');
    await page
      .locator('.preview strong')
      .filter({ hasText: 'Bill INV-2026-0042 from Studio Mail' })
      .waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'settings-templates.png'), fullPage: true });

    await page.goto(`${baseUrl}/invoices/${draft.id}`);
    const started = Date.now();
    await page.getByRole('button', { name: 'Send invoice' }).click();
    let subject = '';
    let raw = '';
    for (let i = 0; i < 100 && !subject; i++) {
      const outbox = await (await page.request.get(`${baseUrl}/api/v1/dev/outbox`)).json();
      // The sign-up's own confirmation email is in the outbox too: the invoice is the one to the client.
      const sent = outbox.data.find((m: { to: string }) => m.to === client.email);
      subject = sent?.subject ?? '';
      raw = sent?.raw ?? '';
      if (!subject) await page.waitForTimeout(100);
    }
    const elapsed = Date.now() - started;
    console.log(`send → dev outbox on wrangler dev: ${elapsed} ms`);
    expect(subject).toMatch(/^Bill INV-\d{4}-0001 from Studio Mail$/);

    await page.goto(`${baseUrl}/clients/${client.id}`);
    await page.locator('table.list .badge-paid', { hasText: 'sent' }).waitFor();

    // The client follows the magic link from the email into the portal.
    const mail = await PostalMime.parse(raw);
    const link = /http:\/\/127\.0\.0\.1:\d+\/portal\/login\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const portal = await browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true });
    await portal.goto(link!);
    await portal.getByRole('button', { name: 'Continue to your invoices' }).click();
    await portal.getByRole('heading', { name: 'Statement' }).waitFor();
    expect(await portal.locator('[data-currency="EUR"]').textContent()).toContain('€610.00');
    await portal.screenshot({ path: join(OUTPUT, 'portal-statement-phone.png'), fullPage: true });
    await portal.close();
    await page.close();
  });
});

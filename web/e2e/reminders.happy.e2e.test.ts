import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, apiPost, browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'reminders');
mkdirSync(shots, { recursive: true });

describe('reminders in the admin app', () => {
  it('two steps in Settings → "Send reminder now" on an issued invoice → the email is in the outbox, also at 375 px', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Reminder Studio', `e2e.rem.${Date.now()}@example.com`);
    await page.goto(`${baseUrl}/settings`);
    const form = page.getByRole('form', { name: 'Payment reminders' });
    await form.getByText('No steps: no reminders are sent.').waitFor();
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByRole('button', { name: 'Add a step' }).click();
    const first = form.getByRole('group', { name: 'Step 1' });
    await first.getByLabel('Days').fill('3');
    await first.getByLabel('When').selectOption('before');
    await form.getByRole('group', { name: 'Step 2' }).getByLabel('Days').fill('7');
    await form.getByLabel(/Hold reminders while the client has a ticket/).check();
    await form.getByRole('button', { name: 'Save reminders' }).click();
    await form.getByText('Saved.').waitFor();
    const settings = await (await page.request.get(`${baseUrl}/api/v1/settings`)).json();
    expect(settings.reminders).toEqual([
      { offsetDays: -3, key: 'before:3' },
      { offsetDays: 7, key: 'after:7' },
    ]);
    expect(settings.remindersPauseForOpenTickets).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, '1-settings-steps.png'), fullPage: true });

    // The template editor offers each step's own words.
    await page.getByLabel('Email kind').selectOption('reminder');
    await page.getByLabel('Reminder step').selectOption('before:3');
    await expect.poll(() => page.locator('#tpl-subject').inputValue()).toContain('is due in');

    const post = apiPost(page, baseUrl);
    const client = await post('/clients', {
      name: 'Ana Costa',
      email: 'ana.reminder@example.pt',
      language: 'en',
    });
    const draft = await post('/invoices', {
      clientId: client.id,
      currency: 'EUR',
      lines: [{ description: 'Consulting', quantity: 1, unitPrice: 50000, taxRate: 23 }],
    });
    const invoice = await post(`/invoices/${draft.id}/send`, {});
    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    const send = page.getByRole('button', { name: 'Send reminder now' });
    await send.click();
    await page.getByText('Reminder queued for ana.reminder@example.pt.').waitFor();
    const mail = await mailTo(page, baseUrl, 'ana.reminder@example.pt', (m) =>
      (m.subject ?? '').includes('is due in'),
    );
    expect(mail.subject).toBe(`Invoice ${invoice.number} is due in 30 days`);
    await page.getByText('Sent by hand').waitFor();
    // Once an hour: the second press says so, and nothing more is sent.
    await send.click();
    await page.getByText(/less than an hour ago/).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl}/settings`);
    await page
      .getByRole('form', { name: 'Payment reminders' })
      .getByRole('group', { name: 'Step 2' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(shots, '2-settings-375.png'), fullPage: true });
    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    await page.getByRole('button', { name: 'Send reminder now' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(shots, '3-invoice-375.png'), fullPage: true });
    await page.close();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, apiPost, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'recurring');
mkdirSync(shots, { recursive: true });

describe('recurring invoices in the admin app', () => {
  it('a profile starting today → the cron runs → its first invoice is on the profile page, also at 375 px', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Retainer Studio', `e2e.rec.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const client = await post('/clients', { name: 'Marco Rossi', currency: 'EUR', language: 'it' });

    await page.getByRole('link', { name: 'Recurring' }).click();
    await page.getByRole('heading', { name: 'Recurring invoices' }).waitFor();
    await page.getByText('No recurring invoice yet.').waitFor();
    await page.goto(`${baseUrl}/recurring/new?clientId=${client.id}`);
    await expect.poll(() => page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe('Marco Rossi');
    await page.getByLabel('Repeats').selectOption('monthly');
    await page.getByLabel('Line 1 description').fill('Retainer {{period.start}} – {{period.end}}');
    await page.getByLabel('Line 1 quantity').fill('1');
    await page.getByLabel('Line 1 unit price').fill('900.00');
    await page.getByLabel('Line 1 tax rate').fill('22');
    await expect.poll(() => page.getByTestId('total').textContent()).toContain('1,098.00');
    const save = page.getByRole('button', { name: 'Save' });
    await save.click();
    await page.getByRole('heading', { name: /Marco Rossi/ }).waitFor();
    await page.getByText('No invoice made yet.').waitFor();
    expect(await page.getByTestId('next-dates').getByRole('listitem').count()).toBe(3);
    await page.screenshot({ path: join(shots, '1-profile-before-cron.png'), fullPage: true });

    // The cron's recurring step, for this business (wrangler dev cannot fire the scheduled
    // handler of a Worker with static assets: its endpoint reaches the assets router).
    expect(await post('/dev/recurring-invoices/run')).toEqual({ created: 1 });
    await page.reload();
    const invoices = page.getByTestId('recurring-invoices');
    await invoices.getByRole('link', { name: 'Draft' }).waitFor();
    expect(await invoices.getByRole('row').count()).toBe(2);
    expect(await invoices.textContent()).toContain('€1,098.00');
    await page.screenshot({ path: join(shots, '2-profile-after-cron.png'), fullPage: true });

    // A second tick in the same period makes nothing more.
    expect(await post('/dev/recurring-invoices/run')).toEqual({ created: 0 });
    await page.reload();
    await invoices.getByRole('link', { name: 'Draft' }).waitFor();
    expect(await invoices.getByRole('row').count()).toBe(2);

    // The invoice it made, with the period's dates written the client's (Italian) way.
    await invoices.getByRole('link', { name: 'Draft' }).click();
    await page.getByText(/Retainer \d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/).waitFor();
    await page.goBack();

    // Pause and resume, each a busy action with its own button.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByText('Paused', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    // A notes-only edit leaves the schedule alone: the form does not send it.
    const profileUrl = page.url();
    const nextDates = await page.getByTestId('next-dates').textContent();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect.poll(() => page.getByLabel('Notes').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Line 1 unit price').inputValue()).not.toBe('');
    await page.getByLabel('Notes').fill('Thank you, Marco');
    const patched = page.waitForRequest(
      (r) => r.method() === 'PATCH' && r.url().includes('/recurring-invoices/'),
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const sent = (await patched).postDataJSON();
    expect(sent.notes).toBe('Thank you, Marco');
    expect(sent).not.toHaveProperty('schedule');
    expect(sent).not.toHaveProperty('timeZone');
    await page.waitForURL(profileUrl);
    await page.getByTestId('next-dates').waitFor();
    expect(await page.getByTestId('next-dates').textContent()).toBe(nextDates);

    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(page.url());
    await phone.getByTestId('recurring-invoices').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(phone)).toEqual([]);
    await phone.screenshot({ path: join(shots, '3-profile-375.png'), fullPage: true });
    await phone.goto(`${baseUrl}/recurring/new`);
    await phone.getByLabel('Line 1 description').waitFor();
    expect(await accessibilityProblems(phone)).toEqual([]);
  });
});

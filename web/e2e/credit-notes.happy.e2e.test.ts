import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, apiPost, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'credit-notes');
mkdirSync(shots, { recursive: true });

describe('credit notes in the admin app', () => {
  it('an issued invoice → "Issue credit note" for an amount → the amount due drops, the PDF renders, the client page shows the credit note and, once paid, the credit', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Credit Studio', `e2e.credit.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const client = await post('/clients', { name: 'Ana Costa', email: 'ana@example.pt', language: 'pt' });
    const draft = await post('/invoices', {
      clientId: client.id,
      currency: 'EUR',
      lines: [
        { description: 'Design', quantity: 1, unitPrice: 10000, taxRate: 20 },
        { description: 'Printing', quantity: 1, unitPrice: 5000, taxRate: 0 },
      ],
    });
    const invoice = await post(`/invoices/${draft.id}/send`, {});
    expect(invoice.total).toBe(17000);

    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    await page.getByTestId('amount-due').getByText('€170.00').waitFor();
    await page.getByRole('button', { name: 'Issue credit note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue credit note' });
    await dialog.getByText('Up to €170.00 can still be credited.').waitFor();
    await dialog.getByRole('radio', { name: 'An amount (tax included)' }).check();
    await dialog.getByLabel('Amount (EUR, tax included)').fill('34.00');
    await dialog.getByLabel('Reason (printed on the credit note)').fill('Agreed discount');
    await page.screenshot({ path: join(shots, '1-issue-dialog.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Issue' }).click();
    await page.getByTestId('amount-due').getByText('€136.00').waitFor();
    const listed = page.getByTestId('invoice-credit-notes');
    const year = new Date().getUTCFullYear();
    await listed.getByRole('link', { name: `CN-${year}-0001` }).waitFor();
    expect(await listed.textContent()).toContain('Agreed discount');
    await page.screenshot({ path: join(shots, '2-invoice-after-credit.png'), fullPage: true });

    // The credit note's own page, with its PDF in the client's language naming the invoice.
    await listed.getByRole('link', { name: `CN-${year}-0001` }).click();
    await page.getByRole('heading', { name: new RegExp(`Credit note CN-${year}-0001`) }).waitFor();
    expect(await page.getByTestId('credit-total').textContent()).toBe('€34.00');
    const creditNoteId = page.url().split('/').pop();
    const res = await page.request.get(`${baseUrl}/api/v1/credit-notes/${creditNoteId}/pdf`);
    expect(res.status()).toBe(200);
    const file = join(shots, 'credit-note.pdf');
    writeFileSync(file, await res.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nota de crédito');
    expect(text).toContain(invoice.number);
    expect(text).toContain('Agreed discount');
    await page.getByRole('button', { name: 'Email to client' }).click();
    await page.getByText('Emailed', { exact: true }).waitFor();

    // Paid in full afterwards, a second credit note goes to the client's credit.
    await post(`/invoices/${invoice.id}/payments`, {
      amount: 13600,
      date: '2026-11-01',
      method: 'bank transfer',
    });
    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    await page.getByRole('button', { name: 'Issue credit note' }).click();
    await dialog.getByRole('radio', { name: 'Chosen lines' }).check();
    await dialog.getByRole('checkbox', { name: /Printing/ }).check();
    await dialog.getByLabel('Reason (printed on the credit note)').fill('Printing cancelled');
    await dialog.getByRole('button', { name: 'Issue' }).click();
    await listed.getByRole('link', { name: `CN-${year}-0002` }).waitFor();

    // The client's 360° page: the credit per currency and its line from the credit note.
    await page.goto(`${baseUrl}/clients/${client.id}`);
    await page.locator('[data-credit="5000"]').waitFor();
    await page.locator('[data-source="credit_note"]').first().waitFor();
    await page.screenshot({ path: join(shots, '3-client-credit.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // On a phone the invoice page and its dialog still work.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    await page.getByTestId('invoice-credit-notes').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(shots, '4-phone.png'), fullPage: true });
  });
});

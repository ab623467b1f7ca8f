import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiPost, browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const scratch = mkdtempSync(join(tmpdir(), 'clientele-details-'));

async function signedIn(
  name: string,
): Promise<{ page: Page; post: (path: string, data?: unknown) => Promise<any> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signUpInBrowser(page, baseUrl, name, `e2e.details.${Date.now()}.${Math.random()}@example.com`);
  return { page, post: apiPost(page, baseUrl) };
}

/** The PDF's text as pdftotext lays it out. */
async function pdfText(page: Page, path: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/api/v1${path}`);
  expect(res.status()).toBe(200);
  const file = join(scratch, `${path.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, await res.body());
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('document details the admin relies on (issue #16 items 6, 9 and 10)', () => {
  it("opens a client's templates on the client's language, names the invoice a converted estimate became, and Back after saving never reopens an empty editor", async () => {
    const { page, post } = await signedIn('Details Studio');
    const client = await post('/clients', {
      name: '佐藤花子',
      email: 'hanako@example.jp',
      language: 'ja',
      currency: 'JPY',
    });

    // The client's own template editor opens on Japanese, the language of that client's mail.
    await page.goto(`${baseUrl}/clients/${client.id}`);
    const tabs = page.getByRole('tablist', { name: 'Template language' });
    await expect(tabs.getByRole('tab', { name: '日本語' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await expect(tabs.getByRole('tab', { name: 'English' }).getAttribute('aria-selected')).resolves.toBe(
      'false',
    );

    // An accepted estimate converted from its page reads "Converted → INV-…" afterwards.
    const estimate = await post('/estimates', {
      clientId: client.id,
      lines: [{ description: '保守', quantity: 1, unitPrice: 30000 }],
    });
    await post(`/estimates/${estimate.id}/send`);
    await post(`/estimates/${estimate.id}/accept`);
    await page.goto(`${baseUrl}/estimates/${estimate.id}`);
    await page.getByRole('button', { name: 'Convert to invoice' }).click();
    await page.getByRole('heading', { name: /Draft invoice|INV-/ }).waitFor();
    const invoiceUrl = page.url();
    await page.goto(`${baseUrl}/estimates/${estimate.id}`);
    const converted = page.getByRole('link', { name: /^Converted → / });
    await converted.waitFor();
    expect(await page.locator('main h1').textContent()).not.toContain('Accepted');
    await converted.click();
    await page.waitForURL(invoiceUrl);

    // New invoice → Save draft → Send → Back: the list, not an empty "New invoice" form.
    await page.goto(`${baseUrl}/invoices`);
    await page.getByRole('link', { name: 'New invoice' }).click();
    // The client picker searches as one types; Enter picks the highlighted match.
    await page.getByRole('combobox', { name: 'Client' }).fill(client.name);
    await page.locator(`[role="option"][data-client="${client.id}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Line 1 description').fill('翻訳');
    await page.getByLabel('Line 1 unit price').fill('12000');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('button', { name: 'Send invoice' }).click();
    await page.getByRole('heading', { name: /INV-\d{4}-\d{4}/ }).waitFor();
    await page.goBack();
    await page.waitForURL(`${baseUrl}/invoices`);
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'details-back-after-send.png'), fullPage: true });
    await page.close();
  });

  it('three invoice emails to one client carry the same sign-in link, and the client page lists one active link', async () => {
    const { page, post } = await signedIn('Links Studio');
    const email = `links.${Date.now()}@example.com`;
    const client = await post('/clients', { name: 'Ana Costa', email, language: 'pt', currency: 'EUR' });
    const links: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const draft = await post('/invoices', {
        clientId: client.id,
        lines: [{ description: `Mês ${i}`, quantity: 1, unitPrice: 10000 * i }],
      });
      const sent = await post(`/invoices/${draft.id}/send`);
      const mail = await mailTo(page, baseUrl, email, (m) => m.subject?.includes(sent.number) ?? false);
      const link = /https?:\/\/\S+\/portal\/login\/[\w-]+/.exec(mail.text ?? '')?.[0];
      expect(link, `mail ${i} has a sign-in link`).toBeTruthy();
      links.push(link!);
    }
    expect(new Set(links).size).toBe(1);
    await page.goto(`${baseUrl}/clients/${client.id}`);
    const rows = page.locator('tr[data-link]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Active');
    await page.close();
  });

  it('a Japanese estimate to a Berlin client prints the address as Germany writes it, a VAT label, and no pay-online line; a void invoice offers no payment', async () => {
    const { page, post } = await signedIn('Print Studio');
    const client = await post('/clients', {
      name: 'Klara Weber',
      company: 'Weber GmbH',
      language: 'ja',
      currency: 'EUR',
      taxId: 'DE123456789',
      billingAddress: { street: 'Unter den Linden 5', city: 'Berlin', postalCode: '10117', country: 'DE' },
    });
    const estimate = await post('/estimates', {
      clientId: client.id,
      lines: [{ description: '翻訳', quantity: 1, unitPrice: 50000 }],
    });
    await post(`/estimates/${estimate.id}/send`);
    const text = await pdfText(page, `/estimates/${estimate.id}/pdf`);
    expect(text).toContain('10117 Berlin');
    expect(text).toContain('ドイツ');
    expect(text).not.toContain('〒');
    expect(text).toMatch(/VAT番号:?\s*DE123456789/);
    expect(text).not.toContain('登録番号');
    expect(text).not.toContain('お支払い');

    const draft = await post('/invoices', {
      clientId: client.id,
      lines: [{ description: '翻訳', quantity: 1, unitPrice: 50000 }],
    });
    await post(`/invoices/${draft.id}/send`);
    await post(`/invoices/${draft.id}/void`);
    const voided = await pdfText(page, `/invoices/${draft.id}/pdf`);
    expect(voided).not.toContain('オンラインで確認・お支払い');
    await page.close();
  });
});

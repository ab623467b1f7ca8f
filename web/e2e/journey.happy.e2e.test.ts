import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const stripeUrl = inject('stripeUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'journey');
const scratch = mkdtempSync(join(tmpdir(), 'clientele-journey-'));
mkdirSync(shots, { recursive: true });

let shot = 0;
const capture = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });

describe('the whole journey', () => {
  it('sign-up → client → JPY invoice mailed → portal → Pay now → ticket → email reply → ZIP; others see none of it', {
    timeout: 240_000,
  }, async () => {
    const started = Date.now();
    const stamp = Date.now();
    const ownerEmail = `journey.${stamp}@example.com`;
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });

    // 1. A business signs up and fills in its profile.
    await signUpInBrowser(admin, baseUrl, 'Northwind Studio', ownerEmail);
    await admin.goto(`${baseUrl}/settings`);
    await admin.getByLabel('Street').fill('Rua Augusta, 100');
    await admin.getByLabel('City').fill('Lisboa');
    await admin.getByLabel('Postal code').fill('1100-053');
    await admin.getByLabel('Country (ISO code)').fill('PT');
    await admin.getByLabel('Tax / VAT ID').fill('PT500100200');
    await admin
      .getByLabel('Payment instructions')
      .fill('IBAN PT50 0002 0123 1234 5678 9015 4 — BIC CGDIPTPL');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Saved.').waitFor();
    // …and connects Stripe (the local stand-in) with its own keys (the self-hosting way),
    // pasting the webhook URL's signing secret.
    await admin.getByText('Use your own keys (self-hosting)').click();
    const webhookUrl = await admin.getByLabel('Webhook URL').inputValue();
    const secretKey = `sk_test_journey${stamp}`;
    const local = new URL(stripeUrl);
    const endpoint = await new Stripe(secretKey, {
      host: local.hostname,
      port: Number(local.port),
      protocol: 'http',
    }).webhookEndpoints.create({
      url: webhookUrl,
      enabled_events: ['*'],
    });
    await admin.getByLabel('Publishable key').fill('pk_test_journey0001');
    await admin.getByLabel('Secret key').fill(secretKey);
    await admin.getByLabel('Webhook signing secret').fill(endpoint.secret ?? '');
    await admin.getByRole('button', { name: 'Save Stripe keys' }).click();
    await admin.getByText('Stripe keys saved').waitFor();
    await capture(admin, 'business-profile');
    const api = async (method: 'POST' | 'PUT' | 'GET', path: string, data?: unknown) => {
      const res = await admin.request.fetch(`${baseUrl}/api/v1${path}`, {
        method,
        data,
        headers: { origin: baseUrl },
      });
      expect(res.status(), `${method} ${path}`).toBeLessThan(300);
      return res.json();
    };

    // 2. A client with a Japanese company name and address.
    const clientEmail = `yamada.${stamp}@example.jp`;
    await admin.goto(`${baseUrl}/clients/new`);
    await admin.getByLabel('Name').fill('山田太郎');
    await admin.getByLabel('Company').fill('株式会社山田商事');
    await admin.getByLabel('Email', { exact: true }).fill(clientEmail);
    await admin.getByLabel('Street').fill('丸の内1-1-1');
    await admin.getByLabel('City').fill('千代田区');
    await admin.getByLabel('State / province').fill('東京都');
    await admin.getByLabel('Postal code').fill('100-0005');
    await admin.getByLabel('Country').selectOption('JP');
    await admin.getByLabel('Tax / VAT ID').fill('T1234567890123');
    await admin.getByLabel('Document language').selectOption('ja');
    await admin.getByLabel('Currency').fill('JPY');
    await admin.getByRole('button', { name: 'Create client' }).click();
    await admin.getByRole('heading', { name: '山田太郎' }).waitFor();
    const clientId = /\/clients\/(cli_[0-9a-z]+)/.exec(admin.url())![1]!;
    await capture(admin, 'client');

    // 3. That client's own invoice email template.
    await api('PUT', `/clients/${clientId}/templates/invoice`, {
      language: 'ja',
      subject: '【山田商事様専用】請求書 {{document.number}}',
      body: '{{client.name}} 様\n\n請求書 {{document.number}}（{{document.total}}）をお送りします。\n\nオンラインで確認・お支払い: {{portalLink}}\n\n{{business.name}}',
    });

    // 4. A JPY invoice, sent from the admin app.
    const draft = await api('POST', '/invoices', {
      clientId,
      currency: 'JPY',
      lines: [{ description: 'ウェブサイト制作', quantity: 1, unitPrice: 250000, taxRate: 10 }],
    });
    await admin.goto(`${baseUrl}/invoices/${draft.id}`);
    await admin.getByRole('button', { name: 'Send invoice' }).click();
    await admin.getByRole('heading', { name: /INV-\d{4}-0001/ }).waitFor();
    const invoice = await api('GET', `/invoices/${draft.id}`);
    await capture(admin, 'invoice-sent');

    // 5. The mail uses the client's template and carries the PDF with address, tax ID and instructions.
    const mail = await mailTo(
      admin,
      baseUrl,
      clientEmail,
      (m) => m.subject?.startsWith('【山田商事様専用】') ?? false,
    );
    expect(mail.subject).toBe(`【山田商事様専用】請求書 ${invoice.number}`);
    const pdf = mail.attachments.find((a) => a.mimeType === 'application/pdf');
    expect(pdf).toBeTruthy();
    const pdfFile = join(scratch, 'invoice.pdf');
    writeFileSync(pdfFile, new Uint8Array(pdf!.content as ArrayBuffer));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const needle of [
      '株式会社山田商事',
      '東京都',
      '千代田区',
      'T1234567890123',
      'PT500100200',
      'IBAN PT50 0002 0123 1234 5678 9015 4',
    ]) {
      expect(text, needle).toContain(needle);
    }
    const link = /http:\/\/127\.0\.0\.1:\d+\/portal\/login\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];

    // 6. The client follows the magic link; the statement shows what is owed.
    const portal = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await portal.goto(link);
    await capture(portal, 'portal-continue');
    await portal.locator('form[method="post"] button[type="submit"]').last().click();
    await portal.locator('section[data-currency="JPY"]').waitFor();
    expect(await portal.locator('section[data-currency="JPY"]').textContent()).toContain('275,000');
    await capture(portal, 'portal-statement');

    // 7. Pay now with the Stripe stand-in → Paid in the portal and the admin app.
    await portal.goto(`${baseUrl}/portal/invoices/${invoice.id}`);
    await portal.getByRole('link', { name: '今すぐ支払う' }).click();
    const checkout = portal.frameLocator('iframe[title="Secure payment"]');
    await checkout.locator('button[value="paid"]').waitFor();
    await capture(portal, 'portal-checkout');
    await checkout.locator('button[value="paid"]').click();
    await portal.locator('[data-payment-state="paid"]').waitFor({ timeout: 20_000 });
    await capture(portal, 'portal-paid');
    await admin.goto(`${baseUrl}/invoices/${invoice.id}`);
    await admin.getByText('Paid via Stripe').waitFor();
    await capture(admin, 'admin-paid');
    await mailTo(
      admin,
      baseUrl,
      clientEmail,
      (m) => m.attachments.length === 0 && (m.text ?? '').includes(invoice.number),
    );
    // The business is told, by email and on its dashboard.
    const notice = await mailTo(admin, baseUrl, ownerEmail, (m) =>
      (m.subject ?? '').includes(invoice.number),
    );
    expect(notice.subject).toContain('山田太郎');
    await admin.goto(`${baseUrl}/`);
    await admin.getByTestId('activity').getByText(invoice.number, { exact: false }).waitFor();
    await capture(admin, 'admin-dashboard');

    // 8. The client opens a ticket; the admin badge shows 1; the admin replies.
    await portal.goto(`${baseUrl}/portal/tickets`);
    await portal.getByLabel('件名').fill('領収書について');
    await portal.getByLabel('メッセージ').fill('領収書を発行していただけますか？');
    await portal.getByRole('button', { name: '送信', exact: true }).click();
    await portal.getByRole('heading', { name: '領収書について' }).waitFor();
    const ticketId = /tickets\/(tkt_[0-9a-z]+)/.exec(portal.url())![1]!;
    await admin.goto(`${baseUrl}/support`);
    await expect(admin.getByTestId('support-badge').textContent()).resolves.toBe('1');
    await capture(admin, 'admin-support-badge');
    await admin.getByRole('link', { name: '領収書について' }).click();
    await admin.getByLabel('Reply', { exact: true }).fill('はい、本日お送りします。');
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await admin.getByText('Waiting on client').first().waitFor();

    // 9. The client answers by replying to the email; the quote stays out of both threads.
    const reply = await mailTo(admin, baseUrl, clientEmail, (m) => m.subject === 'Re: 領収書について');
    const replyTo = reply.replyTo?.[0]?.address ?? '';
    const word = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;
    const raw = [
      `From: ${word('山田太郎')} <${clientEmail}>`,
      `To: ${replyTo}`,
      `Subject: ${word('Re: 領収書について')}`,
      `Message-ID: <${crypto.randomUUID()}@mail.example.jp>`,
      `In-Reply-To: ${reply.messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'ありがとうございます。受け取りました。',
      '',
      '2026年11月28日(土) 14:02 Northwind Studio <billing@clientele.local>:',
      '> はい、本日お送りします。',
      '',
    ].join('\r\n');
    const inbound = await fetch(
      `${baseUrl}/cdn-cgi/handler/email?from=${encodeURIComponent(clientEmail)}&to=${encodeURIComponent(replyTo)}`,
      { method: 'POST', body: raw },
    );
    expect(inbound.status).toBe(200);
    await admin.reload();
    await admin.locator('li[data-via="email"]').getByText('ありがとうございます。受け取りました。').waitFor();
    expect(await admin.locator('li[data-via="email"]').textContent()).not.toContain('本日お送りします');
    await capture(admin, 'admin-thread');
    await portal.goto(`${baseUrl}/portal/tickets/${ticketId}`);
    expect(await portal.locator('li[data-via="email"]').textContent()).toContain('ありがとうございます');
    expect(await portal.locator('li[data-via="email"]').textContent()).not.toContain('本日お送りします');
    await capture(portal, 'portal-thread');

    // 10. The client downloads all invoices as one ZIP.
    await portal.goto(`${baseUrl}/portal/invoices`);
    await portal.locator('thead').getByRole('checkbox').check();
    const [download] = await Promise.all([
      portal.waitForEvent('download'),
      portal.locator('form button[type="submit"]').last().click(),
    ]);
    const zip = join(scratch, 'all.zip');
    await download.saveAs(zip);
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
    expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      `${invoice.number}.pdf`,
    ]);
    await capture(portal, 'portal-zip');

    // 11. A second business and a second client see none of it.
    const other = await browser.newPage();
    await signUpInBrowser(other, baseUrl, 'Other Studio', `journey.other.${stamp}@example.com`);
    for (const path of ['/clients', '/invoices', '/tickets', '/payments']) {
      const body = await (await other.request.get(`${baseUrl}/api/v1${path}`)).json();
      expect(body.data, path).toEqual([]);
    }
    expect((await other.request.get(`${baseUrl}/api/v1/invoices/${invoice.id}`)).status()).toBe(404);
    expect((await other.request.get(`${baseUrl}/api/v1/tickets/${ticketId}`)).status()).toBe(404);
    const second = await api('POST', '/clients', {
      name: 'Second Client',
      email: `second.${stamp}@example.com`,
    });
    const secondLink = await api('POST', `/clients/${second.id}/portal-links`, {});
    const secondPortal = await browser.newPage();
    await secondPortal.goto(secondLink.url);
    await secondPortal.locator('form[method="post"] button[type="submit"]').last().click();
    await secondPortal.waitForURL(/\/portal\/?$/);
    expect((await secondPortal.goto(`${baseUrl}/portal/invoices/${invoice.id}`))?.status()).toBe(404);
    expect((await secondPortal.goto(`${baseUrl}/portal/tickets/${ticketId}`))?.status()).toBe(404);
    await secondPortal.goto(`${baseUrl}/portal/invoices`);
    expect(await secondPortal.locator('tr[data-invoice]').count()).toBe(0);
    await capture(secondPortal, 'second-client-sees-nothing');

    console.log(
      `journey wall time: ${((Date.now() - started) / 1000).toFixed(1)} s (${shot} screenshots in test-output/journey/)`,
    );
  });
});

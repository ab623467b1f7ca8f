import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, mailTo, OUTPUT, sentInvoiceInPortal, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const stripeUrl = inject('stripeUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'payments');
mkdirSync(shots, { recursive: true });

describe('Stripe Pay now in the browser (against the local Stripe stand-in)', () => {
  it('Settings connects Stripe → portal Pay now (today’s Stripe.js) → webhook → Paid, receipt mailed; a declined debit → the client pays again → Paid', {
    timeout: 120_000,
  }, async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(admin, baseUrl, 'Pay Studio', `e2e.pay.${Date.now()}@example.com`);

    // Settings: the webhook URL shown there is where the business points Stripe.
    await admin.getByRole('link', { name: 'Settings' }).click();
    // Pasted keys are the self-hosting way, under Connect.
    await admin.getByText('Use your own keys (self-hosting)').click();
    const webhookUrl = await admin.getByLabel('Webhook URL').inputValue();
    expect(webhookUrl).toMatch(/\/webhooks\/stripe\/ten_[0-9a-z]{24}$/);
    const secretKey = `sk_test_e2e${Date.now()}`;
    const local = new URL(stripeUrl);
    const stripe = new Stripe(secretKey, {
      host: local.hostname,
      port: Number(local.port),
      protocol: 'http',
    });
    const endpoint = await stripe.webhookEndpoints.create({ url: webhookUrl, enabled_events: ['*'] });
    // A key Stripe refuses is named next to its field and nothing is saved.
    await admin.getByLabel('Publishable key').fill('pk_test_e2e0001');
    await admin.getByLabel('Secret key').fill('sk_test_bad');
    await admin.getByLabel('Webhook signing secret').fill(endpoint.secret ?? '');
    await admin.getByRole('button', { name: 'Save Stripe keys' }).click();
    await admin.getByText('Stripe did not accept this secret key').waitFor();
    await admin.getByLabel('Secret key').fill(secretKey);
    await admin.getByRole('button', { name: 'Save Stripe keys' }).click();
    await admin.getByText('Stripe keys saved').waitFor();
    await expect(admin.getByTestId('stripe-settings').textContent()).resolves.toContain(secretKey.slice(-4));
    expect(await admin.content()).not.toContain(secretKey);
    await admin.screenshot({ path: join(shots, '1-settings-connected.png'), fullPage: true });

    const portal = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { post, client, invoice } = await sentInvoiceInPortal(
      admin,
      portal,
      baseUrl,
      { name: 'Giulia Bianchi', email: 'giulia@example.it', language: 'it' },
      { description: 'Sito web', unitPrice: 45000, taxRate: 22 },
    );
    await portal.getByRole('link', { name: 'Paga ora' }).click();
    // The stand-in Stripe.js mounts its checkout in a frame, as embedded Checkout does.
    const checkout = portal.frameLocator('iframe[title="Secure payment"]');
    await checkout.getByText('549,00').or(checkout.getByText('€549.00')).first().waitFor();
    await portal.screenshot({ path: join(shots, '2-embedded-checkout.png'), fullPage: true });
    await checkout.getByRole('button', { name: 'Pay €549.00' }).click();
    await portal.waitForURL(/\/payment\?session_id=cs_test_/);
    await portal.locator('[data-payment-state="paid"]').waitFor({ timeout: 20_000 });
    expect(await portal.locator('h1').textContent()).toContain('Pagamento ricevuto');
    await portal.screenshot({ path: join(shots, '3-payment-received.png'), fullPage: true });
    await portal.goto(`${baseUrl}/portal/invoices/${invoice.id}`);
    expect(await portal.locator('main').textContent()).toContain('Pagata');
    expect(await portal.getByRole('link', { name: 'Paga ora' }).count()).toBe(0);

    await admin.goto(`${baseUrl}/invoices/${invoice.id}`);
    await admin.getByText('Paid via Stripe').waitFor();
    const payments = admin.getByTestId('invoice-payments');
    expect(await payments.textContent()).toMatch(/pi_/);
    await admin.screenshot({ path: join(shots, '4-admin-paid-via-stripe.png'), fullPage: true });

    // The receipt: the mail to the client without a PDF attached (the invoice email has one).
    const receipt = await mailTo(
      admin,
      baseUrl,
      'giulia@example.it',
      (m) => m.attachments.length === 0 && (m.text ?? '').includes(invoice.number),
    );
    expect(receipt?.text).toContain(invoice.number);

    // A second invoice, paid by bank debit that the bank later declines: the client pays again.
    const draft2 = await post('/invoices', {
      clientId: client.id,
      currency: 'EUR',
      lines: [{ description: 'Manutenzione', quantity: 1, unitPrice: 10000, taxRate: 22 }],
    });
    const second = await post(`/invoices/${draft2.id}/send`, {});
    await portal.goto(`${baseUrl}/portal/invoices/${second.id}`);
    await portal.getByRole('link', { name: 'Paga ora' }).click();
    await checkout.getByRole('button', { name: 'Pay €122.00' }).waitFor();
    // The page runs today's Stripe.js API; the old name throws, as Stripe.js does since dahlia.
    const oldName = await portal.evaluate(() => {
      const stripe = Reflect.get(window, 'Stripe') as (key: string) => {
        initEmbeddedCheckout(o: object): unknown;
      };
      try {
        stripe(document.getElementById('checkout')?.dataset.key ?? '').initEmbeddedCheckout({});
        return 'no error';
      } catch (e) {
        return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    });
    expect(oldName).toMatch(/^IntegrationError: .*createEmbeddedCheckoutPage/);
    await checkout.getByRole('button', { name: /bank debit/ }).click();
    await portal.waitForURL(/\/payment\?session_id=cs_test_/);
    const debitSession = new URL(portal.url()).searchParams.get('session_id');
    await portal.locator('[data-payment-state="processing"]').waitFor({ timeout: 20_000 });
    const declined = await fetch(`${stripeUrl}/_fake/checkout/sessions/${debitSession}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'async_failed' }),
    });
    expect(declined.status).toBe(200);
    await portal.goto(`${baseUrl}/portal/invoices/${second.id}`);
    await portal.locator('[data-last-attempt="failed"]').waitFor();
    await portal.screenshot({ path: join(shots, '5-debit-failed-pay-again.png'), fullPage: true });
    await portal.getByRole('link', { name: 'Paga ora' }).click();
    await checkout.getByRole('button', { name: 'Pay €122.00' }).click();
    await portal.waitForURL(/\/payment\?session_id=cs_test_/);
    expect(new URL(portal.url()).searchParams.get('session_id')).not.toBe(debitSession);
    await portal.locator('[data-payment-state="paid"]').waitFor({ timeout: 20_000 });
    await portal.goto(`${baseUrl}/portal/invoices/${second.id}`);
    expect(await portal.locator('main').textContent()).toContain('Pagata');
  });
});

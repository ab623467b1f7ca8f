import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, sentInvoiceInPortal, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const stripeUrl = inject('stripeUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'stripe-dispute');
mkdirSync(shots, { recursive: true });

describe('A Stripe dispute in the browser (against the local Stripe stand-in)', () => {
  it('a paid invoice → the bank disputes it → Disputed and owed again in the admin app and the portal', {
    timeout: 120_000,
  }, async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(admin, baseUrl, 'Dispute Studio', `e2e.dispute.${Date.now()}@example.com`);
    await admin.getByRole('link', { name: 'Settings' }).click();
    // Pasted keys are the self-hosting way, under Connect.
    await admin.getByText('Use your own keys (self-hosting)').click();
    const webhookUrl = await admin.getByLabel('Webhook URL').inputValue();
    // The version to create the endpoint with is shown beside its URL.
    expect(await admin.getByLabel(/Stripe API version/).inputValue()).toBe(Stripe.API_VERSION);
    const secretKey = `sk_test_e2edispute${Date.now()}`;
    const local = new URL(stripeUrl);
    const stripe = new Stripe(secretKey, {
      host: local.hostname,
      port: Number(local.port),
      protocol: 'http',
    });
    const endpoint = await stripe.webhookEndpoints.create({ url: webhookUrl, enabled_events: ['*'] });
    await admin.getByLabel('Publishable key').fill('pk_test_e2edispute');
    await admin.getByLabel('Secret key').fill(secretKey);
    await admin.getByLabel('Webhook signing secret').fill(endpoint.secret ?? '');
    await admin.getByRole('button', { name: 'Save Stripe keys' }).click();
    await admin.getByText('Stripe keys saved').waitFor();

    const portal = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const { invoice } = await sentInvoiceInPortal(
      admin,
      portal,
      baseUrl,
      { name: 'Ana Sousa', email: 'ana@example.pt', language: 'en' },
      { description: 'Website', unitPrice: 30000, taxRate: 0 },
    );
    await portal.getByRole('link', { name: 'Pay now' }).click();
    const checkout = portal.frameLocator('iframe[title="Secure payment"]');
    await checkout.getByRole('button', { name: 'Pay €300.00' }).click();
    await portal.locator('[data-payment-state="paid"]').waitFor({ timeout: 20_000 });

    const payments = await admin.request.get(`${baseUrl}/api/v1/invoices/${invoice.id}/payments`);
    const [payment] = (await payments.json()).data as { reference: string }[];
    expect(payment?.reference).toMatch(/^pi_/);

    // The client's bank disputes the charge; the stand-in delivers the events to the endpoint.
    const opened = await fetch(`${stripeUrl}/_fake/disputes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_intent: payment!.reference, reason: 'fraudulent' }),
    });
    expect(opened.status).toBe(200);

    await admin.goto(`${baseUrl}/invoices/${invoice.id}`);
    await admin.getByText('Disputed').first().waitFor();
    expect(await admin.locator('main').textContent()).toContain('€300.00');
    await admin.screenshot({ path: join(shots, '1-admin-invoice-disputed.png'), fullPage: true });
    await admin.goto(`${baseUrl}/invoices`);
    await admin.getByText('Disputed').first().waitFor();

    await portal.goto(`${baseUrl}/portal/invoices/${invoice.id}`);
    const main = await portal.locator('main').textContent();
    expect(main).toContain('Under dispute: €300.00 is owed again');
    expect(await portal.getByRole('link', { name: 'Pay now' }).count()).toBe(1);
    await portal.screenshot({ path: join(shots, '2-portal-owed-again.png'), fullPage: true });
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, sentInvoiceInPortal, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'stripe-connect');
mkdirSync(shots, { recursive: true });

describe('Stripe Connect in the browser (against the local Stripe stand-in)', () => {
  it('Settings → Connect with Stripe → onboarding → connected → portal Pay now → paid', {
    timeout: 120_000,
  }, async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(admin, baseUrl, 'Connect Studio', `e2e.connect.${Date.now()}@example.com`);
    await admin.getByRole('link', { name: 'Settings' }).click();
    const connect = admin.getByTestId('stripe-connect');
    // Connect is the primary way; pasted keys wait under their own heading, closed.
    expect(await admin.getByLabel('Secret key').isVisible()).toBe(false);
    await admin.screenshot({ path: join(shots, '1-settings-connect.png'), fullPage: true });
    await connect.getByRole('button', { name: 'Connect with Stripe' }).click();

    // The stand-in's onboarding page: one submit, and Stripe sends the person back to Settings.
    await admin.waitForURL(/\/connect\/onboarding\/al_/);
    await admin.screenshot({ path: join(shots, '2-onboarding.png'), fullPage: true });
    await admin.getByRole('button', { name: 'Submit and return' }).click();
    await admin.waitForURL(/\/settings\?stripe=return/);
    const status = admin.getByTestId('stripe-connect-status');
    await status.getByText('Payments enabled').waitFor();
    expect(await status.textContent()).toMatch(/acct_/);
    expect(await connect.getByRole('button', { name: 'Disconnect' }).isEnabled()).toBe(true);
    await admin.screenshot({ path: join(shots, '3-connected.png'), fullPage: true });

    const portal = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const { invoice } = await sentInvoiceInPortal(
      admin,
      portal,
      baseUrl,
      { name: 'Ana Sousa', email: 'ana.connect@example.pt', language: 'en' },
      { description: 'Website', unitPrice: 12000, taxRate: 0 },
    );
    await portal.getByRole('link', { name: 'Pay now' }).click();
    // Stripe.js is initialised with the connected account: the checkout is found on it.
    const checkout = portal.frameLocator('iframe[title="Secure payment"]');
    await checkout.getByRole('button', { name: 'Pay €120.00' }).click();
    await portal.waitForURL(/\/payment\?session_id=cs_test_/);
    await portal.locator('[data-payment-state="paid"]').waitFor({ timeout: 20_000 });
    await portal.screenshot({ path: join(shots, '4-paid.png'), fullPage: true });
    await admin.goto(`${baseUrl}/invoices/${invoice.id}`);
    await admin.getByText('Paid via Stripe').waitFor();
  });

  it('Settings → "I already have a Stripe account" → Stripe’s OAuth page → linked, on a phone', {
    timeout: 90_000,
  }, async () => {
    const admin = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await signUpInBrowser(admin, baseUrl, 'Linked Studio', `e2e.link.${Date.now()}@example.com`);
    await admin.goto(`${baseUrl}/settings`);
    const connect = admin.getByTestId('stripe-connect');
    const linkButton = connect.getByRole('button', { name: 'I already have a Stripe account' });
    await linkButton.focus();
    await admin.keyboard.press('Enter');

    // The stand-in's Connect OAuth page: the account to link, or decline.
    await admin.waitForURL(/\/oauth\/authorize\?/);
    await admin.screenshot({ path: join(shots, '5-oauth.png'), fullPage: true });
    const allow = admin.getByRole('button', { name: /^Link account acct_/ });
    const accountId = (await allow.textContent())!.replace('Link account ', '').trim();
    await allow.click();
    await admin.waitForURL(/\/settings\?stripe=connected/);
    await admin.getByTestId('stripe-link-outcome').getByText('Your Stripe account is linked').waitFor();
    const status = admin.getByTestId('stripe-connect-status');
    await status.getByText('Payments enabled').waitFor();
    expect(await status.textContent()).toContain(accountId);
    // Linked: the option to link another is gone, Disconnect is there.
    expect(await connect.getByRole('button', { name: 'I already have a Stripe account' }).count()).toBe(0);
    expect(await connect.getByRole('button', { name: 'Disconnect' }).isEnabled()).toBe(true);
    await admin.screenshot({ path: join(shots, '6-linked.png'), fullPage: true });
  });
});

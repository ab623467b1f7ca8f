import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

// A valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('business settings in the admin app', () => {
  it('uploading a logo keeps what was typed in the unsaved form, and saving then keeps both', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Logo Studio', `e2e.logo.${Date.now()}@example.com`);
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Business name').fill('Logo Studio Lda');
    await page.getByLabel('City').fill('Porto');

    const file = join(tmpdir(), `logo-${Date.now()}.png`);
    writeFileSync(file, PNG);
    await page.getByLabel('Logo file').setInputFiles(file);
    await page.getByRole('img', { name: 'Business logo' }).waitFor();
    // Nothing typed was lost by the upload.
    expect(await page.getByLabel('Business name').inputValue()).toBe('Logo Studio Lda');
    expect(await page.getByLabel('City').inputValue()).toBe('Porto');

    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'settings-after-logo.png'), fullPage: true });
    await page.reload();
    await page.getByRole('img', { name: 'Business logo' }).waitFor();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Logo Studio Lda');
    expect(await page.getByLabel('City').inputValue()).toBe('Porto');
    await page.close();
  });

  it('adds a reminder step, and creates (read only), uses and revokes an API key shown once', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Keys Studio', `e2e.keys.${Date.now()}@example.com`);
    await page.goto(`${baseUrl}/settings`);
    const reminders = page.getByRole('form', { name: 'Payment reminders' });
    await reminders.getByRole('button', { name: 'Add a step' }).click();
    await reminders.getByRole('group', { name: 'Step 1' }).getByLabel('Days').fill('5');
    await reminders.getByRole('button', { name: 'Save reminders' }).click();
    await reminders.getByText('Saved.').waitFor();
    await page.reload();
    const step = page.getByRole('form', { name: 'Payment reminders' }).getByRole('group', { name: 'Step 1' });
    expect(await step.getByLabel('Days').inputValue()).toBe('5');
    expect(await step.getByLabel('When').inputValue()).toBe('after');

    await page.getByLabel('Key name').fill('Accounting sync');
    expect(await page.getByLabel('Access').inputValue()).toBe('write');
    await page.getByLabel('Access').selectOption('read');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const key = await page.getByLabel(/New key/).inputValue();
    expect(key).toMatch(/^ck_/);
    await page.getByRole('cell', { name: 'Accounting sync' }).waitFor();
    await page.getByRole('cell', { name: 'Read only' }).waitFor();
    const withKey = await fetch(`${baseUrl}/api/v1/clients`, { headers: { authorization: `Bearer ${key}` } });
    expect(withKey.status).toBe(200);
    // Read only: the key cannot write, nor mint a successor.
    const write = await fetch(`${baseUrl}/api/v1/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Not allowed' }),
    });
    expect(write.status).toBe(403);
    const mint = await fetch(`${baseUrl}/api/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'successor' }),
    });
    expect(mint.status).toBe(403);
    await page.screenshot({ path: join(OUTPUT, 'settings-api-keys.png'), fullPage: true });

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: /Revoke/ })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByText('No API keys.').waitFor();
    const revoked = await fetch(`${baseUrl}/api/v1/clients`, { headers: { authorization: `Bearer ${key}` } });
    expect(revoked.status).toBe(401);
    await page.close();
  });
});

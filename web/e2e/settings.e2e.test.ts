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
});

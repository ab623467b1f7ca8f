import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('Settings → Audit log in the admin app', () => {
  it('shows who changed what, filters by action, and reads as cards on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Audit Studio', `e2e.audit.${Date.now()}@example.com`);
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Business name').fill('Audit Studio Lda');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByLabel('Key name').fill('Books sync');
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByRole('cell', { name: 'Books sync' }).waitFor();

    await page.getByRole('link', { name: 'Open the audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'Changed the business settings' }).waitFor();
    await page.getByRole('cell', { name: 'Created an API key' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'audit-log-1280.png'), fullPage: true });

    await page.getByLabel('Action').selectOption('api_key.created');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('cell', { name: 'Changed the business settings' }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Created an API key' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Created an API key' }).count()).toBe(1);

    await page.getByLabel('Subject id').fill('inv_nothinghere');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByText('No line matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('cell', { name: 'Changed the business settings' }).waitFor();
    expect(await page.getByLabel('Subject id').inputValue()).toBe('');
    expect(await page.getByLabel('Action').inputValue()).toBe('');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(OUTPUT, 'audit-log-375.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

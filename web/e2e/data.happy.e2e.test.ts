import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('Settings → Data in the admin app', () => {
  it('at 375 px: export all data, watch it become ready, download it; an empty business’s owner is offered the import', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await signUpInBrowser(page, baseUrl, 'Data Studio', `e2e.data.${Date.now()}@example.com`);
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('link', { name: 'Data: export and import' }).click();
    await page.getByRole('heading', { name: 'Import from an export' }).waitFor();
    await page.getByLabel('Export file (ZIP)').waitFor();

    const start = page.getByRole('button', { name: 'Export all data' });
    await start.click();
    // The local queue builds it; the screen asks every 2 s until it is ready.
    const download = page.getByRole('link', { name: 'Download' });
    await download.waitFor({ timeout: 60_000 });
    expect(await start.isDisabled()).toBe(false);
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/exports\/exp_[0-9a-z]+\/download$/);
    const zip = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        size: (await res.arrayBuffer()).byteLength,
      };
    }, href!);
    expect(zip).toMatchObject({ status: 200, type: 'application/zip' });
    expect(zip.size).toBeGreaterThan(100);
    // Nothing spills sideways at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'settings-data-375.png'), fullPage: true });
    await page.close();
  });
});

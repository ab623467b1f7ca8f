import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, apiPost, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'screens');
mkdirSync(shots, { recursive: true });

describe('every main admin screen at 1280 and 375 px', () => {
  it('fits the width with no sideways scroll, has no serious axe-core violation, and is captured for review', {
    timeout: 180_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(page, baseUrl, 'Screens Studio', `e2e.screens.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const client = await post('/clients', {
      name: '山田太郎',
      company: '株式会社山田商事',
      email: 'taro@example.jp',
      language: 'ja',
      currency: 'JPY',
      billingAddress: { street: '千代田区丸の内1-1', city: '東京都', postalCode: '100-0005', country: 'JP' },
    });
    const draft = await post('/invoices', {
      clientId: client.id,
      currency: 'JPY',
      issueDate: new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10),
      dueDate: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
      lines: [{ description: 'ウェブサイト制作', quantity: 1, unitPrice: 250000, taxRate: 10 }],
    });
    const invoice = await post(`/invoices/${draft.id}/send`, {});
    expect(invoice.number).toMatch(/^INV-/);
    const estimate = await post('/estimates', {
      clientId: client.id,
      currency: 'JPY',
      lines: [{ description: '保守', quantity: 12, unitPrice: 30000 }],
    });
    const screens: [string, string][] = [
      ['dashboard', '/'],
      ['clients', '/clients'],
      ['client-new', '/clients/new'],
      ['client-360', `/clients/${client.id}`],
      ['invoices', '/invoices'],
      ['invoice-new', '/invoices/new'],
      ['invoice', `/invoices/${invoice.id}`],
      ['estimates', '/estimates'],
      ['estimate', `/estimates/${estimate.id}`],
      ['support', '/support'],
      ['settings', '/settings'],
    ];
    const wide: string[] = [];
    const a11y: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      for (const [name, path] of screens) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          // Name the outermost elements that stick out, so a failure says what to fix.
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll('main *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(
                (el) =>
                  !(
                    el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 1
                  ),
              )
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
          );
          wide.push(`${name} at ${width}: ${overflow} px too wide (${culprits.join(', ')})`);
        }
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        if (width === 1280) for (const p of await accessibilityProblems(page)) a11y.push(`${name}: ${p}`);
      }
    }
    expect(wide).toEqual([]);
    // No serious or critical axe-core violation on any main screen.
    expect(a11y).toEqual([]);
  });
});

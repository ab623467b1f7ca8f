import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@clientele/core';
import { ADMIN_WORDS } from '@clientele/core/admin-words';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, apiPost, browserForFile, OUTPUT } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'languages');
mkdirSync(shots, { recursive: true });

/** Every string of a catalogue (functions called with a sample argument). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') return [1, 2].map((n) => v(n)).filter((s) => typeof s === 'string');
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/**
 * English words of the app that must not show in `lang`: every English catalogue string
 * the language writes differently, split at the variable parts, kept when long enough to
 * be the app's own words rather than a shared name.
 */
function englishFor(lang: Language): string[] {
  const own = strings(ADMIN_WORDS[lang]);
  const ownText = own.join('\n');
  const phrases = strings(ADMIN_WORDS.en)
    .filter((s) => !own.includes(s))
    .flatMap((s) => s.split(/\d+|[“”()…:→←]/))
    .map((s) => s.trim())
    // Names the language keeps in English (Stripe's menus, PDF, KB) are its words too.
    .filter((s) => /[A-Za-z]{3}/.test(s) && s.length >= 4 && !ownText.includes(s));
  return [...new Set(phrases)];
}

/** English phrases found as whole words in the page's visible text. */
async function englishOn(page: Page, lang: Language): Promise<string[]> {
  // Template variables ({{business.name}}) are code, the same in every language.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a reader sees it
  const text = (await page.locator('body').innerText()).replace(/\{\{[^}]*\}\}/g, '');
  return englishFor(lang).filter((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(text);
  });
}

const SCREENS = (ids: { client: string; invoice: string; estimate: string }) =>
  [
    ['dashboard', '/'],
    ['clients', '/clients'],
    ['client-new', '/clients/new'],
    ['client-360', `/clients/${ids.client}`],
    ['invoices', '/invoices'],
    ['invoice-new', '/invoices/new'],
    ['invoice', `/invoices/${ids.invoice}`],
    ['estimates', '/estimates'],
    ['estimate', `/estimates/${ids.estimate}`],
    ['support', '/support'],
    ['settings', '/settings'],
  ] as const;

describe('the admin app speaks the business language', () => {
  it('sign-up in Japanese, every main screen in ja/ru/pt/it with no English left, refusals in Japanese, money and dates by Intl, language changed in Settings at once', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });

    // Sign-up starts in the browser's language and switches as soon as another is picked.
    await page.goto(`${baseUrl}/signup`);
    await page.getByRole('heading', { name: 'Create your business account' }).waitFor();
    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: '事業者アカウントの作成' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja-JP');
    await page.getByLabel('事業者名').fill('山田デザイン事務所');
    await page.getByLabel('メールアドレス').fill(`e2e.languages.${Date.now()}@example.jp`);
    await page.getByLabel('パスワード').fill('correct horse battery');
    await page.getByLabel('通貨').fill('JPY');
    await page.getByRole('button', { name: 'アカウントを作成' }).click();
    await page.getByRole('heading', { name: '顧客' }).waitFor();
    await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '請求書' }).waitFor();

    const post = apiPost(page, baseUrl);
    const client = await post('/clients', {
      name: '山田太郎',
      company: '株式会社山田商事',
      email: 'taro@example.jp',
      language: 'ja',
      currency: 'JPY',
      billingAddress: { street: '千代田区丸の内1-1', city: '東京都', postalCode: '100-0005', country: 'JP' },
    });
    const issueDate = new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10);
    const draft = await post('/invoices', {
      clientId: client.id,
      issueDate,
      dueDate: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
      lines: [{ description: 'ウェブサイト制作', quantity: 1, unitPrice: 250000, taxRate: 10 }],
    });
    const invoice = await post(`/invoices/${draft.id}/send`, {});
    const estimate = await post('/estimates', {
      clientId: client.id,
      lines: [{ description: '保守', quantity: 12, unitPrice: 30000 }],
    });
    const eurDraft = await post('/invoices', {
      clientId: client.id,
      currency: 'EUR',
      lines: [{ description: '翻訳', quantity: 1, unitPrice: 123450 }],
    });

    // Money and dates as Japanese writes them, not as the en-US browser would.
    await page.goto(`${baseUrl}/invoices/${invoice.id}`);
    await page.getByTestId('amount-due').waitFor();
    expect(await page.getByTestId('amount-due').textContent()).toBe('￥275,000');
    const [y, m, d] = issueDate.split('-');
    await expect(page.locator('dl.meta').textContent()).resolves.toContain(`${y}/${m}/${d}`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('期限超過');

    // Refusals come back in the app's language too: the API reads the Accept-Language it sends.
    await page.goto(`${baseUrl}/clients/new`);
    await page.getByRole('button', { name: '顧客を作成' }).click();
    await page.getByText('強調表示された項目を修正してください。').waitFor();
    await expect(page.locator('.field-error').first().textContent()).resolves.toBe('この項目は必須です');

    const found: string[] = [];
    const visit = async (lang: Language) => {
      for (const [name, path] of SCREENS({ client: client.id, invoice: invoice.id, estimate: estimate.id })) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const phrase of await englishOn(page, lang)) found.push(`${lang} ${name}: "${phrase}"`);
        if (lang === 'ja') for (const p of await accessibilityProblems(page)) found.push(`ja ${name}: ${p}`);
        if (lang === 'ja' || lang === 'ru') {
          await page.screenshot({ path: join(shots, `${lang}-${name}.png`), fullPage: true });
        }
        if (lang === 'ru') {
          // Russian words run long: every screen still fits a phone.
          await page.setViewportSize({ width: 375, height: 812 });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) found.push(`ru ${name} at 375 px: ${overflow} px too wide`);
          await page.screenshot({ path: join(shots, `ru-${name}-375.png`), fullPage: true });
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      }
    };
    await visit('ja');

    // Settings changes the language; the app follows at once, without a reload.
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('言語', { exact: true }).selectOption('ru');
    await page.getByRole('button', { name: '設定を保存' }).click();
    await page.getByText('Сохранено.').waitFor();
    await page
      .getByRole('navigation', { name: 'Главное меню' })
      .getByRole('link', { name: 'Клиенты' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru-RU');
    await page.goto(`${baseUrl}/invoices`);
    // Russian groups thousands with a no-break space and puts the sign after: 1 234,50 €.
    await expect(page.locator('table.list').textContent()).resolves.toMatch(/1\s234,50\s€/);
    // The editor shows amounts with the language's decimal comma and reads them back unchanged.
    await page.goto(`${baseUrl}/invoices/${eurDraft.id}/edit`);
    const price = page.getByLabel('Строка 1: цена');
    await expect.poll(() => price.inputValue()).toBe('1234,50');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByTestId('amount-due').waitFor();
    await expect(page.getByTestId('amount-due').textContent()).resolves.toMatch(/^1\s234,50\s€$/);
    await visit('ru');

    for (const lang of ['pt', 'it'] as const) {
      const res = await page.request.patch(`${baseUrl}/api/v1/settings`, {
        headers: { origin: baseUrl },
        data: { locale: lang },
      });
      expect(res.status()).toBe(200);
      await visit(lang);
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it('before sign-in the app speaks the browser language, refusals included', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    await page.goto(`${baseUrl}/signin`);
    await page.getByRole('heading', { name: 'Clientele にログイン' }).waitFor();
    await page.getByLabel('メールアドレス').fill(`nobody.${Date.now()}@example.jp`);
    await page.getByLabel('パスワード').fill('not the password');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText('メールアドレスまたはパスワードが正しくありません').waitFor();
    await page.close();

    // A language tried on the sign-up form goes away with the form.
    const en = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await en.goto(`${baseUrl}/signup`);
    await en.getByLabel('Language').selectOption('it');
    await en.getByRole('heading', { name: 'Crea l’account della tua attività' }).waitFor();
    await en.getByRole('link', { name: 'Accedi' }).click();
    await en.getByRole('heading', { name: 'Sign in to Clientele' }).waitFor();
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await en.getByLabel('Email').fill(`nobody.${Date.now()}@example.com`);
    await en.getByLabel('Password').fill('not the password');
    await en.getByRole('button', { name: 'Sign in', exact: true }).click();
    await en.getByText('Email or password is incorrect').waitFor();
    await en.close();
  });
});

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const signUp = (page: Page, email: string) => signUpInBrowser(page, baseUrl, 'Студия «Север»', email);

describe('admin app in Chromium', () => {
  it('signs up, creates a Cyrillic client, finds it, edits it, shows an email field error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUp(page, `e2e.${Date.now()}@example.com`);
    await page.getByText('No clients yet').waitFor();

    await page.getByRole('link', { name: 'Add a client' }).click();
    await page.getByLabel('Name').fill('Иван Петров');
    await page.getByLabel('Company').fill('ООО «Северный ветер»');
    await page.getByLabel('Email', { exact: true }).fill('ivan@severveter.ru');
    await page.getByLabel('City').fill('Москва');
    await page.getByLabel('Country').selectOption('RU');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Иван Петров' }).waitFor();

    // A second client so the search has something to filter out.
    await page.goto(`${baseUrl}/clients/new`);
    await page.getByLabel('Name').fill('Maria Oliveira');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Maria Oliveira' }).waitFor();

    await page.goto(`${baseUrl}/clients`);
    await page.getByRole('link', { name: 'Maria Oliveira' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('иван');
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: 'Maria Oliveira' }).waitFor({ state: 'detached' });
    const rows = page.locator('table.list tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Иван Петров');

    await page.getByRole('link', { name: 'Иван Петров' }).click();
    await page.getByLabel('Name').fill('Иван Сергеевич Петров');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByRole('heading', { name: 'Иван Сергеевич Петров' }).waitFor();

    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const fieldError = page
      .locator('.field.has-error')
      .filter({ has: page.getByLabel('Email', { exact: true }) });
    await fieldError.getByText('Enter a valid email address').waitFor();
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(OUTPUT, 'client-edit-email-error.png'), fullPage: true });

    // The rejected edit changed nothing on the server.
    await page.reload();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('ivan@severveter.ru');
    await page.close();
  });

  it('the client list reads well on a phone and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true });
    await signUp(page, `e2e.phone.${Date.now()}@example.com`);
    await page.getByRole('link', { name: 'Add a client' }).click();
    await page.getByLabel('Name').fill('山田太郎');
    await page.getByLabel('Email', { exact: true }).fill('taro@sakura.co.jp');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: '山田太郎' }).waitFor();
    await page.goto(`${baseUrl}/clients`);
    await page.getByRole('link', { name: '山田太郎' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'clients-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Clientele' }).waitFor();
    await page.goto(`${baseUrl}/clients`);
    await page.getByRole('heading', { name: 'Sign in to Clientele' }).waitFor();
    await page.close();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, mailTo, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const shots = join(OUTPUT, 'support');
mkdirSync(shots, { recursive: true });

describe('support desk in the browser', () => {
  it('portal ticket → admin badge 1 → admin reply emailed → client answers by email → both threads, quote stripped', {
    timeout: 120_000,
  }, async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(admin, baseUrl, 'Help Studio', `e2e.support.${Date.now()}@example.com`);
    const post = async (path: string, data: unknown) => {
      const res = await admin.request.post(`${baseUrl}/api/v1${path}`, {
        data,
        headers: { origin: baseUrl },
      });
      expect(res.status()).toBeLessThan(300);
      return res.json();
    };
    const email = `ivan.${Date.now()}@example.ru`;
    const client = await post('/clients', { name: 'Иван Петров', email, language: 'ru' });
    const link = await post(`/clients/${client.id}/portal-links`, {});

    const portal = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await portal.goto(link.url);
    await portal.getByRole('button', { name: /Continue to your invoices|Перейти к счетам/ }).click();
    await portal.getByRole('navigation').getByRole('link', { name: 'Поддержка' }).click();
    await portal.getByLabel('Тема').fill('Вопрос по оплате');
    await portal.getByLabel('Сообщение').fill('Можно оплатить двумя частями?');
    await portal.screenshot({ path: join(shots, '1-portal-new-ticket-phone.png'), fullPage: true });
    await portal.getByRole('button', { name: 'Отправить', exact: true }).click();
    await portal.getByRole('heading', { name: 'Вопрос по оплате' }).waitFor();
    const overflow = await portal.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    const ticketId = /tickets\/(tkt_[0-9a-z]+)/.exec(portal.url())![1]!;

    // The badge refreshes on its own (every 15 s); a navigation shows it at once.
    await admin.goto(`${baseUrl}/support`);
    await expect(admin.getByTestId('support-badge').textContent()).resolves.toBe('1');
    await admin.screenshot({ path: join(shots, '2-admin-inbox-badge.png'), fullPage: true });
    await admin.getByRole('link', { name: 'Вопрос по оплате' }).click();
    await admin.getByLabel('Reply', { exact: true }).fill('Да, конечно. Первая часть — до конца месяца.');
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await admin.getByText('Waiting on client').first().waitFor();
    expect(await admin.getByTestId('support-badge').count()).toBe(0);

    const mail = await mailTo(admin, baseUrl, email, (m) => (m.subject ?? '').includes('Вопрос по оплате'));
    expect(mail.subject).toBe('Re: Вопрос по оплате');
    const replyTo = mail.replyTo?.[0]?.address ?? '';
    const messageId = mail.messageId ?? '';
    expect(replyTo).toMatch(/^reply\+[a-z0-9]{40}@/);

    // The client answers from their mail program: top-posted, with the quote below.
    // Headers RFC 2047-encoded, as mail programs send non-ASCII names and subjects.
    const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
    const raw = [
      `From: ${word('Иван Петров')} <${email}>`,
      `To: ${replyTo}`,
      `Subject: ${word('Re: Вопрос по оплате')}`,
      `Message-ID: <${crypto.randomUUID()}@mail.example.ru>`,
      `In-Reply-To: ${messageId}`,
      `References: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Спасибо, так и сделаем.',
      '',
      `пн, 23 нояб. 2026 г. в 14:02, Help Studio <billing@clientele.local>:`,
      '> Да, конечно. Первая часть — до конца месяца.',
      '',
    ].join('\r\n');
    const started = Date.now();
    const res = await fetch(
      `${baseUrl}/cdn-cgi/handler/email?from=${encodeURIComponent(email)}&to=${encodeURIComponent(replyTo)}`,
      { method: 'POST', body: raw },
    );
    expect(res.status).toBe(200);
    let landed = false;
    for (let i = 0; i < 100 && !landed; i++) {
      const t = await (await admin.request.get(`${baseUrl}/api/v1/tickets/${ticketId}`)).json();
      landed = t.messages.some((m: { via: string }) => m.via === 'email');
      if (!landed) await admin.waitForTimeout(50);
    }
    console.log(`inbound email → message on the thread: ${Date.now() - started} ms`);
    expect(landed).toBe(true);

    await admin.reload();
    await admin.getByText('Спасибо, так и сделаем.').waitFor();
    expect(await admin.locator('.thread').textContent()).not.toContain('Первая часть — до конца месяца.\n>');
    expect(await admin.locator('li[data-via="email"]').textContent()).not.toContain('Да, конечно');
    // An internal note stays with the team: never in the portal.
    await admin.getByLabel(/Internal note \(not sent/).check();
    await admin.getByLabel('Internal note', { exact: true }).fill('Agreed: split into two payments.');
    await admin.getByRole('button', { name: 'Add note' }).click();
    await admin.locator('li.internal').getByText('Agreed: split into two payments.').waitFor();
    await admin.screenshot({ path: join(shots, '3-admin-thread.png'), fullPage: true });
    await portal.reload();
    expect(await portal.locator('main').textContent()).not.toContain('Agreed: split');
    const emailed = portal.locator('li[data-via="email"]');
    expect(await emailed.textContent()).toContain('Спасибо, так и сделаем.');
    expect(await emailed.textContent()).not.toContain('Да, конечно');
    await portal.screenshot({ path: join(shots, '4-portal-thread-phone.png'), fullPage: true });
  });
});

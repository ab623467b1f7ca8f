import PostalMime from 'postal-mime';
import { describe, expect, inject, it } from 'vitest';
import { apiPost, browserForFile, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('portal unknown paths and mail encodings against wrangler dev', () => {
  it('an unknown portal path is a localized 404 page in the portal shell, not raw JSON or a 500', async () => {
    const page = await browser.newPage({ locale: 'ja-JP', extraHTTPHeaders: { 'accept-language': 'ja' } });
    for (const path of ['/portal/no-such-page', '/portal/invoices/inv_x/extra/deep']) {
      const res = await page.goto(`${baseUrl}${path}`);
      expect(res?.status()).toBe(404);
      expect(res?.headers()['content-type']).toContain('text/html');
      await page.getByText('このアドレスのページはありません。').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(await page.content()).not.toContain('"status"');
    }
  });

  it('an invoice email to a Russian client: every non-ASCII text part is base64 on the wire and decodes exactly', async () => {
    const page = await browser.newPage();
    await signUpInBrowser(page, baseUrl, 'Студия Север', `e2e.mime.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const email = `ivan.${Date.now()}@example.ru`;
    const client = await post('/clients', { name: 'Иван Петров', email, language: 'ru' });
    const draft = await post('/invoices', {
      clientId: client.id,
      lines: [{ description: 'Разработка сайта', quantity: 1, unitPrice: 100000, taxRate: 20 }],
    });
    const sent = await post(`/invoices/${draft.id}/send`, {});
    let raw = '';
    for (let i = 0; i < 100 && !raw; i++) {
      const outbox = await (await page.request.get(`${baseUrl}/api/v1/dev/outbox`)).json();
      raw = outbox.data.find((m: { to: string }) => m.to === email)?.raw ?? '';
      if (!raw) await page.waitForTimeout(100);
    }
    const textParts = raw
      .split(/\r\n--[^\r\n]+\r\n/)
      .filter((chunk) => /^Content-Type: text\/(plain|html)/im.test(chunk.split('\r\n\r\n')[0] ?? ''));
    expect(textParts).toHaveLength(2);
    for (const part of textParts) {
      const [head = '', body = ''] = part.split('\r\n\r\n');
      expect(head).toMatch(/Content-Transfer-Encoding: base64/i);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
      expect(/^[\x00-\x7f]*$/.test(body)).toBe(true);
    }
    const mail = await PostalMime.parse(raw);
    expect(mail.text).toContain('Иван Петров');
    expect(mail.text).toContain(sent.number);
    expect(mail.html).toContain('Иван Петров');
  });
});

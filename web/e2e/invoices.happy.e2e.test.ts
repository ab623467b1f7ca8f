import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { apiPost, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('invoices in the admin app', () => {
  it('drafts with live totals, sends, records a partial payment, shows it on the client 360°', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Atelier Lisboa', `e2e.inv.${Date.now()}@example.com`);

    const created = await page.request.post(`${baseUrl}/api/v1/clients`, {
      headers: { origin: baseUrl },
      data: { name: 'Maria Oliveira', currency: 'EUR', billingAddress: { city: 'Lisboa', country: 'PT' } },
    });
    expect(created.status()).toBe(201);
    const client = await created.json();

    await page.goto(`${baseUrl}/invoices/new?clientId=${client.id}`);
    await page.getByLabel('Line 1 description').fill('Design — 1.5 h');
    // Typed the way most of Europe writes decimals.
    await page.getByLabel('Line 1 quantity').fill('1,5');
    await page.getByLabel('Line 1 unit price').fill('80,00');
    await page.getByLabel('Line 1 tax rate').fill('23');
    // 1.5 × 80.00 = 120.00, + 23 % = 147.60, computed in the browser before saving.
    await page.getByTestId('total').filter({ hasText: '147.60' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();

    await page.getByRole('heading', { name: /Draft invoice/ }).waitFor();
    await page.getByRole('button', { name: 'Send invoice' }).click();
    await page.getByRole('heading', { name: /INV-\d{4}-0001/ }).waitFor();

    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel(/Amount \(EUR\)/).fill('50.00');
    await page.getByRole('button', { name: 'Save payment' }).click();
    await page.getByTestId('amount-due').filter({ hasText: '97.60' }).waitFor();
    expect(await page.locator('.badge-partial').count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT, 'invoice-partial.png'), fullPage: true });

    // The PDF preview and download come from the Worker (rendered once, then from R2).
    const frame = page.locator('iframe.pdf-preview');
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/\/api\/v1\/invoices\/inv_\w+\/pdf/);
    const pdf = await page.request.get(`${baseUrl}${src!.split('#')[0]}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const download = page.getByRole('link', { name: 'Download PDF' });
    expect(await download.getAttribute('href')).toMatch(/pdf\?download=1$/);

    await page.getByRole('link', { name: /Maria Oliveira/ }).click();
    const card = page.locator('.metric[data-currency="EUR"]');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('147.60');
    expect(text).toContain('50.00');
    expect(text).toContain('97.60');
    await page.screenshot({ path: join(OUTPUT, 'client-360.png'), fullPage: true });
    await page.close();
  });

  it('a draft with line and document discounts opens and saves unchanged, and shows its discount line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Desconto Lda', `e2e.disc.${Date.now()}@example.com`);
    const client = await (
      await page.request.post(`${baseUrl}/api/v1/clients`, {
        headers: { origin: baseUrl },
        data: { name: 'Rui Costa', currency: 'EUR' },
      })
    ).json();
    const draft = await (
      await page.request.post(`${baseUrl}/api/v1/invoices`, {
        headers: { origin: baseUrl },
        data: {
          clientId: client.id,
          discountPercent: 10,
          lines: [
            { description: 'Design', quantity: 2, unitPrice: 10000, discountPercent: 5, taxRate: 23 },
            { description: 'Hosting', quantity: 1, unitPrice: 5000, taxes: [{ rate: 23, inclusive: true }] },
          ],
        },
      })
    ).json();
    await page.goto(`${baseUrl}/invoices/${draft.id}/edit`);
    // The editor has taken its copy of the draft once the first line shows its description.
    await page.waitForFunction(
      () =>
        (document.querySelector('[aria-label="Line 1 description"]') as HTMLInputElement | null)?.value ===
        'Design',
    );
    expect(await page.getByLabel('Line 1 discount percent').inputValue()).toBe('5');
    expect(await page.getByLabel(/Discount on the whole invoice/).inputValue()).toBe('10');
    await page.getByTestId('discount').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: /Draft invoice/ }).waitFor();
    await page.getByTestId('discount').waitFor();
    const saved = await (await page.request.get(`${baseUrl}/api/v1/invoices/${draft.id}`)).json();
    expect(saved.total).toBe(draft.total);
    expect(saved.discountTotal).toBe(draft.discountTotal);
    expect(saved.lines[1].taxes).toEqual([{ rate: 23, inclusive: true }]);
    await page.screenshot({ path: join(OUTPUT, 'invoice-discounts.png'), fullPage: true });
    await page.close();
  });

  it('"Duplicate" on an issued invoice opens a new draft in the editor with the same lines, by keyboard at 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await signUpInBrowser(page, baseUrl, 'Copia Lda', `e2e.dup.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const client = await post('/clients', { name: 'Inês Faria', currency: 'EUR' });
    const original = await post('/invoices', {
      clientId: client.id,
      notes: 'Monthly retainer',
      lines: [
        { description: 'Design retainer', quantity: 1.5, unitPrice: 8000, taxRate: 23 },
        { description: 'Hosting', quantity: 1, unitPrice: 5000, taxes: [{ rate: 23, inclusive: true }] },
      ],
    });
    const issued = await post(`/invoices/${original.id}/send`, {});
    await page.goto(`${baseUrl}/invoices/${original.id}`);
    await page.getByRole('heading', { name: issued.number }).waitFor();
    const duplicate = page.getByRole('button', { name: 'Duplicate' });
    await duplicate.focus();
    expect(await duplicate.isVisible()).toBe(true);
    // The actions wrap on a phone: the button is inside the page, not pushed off its right edge.
    const box = (await duplicate.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(OUTPUT, 'invoice-page-375.png') });
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/invoices\/inv_\w+\/edit$/);
    const copyId = /\/invoices\/(inv_\w+)\/edit/.exec(page.url())![1]!;
    expect(copyId).not.toBe(original.id);
    await page.waitForFunction(
      () =>
        (document.querySelector('[aria-label="Line 1 description"]') as HTMLInputElement | null)?.value ===
        'Design retainer',
    );
    expect(await page.getByLabel('Line 2 description').inputValue()).toBe('Hosting');
    await page.screenshot({ path: join(OUTPUT, 'invoice-duplicate-375.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: /Draft invoice/ }).waitFor();

    const copy = await (await page.request.get(`${baseUrl}/api/v1/invoices/${copyId}`)).json();
    expect(copy).toMatchObject({
      status: 'draft',
      number: null,
      total: issued.total,
      notes: 'Monthly retainer',
    });
    expect(copy.lines).toEqual(issued.lines);
    const after = await (await page.request.get(`${baseUrl}/api/v1/invoices/${original.id}`)).json();
    expect(after).toMatchObject({ status: issued.status, number: issued.number });
    await page.close();
  });

  it('a double-clicked "Send invoice" issues once and emails the client once', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Double Click Lda', `e2e.dbl.${Date.now()}@example.com`);
    const client = await (
      await page.request.post(`${baseUrl}/api/v1/clients`, {
        headers: { origin: baseUrl },
        data: { name: 'Ana Sousa', email: 'ana.sousa@example.com', currency: 'EUR' },
      })
    ).json();
    const draft = await (
      await page.request.post(`${baseUrl}/api/v1/invoices`, {
        headers: { origin: baseUrl },
        data: { clientId: client.id, lines: [{ description: 'Design', quantity: 1, unitPrice: 10000 }] },
      })
    ).json();
    await page.goto(`${baseUrl}/invoices/${draft.id}`);
    await page.getByRole('button', { name: 'Send invoice' }).dblclick();
    await page.getByRole('heading', { name: /INV-\d{4}-0001/ }).waitFor();
    const count = async () =>
      (await (await page.request.get(`${baseUrl}/api/v1/emails`)).json()).data.filter(
        (e: { documentId: string }) => e.documentId === draft.id,
      ).length;
    // Both clicks have had time to land before counting.
    await page.waitForTimeout(1500);
    expect(await count()).toBe(1);
    await page.close();
  });

  it('a double-clicked "Save payment" records one payment and queues one receipt', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Double Pay Lda', `e2e.dblpay.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const client = await post('/clients', {
      name: 'Rui Costa',
      email: 'rui.costa@example.com',
      currency: 'EUR',
    });
    const draft = await post('/invoices', {
      clientId: client.id,
      lines: [{ description: 'Design', quantity: 1, unitPrice: 10000 }],
    });
    await post(`/invoices/${draft.id}/send`, {});
    await page.goto(`${baseUrl}/invoices/${draft.id}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel(/Amount/).fill('50,00');
    await page.getByRole('button', { name: 'Save payment' }).dblclick();
    await page.getByTestId('invoice-payments').getByText('€50.00').first().waitFor();
    await page.waitForTimeout(1500);
    const payments = (
      await (await page.request.get(`${baseUrl}/api/v1/invoices/${draft.id}/payments`)).json()
    ).data;
    expect(payments).toHaveLength(1);
    const receipts = (await (await page.request.get(`${baseUrl}/api/v1/emails`)).json()).data.filter(
      (e: { kind: string; documentId: string }) => e.kind === 'receipt' && e.documentId === draft.id,
    );
    expect(receipts).toHaveLength(1);
    await page.close();
  });

  it("the editor's client picker searches as one types: a business with 250 clients picks the 250th by keyboard", {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUpInBrowser(page, baseUrl, 'Many Clients Lda', `e2e.many.${Date.now()}@example.com`);
    const post = apiPost(page, baseUrl);
    const clients: { id: string; name: string }[] = [];
    for (let batch = 0; batch < 50; batch++) {
      const made = await Promise.all(
        Array.from({ length: 5 }, (_, i) => {
          const n = String(batch * 5 + i + 1).padStart(3, '0');
          return post('/clients', { name: `Cliente ${n}`, company: `Empresa ${n}`, currency: 'EUR' });
        }),
      );
      clients.push(...made);
    }
    expect(clients).toHaveLength(250);
    const last = clients.find((c) => c.name === 'Cliente 250')!;

    await page.goto(`${baseUrl}/invoices/new`);
    const picker = page.getByRole('combobox', { name: 'Client' });
    await picker.focus();
    const options = page.getByRole('listbox', { name: 'Client' }).getByRole('option');
    const active = page.locator('[role="option"][aria-selected="true"]');
    // Typing narrows the matches (Cliente 240 … 249); the arrows move through them.
    await picker.pressSequentially('Cliente 24');
    await expect.poll(() => options.count()).toBe(10);
    expect(await active.getAttribute('id')).toBe(await options.nth(0).getAttribute('id'));
    const second = await options.nth(1).getAttribute('id');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => active.getAttribute('id')).toBe(second);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => active.getAttribute('id')).toBe(await options.nth(0).getAttribute('id'));
    // The 250th, beyond the 200 a list page holds, is one search away.
    await picker.fill('Cliente 250');
    await expect.poll(() => options.count()).toBe(1);
    await expect.poll(() => active.getAttribute('data-client')).toBe(last.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => picker.inputValue()).toBe('Cliente 250 — Empresa 250');
    // Escape closes a new search and keeps the picked client.
    await picker.fill('Cliente 1');
    await page.getByRole('listbox', { name: 'Client' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => picker.inputValue()).toBe('Cliente 250 — Empresa 250');

    await page.getByLabel('Line 1 description').fill('Consultoria');
    await page.getByLabel('Line 1 unit price').fill('100');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: /Draft invoice/ }).waitFor();
    const id = /\/invoices\/(inv_\w+)/.exec(page.url())![1]!;
    const saved = await (await page.request.get(`${baseUrl}/api/v1/invoices/${id}`)).json();
    expect(saved.clientId).toBe(last.id);
    await page.close();
  });
});

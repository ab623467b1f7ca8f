import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, inject, it } from 'vitest';
import { accessibilityProblems, browserForFile, OUTPUT, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const scratch = mkdtempSync(join(tmpdir(), 'clientele-zip-'));
const browser = browserForFile();

/** `unzip -t` (Info-ZIP) checks every entry's CRC; `unzip -Z1` lists the names. */
function checkZip(bytes: Uint8Array, name: string) {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  const test = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
  expect(test).toContain('No errors detected');
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
}

/** The admin API with a fresh business, over plain HTTP as any integration would call it. */
async function business() {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      businessName: 'Bulk Studio',
      email: `e2e.zip.${Date.now()}@example.com`,
      password: 'correct horse battery',
    }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  return async (path: string, body?: unknown) => {
    // As a careful integration does: every write carries an Idempotency-Key, so a request
    // whose connection drops (wrangler dev's proxy occasionally does under sustained load)
    // is retried without creating anything twice. Retries are counted and printed.
    const key = crypto.randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await fetch(`${baseUrl}/api/v1${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { cookie, origin: baseUrl, 'content-type': 'application/json', 'idempotency-key': key },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (r.status === 503 && attempt < 3) throw new Error('503 from the dev proxy');
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return r.json();
      } catch (err) {
        const dropped = err instanceof TypeError || String(err).includes('503 from the dev proxy');
        if (!dropped || attempt >= 3) throw err;
        retried++;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  };
}
let retried = 0;

/**
 * A download changes nothing, so a connection wrangler dev dropped (seen on a keep-alive
 * socket reused right after a streamed ZIP) is simply asked again; retries are counted.
 */
async function withRetry(request: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      if (!(err instanceof TypeError) || attempt >= 3) throw err;
      retried++;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

describe('portal bulk ZIP against wrangler dev', () => {
  it('1, 50 and 500 invoices: unzip -t passes, names are the invoice numbers, repeats come from R2', {
    timeout: 600_000,
  }, async () => {
    const api = await business();
    const client = await api('/clients', { name: 'Bulk Buyer Lda' });
    const ids: string[] = [];
    const numbers = new Map<string, string>();
    // Four at a time: enough to be quick, gentle on a 2-core machine.
    for (let i = 0; i < 500; i += 4) {
      await Promise.all(
        [0, 1, 2, 3].map(async () => {
          const draft = await api('/invoices', {
            clientId: client.id,
            lines: [{ description: 'Monthly retainer', quantity: 1, unitPrice: 120000, taxRate: 23 }],
          });
          const sent = await api(`/invoices/${draft.id}/send`, {});
          ids.push(sent.id);
          numbers.set(sent.id, sent.number);
        }),
      );
    }
    const link = await api(`/clients/${client.id}/portal-links`, {});
    const signIn = await fetch(link.url, {
      method: 'POST',
      headers: { origin: baseUrl },
      redirect: 'manual',
    });
    const cookie = /clientele_portal_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];

    for (const count of [1, 50, 500]) {
      const selection = ids.slice(0, count);
      const download = () =>
        withRetry(() =>
          fetch(`${baseUrl}/portal/downloads`, {
            method: 'POST',
            headers: { cookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(selection.map((id) => ['ids', id])).toString(),
          }),
        );
      const started = performance.now();
      const res = await download();
      expect(res.status).toBe(200);
      expect(res.headers.get('x-zip-cache')).toBe('miss');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const built = performance.now() - started;
      const names = checkZip(bytes, `invoices-${count}.zip`);
      expect(names.sort()).toEqual(selection.map((id) => `${numbers.get(id)}.pdf`).sort());
      const again = await download();
      expect(again.headers.get('x-zip-cache')).toBe('hit');
      expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
      console.log(`ZIP of ${count}: ${(bytes.length / 1024).toFixed(0)} KiB built in ${built.toFixed(0)} ms`);
    }
    console.log(`requests retried after a dropped connection: ${retried}`);
  });
});

describe('the client portal in Chromium', () => {
  it('link from the outbox → statement → sort by status → invoice on phone and desktop → select all → ZIP', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(page, baseUrl, 'Portal Atelier', `e2e.portal.${Date.now()}@example.com`);
    const post = async (path: string, data: unknown) => {
      const res = await page.request.post(`${baseUrl}/api/v1${path}`, { data, headers: { origin: baseUrl } });
      expect(res.status()).toBeLessThan(300);
      return res.json();
    };
    const client = await post('/clients', {
      name: 'Ana Conceição',
      email: 'ana@example.pt',
      language: 'en',
      billingAddress: { street: 'Rua Augusta 10', city: 'Lisboa', postalCode: '1100-053', country: 'PT' },
    });
    const invoice = async (unitPrice: number, issueDate: string) => {
      const draft = await post('/invoices', {
        clientId: client.id,
        issueDate,
        dueDate: '2027-12-31',
        lines: [{ description: 'Brand identity — phase 1', quantity: 1, unitPrice, taxRate: 23 }],
      });
      return post(`/invoices/${draft.id}/send`, {});
    };
    const paid = await invoice(10000, '2026-09-01');
    const partial = await invoice(20000, '2026-10-01');
    const open = await invoice(30000, '2026-11-01');
    await post(`/invoices/${paid.id}/payments`, {
      amount: paid.total,
      date: '2026-09-10',
      method: 'bank transfer',
    });
    await post(`/invoices/${partial.id}/payments`, {
      amount: 5000,
      date: '2026-10-10',
      method: 'bank transfer',
    });

    let raw = '';
    for (let i = 0; i < 100 && !raw; i++) {
      const outbox = await (await page.request.get(`${baseUrl}/api/v1/dev/outbox`)).json();
      raw = outbox.data.find((m: { subject: string }) => m.subject.includes(open.number))?.raw ?? '';
      if (!raw) await page.waitForTimeout(100);
    }
    const mail = await PostalMime.parse(raw);
    const link = /http:\/\/127\.0\.0\.1:\d+\/portal\/login\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];

    const portal = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await portal.goto(link);
    await portal.getByRole('button', { name: 'Continue to your invoices' }).click();
    await portal.getByRole('heading', { name: 'Statement' }).waitFor();
    await portal.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await portal.getByRole('heading', { name: 'Invoices' }).waitFor();

    await portal.getByRole('link', { name: /^Status/ }).click();
    await portal.waitForURL(/sort=status&order=desc/);
    await portal.getByRole('link', { name: /^Status/ }).click();
    await portal.waitForURL(/sort=status&order=asc/);
    const order = await portal
      .locator('tr[data-invoice]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-invoice')));
    expect(order).toEqual([open.number, partial.number, paid.number]);

    await portal.getByRole('link', { name: partial.number }).click();
    await portal.getByRole('heading', { name: `Invoice ${partial.number}` }).waitFor();
    // This business has not connected Stripe: no online payment is offered.
    expect(await portal.getByRole('link', { name: 'Pay now' }).count()).toBe(0);
    await portal.screenshot({ path: join(OUTPUT, 'portal-invoice-desktop.png'), fullPage: true });
    expect(await accessibilityProblems(portal)).toEqual([]);
    await portal.setViewportSize({ width: 375, height: 812 });
    const overflow = await portal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await portal.getByText('Rua Augusta 10').isVisible()).toBe(true);
    await portal.screenshot({ path: join(OUTPUT, 'portal-invoice-phone.png'), fullPage: true });
    await portal.setViewportSize({ width: 1280, height: 800 });

    await portal.getByRole('link', { name: 'All invoices' }).click();
    await portal.setViewportSize({ width: 375, height: 812 });
    expect(
      await portal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // On a phone, select-all sits above the cards (the table header is hidden there).
    await portal.locator('.toolbar').getByLabel('Select all').check();
    await portal.screenshot({ path: join(OUTPUT, 'portal-invoices-phone.png'), fullPage: true });
    await portal.setViewportSize({ width: 1280, height: 800 });
    expect(await accessibilityProblems(portal)).toEqual([]);
    const selectAll = portal.locator('thead').getByLabel('Select all');
    expect(await selectAll.isChecked()).toBe(true);
    await selectAll.uncheck();
    expect(await portal.locator('input[name="ids"]:checked').count()).toBe(0);
    await selectAll.check();
    const boxes = portal.locator('input[name="ids"]');
    expect(await boxes.count()).toBe(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    const [download] = await Promise.all([
      portal.waitForEvent('download'),
      portal.getByRole('button', { name: 'Download selected (ZIP)' }).click(),
    ]);
    const file = join(scratch, 'browser.zip');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.zip$/);
    const { readFileSync } = await import('node:fs');
    const names = checkZip(readFileSync(file), 'browser-check.zip');
    expect(names.sort()).toEqual([paid.number, partial.number, open.number].map((n) => `${n}.pdf`).sort());

    // The admin sees the view the client made.
    const admin = await (await page.request.get(`${baseUrl}/api/v1/invoices/${partial.id}`)).json();
    expect(admin.viewedAt).not.toBeNull();
    await page.goto(`${baseUrl}/invoices/${partial.id}`);
    await page.getByTestId('history').filter({ hasText: 'Viewed by the client in the portal' }).waitFor();

    // …and signs the client's device out by revoking the link it used.
    await page.goto(`${baseUrl}/clients/${client.id}`);
    const used = page.locator('tr[data-link]').filter({ hasText: '1 device' });
    await used.waitFor();
    await used.getByRole('button', { name: 'Revoke' }).click();
    // An in-page, accessible confirmation (not the browser's confirm()).
    await page
      .getByRole('dialog', { name: 'Revoke this link?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.locator('tr[data-link]').filter({ hasText: 'revoked' }).first().waitFor();
    const after = await portal.goto(`${baseUrl}/portal`);
    expect(after?.status()).toBe(401);
    await portal.close();
    await page.close();
  });
});

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../http/content-disposition';
import { call, createClient, createInvoice, issuedInvoice, json, line, pay, signUp } from './helpers/api';
import { withJapaneseFont } from './helpers/japanese-font';

async function pdfObjects(tenantId: string) {
  return (await env.FILES.list({ prefix: `pdf/${tenantId}/` })).objects.length;
}

withJapaneseFont();

const isPdf = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-';

describe('invoice PDF', () => {
  it('renders, caches in R2, serves the cached copy, and re-renders after a payment', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner, {}, { name: 'Иван Петров', language: 'ru' });
    const first = await call(`/invoices/${invoice.id}/pdf`, { as: owner });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('x-pdf-cache')).toBe('miss');
    expect(first.headers.get('content-disposition')).toBe(
      `inline; filename="${invoice.number}.pdf"; filename*=UTF-8''${invoice.number}.pdf`,
    );
    const a = await first.arrayBuffer();
    expect(isPdf(a)).toBe(true);
    expect(await pdfObjects(owner.tenantId)).toBe(1);

    const second = await call(`/invoices/${invoice.id}/pdf`, { as: owner });
    expect(second.headers.get('x-pdf-cache')).toBe('hit');
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array(a));
    expect(await pdfObjects(owner.tenantId)).toBe(1);

    await pay(owner, invoice.id, 5000);
    const third = await call(`/invoices/${invoice.id}/pdf?download=1`, { as: owner });
    expect(third.headers.get('x-pdf-cache')).toBe('miss');
    expect(third.headers.get('content-disposition')).toMatch(/^attachment;/);
    const c = new Uint8Array(await third.arrayBuffer());
    expect(c).not.toEqual(new Uint8Array(a));
    expect(await pdfObjects(owner.tenantId)).toBe(2);
  });

  // The first Japanese document in an isolate loads and parses the 5 MB font; allow for a slow machine.
  it('renders Japanese text (lazily loaded font) and drafts', { timeout: 60_000 }, async () => {
    const owner = await signUp();
    const client = await createClient(owner, {
      name: '山田太郎',
      company: '株式会社さくら',
      language: 'ja',
      currency: 'JPY',
    });
    const draft = await createInvoice(owner, client.id, {
      lines: [line({ description: 'ロゴデザイン', unitPrice: 180000 })],
    });
    const res = await call(`/invoices/${draft.id}/pdf`, { as: owner });
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    expect(isPdf(bytes)).toBe(true);
    // The CJK subset is embedded: a Latin-only PDF carries a single Noto Sans family.
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/NotoSansJP/);
  });

  it('estimates have PDFs too; unknown ids → 404', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const est = await json(
      await call('/estimates', { method: 'POST', body: { clientId: c.id, lines: [line()] }, as: owner }),
    );
    const res = await call(`/estimates/${est.id}/pdf`, { as: owner });
    expect(res.status).toBe(200);
    expect(isPdf(await res.arrayBuffer())).toBe(true);
    expect((await call('/invoices/inv_missing/pdf', { as: owner })).status).toBe(404);
    expect((await call(`/invoices/${est.id}/pdf`, { as: owner })).status).toBe(404);
  });
});

describe('Content-Disposition', () => {
  it('keeps non-ASCII names exact (RFC 5987) with a safe ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Счёт №7 "final".pdf')).toBe(
      `attachment; filename="____ _7 _final_.pdf"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%E2%84%967%20%22final%22.pdf`,
    );
  });
});

describe('client statement PDF', () => {
  it('renders per-currency totals and issued invoices; cached until a payment changes it', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner, {}, { name: 'Giulia Rossi', language: 'it' });
    const url = `/clients/${client.id}/statement/pdf`;
    const first = await call(url, { as: owner });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toMatch(
      /filename\*=UTF-8''statement-Giulia-Rossi-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    expect(first.headers.get('x-pdf-cache')).toBe('miss');
    expect(isPdf(await first.arrayBuffer())).toBe(true);
    expect((await call(url, { as: owner })).headers.get('x-pdf-cache')).toBe('hit');
    await pay(owner, invoice.id, 100);
    expect((await call(url, { as: owner })).headers.get('x-pdf-cache')).toBe('miss');
  });
});

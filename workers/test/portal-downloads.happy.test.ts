import { env } from 'cloudflare:test';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { type Caller, call, createClient, createInvoice, json, signUp } from './helpers/api';
import { form, portal, portalCookie } from './helpers/portal';

/** `count` issued invoices for one client, through the API as the admin would. */
async function issued(owner: Caller, clientId: string, count: number) {
  const out: { id: string; number: string }[] = [];
  for (let i = 0; i < count; i++) {
    const d = await createInvoice(owner, clientId);
    out.push(await json(await call(`/invoices/${d.id}/send`, { method: 'POST', as: owner })));
  }
  return out;
}

const download = (cookie: string, ids: string[]) =>
  portal('/downloads', cookie, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids }),
  });

function entriesOf(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files).map(([name, b]) => [name, new TextDecoder().decode(b.slice(0, 5))]),
  );
}

/**
 * `count` copies of one issued invoice, written straight into D1 (numbers INV-BULK-0001…):
 * enough PDFs for a ZIP over R2's 5 MiB part size without 2 000 API calls.
 */
async function cloneIssued(sourceId: string, count: number) {
  const cols = (await env.DB.prepare('PRAGMA table_info(documents)').all<{ name: string }>()).results.map(
    (c) => c.name,
  );
  const pick = cols.map((c) =>
    c === 'id' ? `'inv_bulk' || n` : c === 'number' ? `'INV-BULK-' || printf('%04d', n)` : c,
  );
  await env.DB.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
     INSERT INTO documents (${cols.join(', ')}) SELECT ${pick.join(', ')} FROM seq, documents WHERE id = ?`,
  )
    .bind(count, sourceId)
    .run();
  return Array.from({ length: count }, (_, i) => `inv_bulk${i + 1}`);
}

describe('portal bulk download', () => {
  it('one invoice, by form post: a ZIP with its PDF named by number', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const [inv] = await issued(owner, c.id, 1);
    const cookie = await portalCookie(owner, c.id);
    const res = await portal('/downloads', cookie, form([['ids', inv!.id]]));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    expect(entriesOf(new Uint8Array(await res.arrayBuffer()))).toEqual({ [`${inv!.number}.pdf`]: '%PDF-' });
  });

  it('50 invoices: every PDF inside, streamed while built; the same selection again comes from R2', {
    timeout: 120_000,
  }, async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const invoices = await issued(owner, c.id, 50);
    const cookie = await portalCookie(owner, c.id);
    const ids = invoices.map((i) => i.id);
    const first = await download(cookie, ids);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-zip-cache')).toBe('miss');
    expect(first.headers.get('content-length')).toBeNull();
    const a = new Uint8Array(await first.arrayBuffer());
    const entries = entriesOf(a);
    expect(Object.keys(entries).sort()).toEqual(invoices.map((i) => `${i.number}.pdf`).sort());
    expect(new Set(Object.values(entries))).toEqual(new Set(['%PDF-']));

    // Another order of the same ids is the same selection.
    const again = await download(cookie, [...ids].reverse());
    expect(again.headers.get('x-zip-cache')).toBe('hit');
    const b = new Uint8Array(await again.arrayBuffer());
    expect(again.headers.get('content-length')).toBe(String(b.length));
    expect(b).toEqual(a);
    const stored = await env.FILES.list({ prefix: `zip/${owner.tenantId}/` });
    expect(stored.objects).toHaveLength(1);
  });

  it('a payment changes that PDF, so the ZIP is built again', { timeout: 60_000 }, async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const invoices = await issued(owner, c.id, 2);
    const cookie = await portalCookie(owner, c.id);
    const ids = invoices.map((i) => i.id);
    await (await download(cookie, ids)).arrayBuffer();
    await call(`/invoices/${ids[0]}/payments`, {
      method: 'POST',
      body: { amount: 100, date: '2026-03-01', method: 'card' },
      as: owner,
    });
    const after = await download(cookie, ids);
    expect(after.headers.get('x-zip-cache')).toBe('miss');
    await after.arrayBuffer();
  });

  it("any id that is not this client's issued invoice → 404 for the whole request", async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const other = await createClient(owner);
    const [mine] = await issued(owner, c.id, 1);
    const [theirs] = await issued(owner, other.id, 1);
    const draft = await createInvoice(owner, c.id);
    const elsewhere = await signUp();
    const far = await createClient(elsewhere);
    const [foreign] = await issued(elsewhere, far.id, 1);
    const cookie = await portalCookie(owner, c.id);
    for (const bad of [theirs!.id, draft.id, foreign!.id, 'inv_missing']) {
      const res = await download(cookie, [mine!.id, bad]);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const viaForm = await portal(
      '/downloads',
      cookie,
      form([
        ['ids', mine!.id],
        ['ids', theirs!.id],
      ]),
    );
    expect(viaForm.status).toBe(404);
    expect((await env.FILES.list({ prefix: `zip/${owner.tenantId}/` })).objects).toHaveLength(0);
  });

  it('an empty or oversized selection → 400 page for forms, 422 naming `ids` for JSON', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { language: 'it' });
    const cookie = await portalCookie(owner, c.id);
    const empty = await portal('/downloads', cookie, form([]));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Seleziona almeno una fattura.');
    const none = await download(cookie, []);
    expect(none.status).toBe(422);
    expect((await json(none)).errors[0].path).toBe('ids');
    const huge = await download(
      cookie,
      Array.from({ length: 1001 }, (_, i) => `inv_${i}`),
    );
    expect(huge.status).toBe(422);
    expect((await json(huge)).errors[0]).toMatchObject({ path: 'ids' });
    const broken = await portal('/downloads', cookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ids": [',
    });
    expect(broken.status).toBe(422);
  });

  it('1 000 invoices (the most one download takes): one JSON parameter for the ids, a ZIP over several R2 parts, intact', {
    timeout: 180_000,
  }, async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const [source] = await issued(owner, c.id, 1);
    const ids = await cloneIssued(source!.id, 1000);
    const cookie = await portalCookie(owner, c.id);
    const res = await download(cookie, ids);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    const entries = entriesOf(bytes);
    expect(Object.keys(entries)).toHaveLength(1000);
    expect(entries['INV-BULK-1000.pdf']).toBe('%PDF-');
    const again = await download(cookie, ids);
    expect(again.headers.get('x-zip-cache')).toBe('hit');
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it('a PDF that fails half-way aborts the download, logs why, and caches no ZIP', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const [good, bad] = await issued(owner, c.id, 2);
    // A snapshot the renderer cannot draw (no billing address), as a corrupted row would be.
    await env.DB.prepare(
      "UPDATE documents SET snapshot = json_remove(snapshot, '$.billTo.billingAddress') WHERE id = ?",
    )
      .bind(bad!.id)
      .run();
    const cookie = await portalCookie(owner, c.id);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await download(cookie, [good!.id, bad!.id]);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await vi.waitFor(() => expect(errors.mock.calls.flat().join(' ')).toContain('bulk download failed'));
    errors.mockRestore();
    expect((await env.FILES.list({ prefix: `zip/${owner.tenantId}/` })).objects).toHaveLength(0);
  });
});

import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, issuedInvoice, json, ORIGIN, problemOf, signUp } from './helpers/api';

describe('settings', () => {
  it('reads defaults and updates the business profile', async () => {
    const owner = await signUp();
    const before = await json(await call('/settings', { as: owner }));
    expect(before).toMatchObject({
      currency: 'EUR',
      locale: 'en',
      invoiceNumberFormat: 'INV-{YYYY}-{seq:4}',
    });
    const res = await call('/settings', {
      method: 'PATCH',
      body: {
        name: '合同会社ミライ',
        address: { street: '1-2-3 Shibuya', city: '渋谷区', country: 'jp' },
        taxId: 'T1234567890123',
        currency: 'jpy',
        locale: 'ja',
        invoiceNumberFormat: 'M-{seq:5}',
      },
      as: owner,
    });
    expect(res.status).toBe(200);
    const after = await json(res);
    expect(after).toMatchObject({
      name: '合同会社ミライ',
      address: { street: '1-2-3 Shibuya', city: '渋谷区', country: 'JP', state: null },
      taxId: 'T1234567890123',
      currency: 'JPY',
      locale: 'ja',
      invoiceNumberFormat: 'M-{seq:5}',
    });
    expect(await json(await call('/settings', { as: owner }))).toEqual(after);
  });

  it('rejects bad fields by name and changes nothing', async () => {
    const owner = await signUp();
    const res = await call('/settings', {
      method: 'PATCH',
      body: { name: 'Kept?', address: { country: 'ZZ' }, currency: 'ABC', paymentTermsDays: -1 },
      as: owner,
    });
    expect(res.status).toBe(422);
    const paths = (await problemOf(res)).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['address.country', 'currency', 'paymentTermsDays']);
    expect((await json(await call('/settings', { as: owner }))).name).toBe('Studio Norte');
  });

  it('a number format without {seq} → 422 naming it', async () => {
    const owner = await signUp();
    const res = await call('/settings', {
      method: 'PATCH',
      body: { invoiceNumberFormat: 'INV-{YYYY}' },
      as: owner,
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]!.path).toBe('invoiceNumberFormat');
  });

  it('one tenant’s settings change never shows in another’s', async () => {
    const a = await signUp();
    const b = await signUp();
    await call('/settings', { method: 'PATCH', body: { name: 'Only A' }, as: a });
    expect((await json(await call('/settings', { as: b }))).name).toBe('Studio Norte');
  });
});

// A valid 1×1 PNG and the start of a JPEG: enough for the byte sniffing and pdf-lib.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('business logo', () => {
  const upload = (as: Awaited<ReturnType<typeof signUp>>, body: BodyInit, type = 'image/png') =>
    SELF.fetch(`${ORIGIN}/api/v1/settings/logo`, {
      method: 'PUT',
      body,
      headers: { ...as.headers, origin: ORIGIN, 'content-type': type },
    });

  it('uploads a PNG, serves it back, prints it on issued invoices, and removes it', async () => {
    const owner = await signUp();
    const res = await upload(owner, PNG);
    expect(res.status).toBe(200);
    expect((await json(res)).hasLogo).toBe(true);
    const logo = await call('/settings/logo', { as: owner });
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(PNG);

    const { invoice } = await issuedInvoice(owner);
    const pdf = new TextDecoder('latin1').decode(
      await (await call(`/invoices/${invoice.id}/pdf`, { as: owner })).arrayBuffer(),
    );
    expect(pdf).toMatch(/\/Subtype\s*\/Image/);

    expect((await call('/settings/logo', { method: 'DELETE', as: owner })).status).toBe(204);
    expect((await json(await call('/settings', { as: owner }))).hasLogo).toBe(false);
    // The issued invoice keeps the logo it was sent with.
    const again = new TextDecoder('latin1').decode(
      await (await call(`/invoices/${invoice.id}/pdf`, { as: owner })).arrayBuffer(),
    );
    expect(again).toMatch(/\/Subtype\s*\/Image/);
  });

  it('refuses other files by content, not by header, and large ones', async () => {
    const owner = await signUp();
    expect((await upload(owner, new TextEncoder().encode('<svg/>'), 'image/png')).status).toBe(415);
    expect((await upload(owner, PNG, 'image/gif')).status).toBe(415);
    const big = new Uint8Array(600 * 1024);
    big.set(PNG.subarray(0, 8));
    expect((await upload(owner, big)).status).toBe(413);
    expect((await json(await call('/settings', { as: owner }))).hasLogo).toBe(false);
  });

  it('refuses a damaged or oversized image with 422 naming logo, before anything is stored', async () => {
    const owner = await signUp();
    const refused = async (bytes: Uint8Array, message: RegExp) => {
      const res = await upload(owner, bytes);
      expect(res.status).toBe(422);
      const problem = await json(res);
      expect(problem.errors[0].path).toBe('logo');
      expect(problem.errors[0].message).toMatch(message);
    };
    // A PNG signature followed by garbage.
    const garbage = new Uint8Array(200).map((_, i) => (i * 37) % 256);
    garbage.set(PNG.subarray(0, 8));
    await refused(garbage, /damaged/);
    // A valid header whose image data is not valid zlib.
    const corrupt = PNG.slice();
    corrupt.fill(0x55, 41, 54);
    await refused(corrupt, /damaged/);
    // A small file claiming 8000×8000 pixels (256 MB decoded): refused from the header.
    const huge = PNG.slice();
    new DataView(huge.buffer).setUint32(16, 8000);
    new DataView(huge.buffer).setUint32(20, 8000);
    await refused(huge, /8000×8000/);
    expect((await json(await call('/settings', { as: owner }))).hasLogo).toBe(false);
  });

  it('a stored logo that cannot be read never breaks a PDF: it is left out', async () => {
    const owner = await signUp();
    const key = `logos/${owner.tenantId}/broken.png`;
    const broken = PNG.slice();
    broken.fill(0x55, 41, 54);
    await env.FILES.put(key, broken);
    await env.DB.prepare('UPDATE tenants SET logo_key = ? WHERE id = ?').bind(key, owner.tenantId).run();
    const { invoice } = await issuedInvoice(owner);
    const pdf = await call(`/invoices/${invoice.id}/pdf`, { as: owner });
    expect(pdf.status).toBe(200);
    const text = new TextDecoder('latin1').decode(await pdf.arrayBuffer());
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).not.toMatch(/\/Subtype\s*\/Image/);
  });
});

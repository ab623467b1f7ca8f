import { describe, expect, it } from 'vitest';
import { call, json, signUp } from './helpers/api';
import { runCommonRouteTests } from './helpers/route-security';

describe('settings', () => {
  runCommonRouteTests('/settings', { method: 'GET', path: () => '/settings', ownsResource: false });
  runCommonRouteTests('/settings', {
    method: 'PATCH',
    path: () => '/settings',
    body: { name: 'X' },
    ownsResource: false,
  });

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
    const paths = (await json(res)).errors.map((e: { path: string }) => e.path).sort();
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
    expect((await json(res)).errors[0].path).toBe('invoiceNumberFormat');
  });

  it('one tenant’s settings change never shows in another’s', async () => {
    const a = await signUp();
    const b = await signUp();
    await call('/settings', { method: 'PATCH', body: { name: 'Only A' }, as: a });
    expect((await json(await call('/settings', { as: b }))).name).toBe('Studio Norte');
  });
});

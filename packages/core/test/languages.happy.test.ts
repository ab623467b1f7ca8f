import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, localeOf } from '../src';

describe('languages', () => {
  it('accepts the five product languages and nothing else', () => {
    expect([...LANGUAGES]).toEqual(['en', 'ru', 'pt', 'it', 'ja']);
    for (const l of LANGUAGES) expect(isLanguage(l)).toBe(true);
    for (const l of ['de', 'EN', '', 'ja-JP', null, undefined]) expect(isLanguage(l)).toBe(false);
  });

  it('maps each to an Intl locale the runtime knows', () => {
    for (const l of LANGUAGES) expect(Intl.DateTimeFormat.supportedLocalesOf(localeOf(l))).toHaveLength(1);
  });
});

describe('addresses and tax IDs', () => {
  it('writes an address as its own country does, whatever the document language', async () => {
    const { addressLines } = await import('../src');
    const berlin = {
      street: 'Unter den Linden 1',
      city: 'Berlin',
      state: null,
      postalCode: '10117',
      country: 'DE',
    };
    expect(addressLines(berlin, 'ja')).toEqual(['Unter den Linden 1', '10117 Berlin', 'ドイツ']);
    const tokyo = {
      street: '千代田1-1',
      city: '千代田区',
      state: '東京都',
      postalCode: '100-0001',
      country: 'JP',
    };
    expect(addressLines(tokyo, 'ja')[1]).toBe('〒100-0001 東京都 千代田区');
    expect(addressLines(tokyo, 'en')[1]).toBe('100-0001 千代田区 東京都');
    const austin = { street: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' };
    expect(addressLines(austin, 'en')[1]).toBe('Austin, TX 78701');
  });

  it('labels a tax ID by its country: local name at home, VAT ID for EU VAT numbers, neutral otherwise', async () => {
    const { MESSAGES, taxIdLabel } = await import('../src');
    const ru = MESSAGES.ru.common;
    expect(taxIdLabel(ru, 'RU', '7707083893')).toBe('ИНН');
    expect(taxIdLabel(ru, 'DE', 'DE123456789')).toBe(ru.vatId);
    expect(taxIdLabel(ru, 'US', '12-3456789')).toBe(ru.taxId);
    expect(taxIdLabel(ru, 'DE', 'DE123456789')).not.toBe('ИНН');
    expect(taxIdLabel(MESSAGES.ja.common, 'JP', 'T1234567890123')).toBe('登録番号');
  });
});

import { describe, expect, inject, it } from 'vitest';
import { invisibleWords, pdfText, qpdfCheck, saveTemp } from '../../packages/pdf/test/pdf-tools';

const baseUrl = inject('baseUrl');
const api = `${baseUrl}/api/v1`;

async function post(path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

describe('PDFs from wrangler dev', () => {
  it('a Portuguese invoice to a Chinese client renders every glyph (Chinese font from R2)', async () => {
    const signup = await fetch(`${api}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        businessName: 'Estúdio Açores',
        email: `pdf.${Date.now()}@example.com`,
        password: 'correct horse battery',
      }),
    });
    const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
    const client = await post('/clients', cookie, {
      name: '王小明',
      company: '上海明珠贸易有限公司',
      language: 'pt',
      billingAddress: { street: '南京东路100号', city: '上海', country: 'CN' },
    });
    const draft = await post('/invoices', cookie, {
      clientId: client.id,
      lines: [
        { description: 'Serviços de tradução — 品牌设计服务', quantity: 2, unitPrice: 15000, taxRate: 23 },
      ],
    });
    const sent = await post(`/invoices/${draft.id}/send`, cookie);
    const res = await fetch(`${api}/invoices/${sent.id}/pdf`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const path = saveTemp(new Uint8Array(await res.arrayBuffer()), 'zh.pdf');
    const text = pdfText(path).replace(/\s+/g, '');
    for (const s of [
      'Fatura',
      '王小明',
      '上海明珠贸易有限公司',
      '南京东路100号',
      '品牌设计服务',
      'Estúdio Açores',
      // The portal's address (never a sign-in link: PDFs are cached and forwarded).
      `${baseUrl}/portal`,
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
    expect(invisibleWords(path)).toEqual([]);
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
  });
});

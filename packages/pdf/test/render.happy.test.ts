import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PdfDocumentInput, renderDocumentPdf } from '../src';
import { cjkLoads, invoice, nodeFonts } from './fixtures';
import { invisibleWords, pageCount, pdfText, pngOfFirstPage, qpdfCheck, saveTemp } from './pdf-tools';

const OUTPUT = join(import.meta.dirname, '..', '..', '..', 'test-output', 'pdf');
mkdirSync(OUTPUT, { recursive: true });

const party = (name: string, company: string, street: string, city: string, country: string) => ({
  name,
  company,
  email: null,
  address: { street, city, state: null, postalCode: '1000', country },
  taxId: 'TX-1',
});

const CASES: {
  lang: PdfDocumentInput['language'];
  label: string;
  billTo: ReturnType<typeof party>;
  description: string;
  expect: string[];
}[] = [
  {
    lang: 'en',
    label: 'English',
    billTo: party('Olivia Brown', 'Brown Architects Ltd', '221B Baker Street', 'London', 'GB'),
    description: 'Site survey and drawings',
    expect: ['Invoice', 'Bill to', 'Amount due'],
  },
  {
    lang: 'ru',
    label: 'Russian',
    billTo: party('Иван Петров', 'ООО «Северный ветер»', 'ул. Тверская, д. 7', 'Москва', 'RU'),
    description: 'Разработка фирменного стиля',
    expect: ['Счёт', 'Плательщик', 'К оплате'],
  },
  {
    lang: 'pt',
    label: 'Portuguese',
    billTo: party('João Araújo', 'Araújo Consultoria', 'Rua da Conceição, 12', 'São Paulo', 'BR'),
    description: 'Sessão de fotografia e edição',
    expect: ['Fatura', 'Faturar a', 'Em dívida'],
  },
  {
    lang: 'it',
    label: 'Italian',
    billTo: party('Giulia Rossi', 'Rossi Design S.r.l.', 'Via Montenapoleone, 8', 'Milano', 'IT'),
    description: 'Progettazione dell’identità visiva',
    expect: ['Fattura', 'Intestata a', 'Da pagare'],
  },
  {
    lang: 'ja',
    label: 'Japanese',
    billTo: party('山田太郎', '株式会社さくら', '千代田区丸の内1-1-1', '東京都', 'JP'),
    description: 'ロゴデザインおよびブランドガイドライン作成',
    expect: ['請求書', '請求先', '未払額'],
  },
  {
    lang: 'en',
    label: 'Greek',
    billTo: party('Γιώργος Παπαδόπουλος', 'Αθηναϊκή Εταιρεία', 'Οδός Ερμού 15', 'Αθήνα', 'GR'),
    description: 'Σχεδιασμός ιστοσελίδας',
    expect: ['Invoice'],
  },
  {
    lang: 'pt',
    label: 'Chinese in a Portuguese invoice',
    billTo: party('王小明', '上海明珠贸易有限公司', '南京东路100号', '上海', 'CN'),
    description: '品牌设计服务',
    expect: ['Fatura'],
  },
];

const squash = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase();

describe('PDF rendering in any script', () => {
  for (const c of CASES) {
    it(`${c.label}: every string extracts exactly, every word has ink, qpdf passes`, async () => {
      const doc = invoice({
        language: c.lang,
        billTo: c.billTo,
        lines: [{ description: c.description, quantity: 2, unitPrice: 5000, taxRate: 10, amount: 10000 }],
        subtotal: 10000,
        taxes: [{ rate: 10, inclusive: false, amount: 1000 }],
        total: 11000,
        amountPaid: 0,
        amountDue: 11000,
      });
      const path = saveTemp(await renderDocumentPdf(doc, { fonts: nodeFonts }), `${c.label}.pdf`);
      const text = squash(pdfText(path));
      for (const s of [
        c.billTo.name,
        c.billTo.company,
        c.billTo.address.street,
        c.billTo.address.city,
        c.description,
        doc.seller.name,
        ...c.expect,
      ]) {
        expect(text).toContain(squash(s));
      }
      expect(invisibleWords(path)).toEqual([]);
      expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
    });
  }

  it('loads the CJK font only for text that needs it', async () => {
    const before = cjkLoads();
    await renderDocumentPdf(invoice(), { fonts: nodeFonts });
    expect(cjkLoads()).toBe(before);
    await renderDocumentPdf(invoice({ billTo: { ...invoice().billTo, name: '佐藤花子' } }), {
      fonts: nodeFonts,
    });
    expect(cjkLoads()).toBe(before + 1);
  });

  it('formats money and dates for the language', async () => {
    const ja = saveTemp(
      await renderDocumentPdf(
        invoice({
          language: 'ja',
          currency: 'JPY',
          lines: [{ description: '作業', quantity: 1, unitPrice: 12000, taxRate: null, amount: 12000 }],
          subtotal: 12000,
          taxes: [],
          total: 12000,
          amountPaid: 0,
          amountDue: 12000,
        }),
        { fonts: nodeFonts },
      ),
    );
    expect(pdfText(ja)).toMatch(/[¥￥]12,000/);
    expect(pdfText(ja)).toContain('2026/03/12');
    const ru = saveTemp(
      await renderDocumentPdf(invoice({ language: 'ru', total: 123456 }), { fonts: nodeFonts }),
    );
    expect(pdfText(ru).replace(/\s/g, ' ')).toContain('1 234,56 €');
    expect(pdfText(ru)).toContain('12.03.2026');
  });

  it('a 120-line invoice paginates with the table header and "page n of m" on every page', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      description:
        i % 7 === 0
          ? `Line ${i + 1}: a long description that wraps onto a second line because it explains the work in detail`
          : `Line ${i + 1}: consulting`,
      quantity: 1,
      unitPrice: 1000,
      taxRate: 23,
      amount: 1000,
    }));
    const path = saveTemp(
      await renderDocumentPdf(invoice({ lines, stamp: 'PAID' }), { fonts: nodeFonts }),
      'long.pdf',
    );
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(6);
    for (let p = 1; p <= pages; p++) {
      const t = pdfText(path, p);
      expect(t).toContain('Description');
      expect(t).toContain(`Page ${p} of ${pages}`);
    }
    const all = pdfText(path);
    for (const n of [1, 60, 120]) expect(all).toContain(`Line ${n}:`);
    expect(pdfText(path, pages)).toContain('Amount due');
    expect(invisibleWords(path)).toEqual([]);
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
  });

  it('US Letter and A4 both render; stamps are localized', async () => {
    const letter = saveTemp(
      await renderDocumentPdf(invoice({ stamp: 'OVERDUE', language: 'it' }), {
        fonts: nodeFonts,
        paper: 'Letter',
      }),
    );
    expect(pdfText(letter, undefined, true)).toContain('SCADUTA');
    const a4 = saveTemp(
      await renderDocumentPdf(
        invoice({ stamp: 'PAID', language: 'ja', billTo: { ...invoice().billTo, name: '鈴木一郎' } }),
        { fonts: nodeFonts },
      ),
      'ja.pdf',
    );
    expect(pdfText(a4, undefined, true)).toContain('支払済');
    pngOfFirstPage(a4, join(OUTPUT, 'invoice-ja-page1'));
    pngOfFirstPage(letter, join(OUTPUT, 'invoice-it-letter-page1'));
  });
});

describe('client statement PDF', () => {
  it('lists every issued invoice with balances, per-currency totals, paginated', async () => {
    const { renderStatementPdf } = await import('../src');
    const base = invoice();
    const invoices = Array.from({ length: 45 }, (_, i) => ({
      number: `INV-2026-${String(i + 1).padStart(4, '0')}`,
      issueDate: '2026-01-10',
      dueDate: '2026-02-10',
      currency: i % 3 === 0 ? 'JPY' : 'EUR',
      total: 10000,
      amountPaid: i % 2 ? 10000 : 2500,
      amountDue: i % 2 ? 0 : 7500,
      status: (i % 2 ? 'paid' : 'partial') as 'paid' | 'partial',
      overdue: i % 4 === 0,
    }));
    const bytes = await renderStatementPdf(
      {
        language: 'ru',
        asOf: '2026-03-01',
        seller: base.seller,
        client: { ...base.billTo, name: 'Иван Петров', company: '株式会社さくら' },
        currencies: [
          { currency: 'EUR', totalInvoiced: 300000, totalPaid: 150000, outstanding: 150000, overdue: 75000 },
          { currency: 'JPY', totalInvoiced: 150000, totalPaid: 80000, outstanding: 70000, overdue: 0 },
        ],
        invoices,
        portalUrl: 'https://app.clientele.dev/portal',
      },
      { fonts: nodeFonts },
    );
    const path = saveTemp(bytes, 'statement.pdf');
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(path);
    for (const s of [
      'Выписка',
      'Иван Петров',
      '株式会社さくら',
      'INV-2026-0001',
      'INV-2026-0045',
      'Задолженность',
    ]) {
      expect(text).toContain(s);
    }
    expect(text.replace(/\s/g, ' ')).toContain('1 500,00 €');
    for (let p = 1; p <= pages; p++) expect(pdfText(path, p)).toContain(`Страница ${p} из ${pages}`);
    expect(invisibleWords(path)).toEqual([]);
    expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
    pngOfFirstPage(path, join(OUTPUT, 'statement-ru-page1'));
  });
});

describe('documents print what fits the document', () => {
  it('"View and pay online" only where something is owed; addresses and tax IDs follow their country', async () => {
    const text = async (doc: PdfDocumentInput, name: string) => {
      const path = saveTemp(await renderDocumentPdf(doc, { fonts: nodeFonts }), name);
      return pdfText(path);
    };
    expect(await text(invoice(), 'fits-open.pdf')).toContain('View and pay online');
    const estimate = await text(
      invoice({ kind: 'estimate', dueDate: null, validUntil: '2026-05-01' }),
      'fits-est.pdf',
    );
    expect(estimate).toContain('View online');
    expect(estimate).not.toContain('pay online');
    const voided = await text(invoice({ stamp: 'VOID' }), 'fits-void.pdf');
    expect(voided).not.toContain('pay online');
    const paid = await text(invoice({ amountPaid: 418200, amountDue: 0, stamp: 'PAID' }), 'fits-paid.pdf');
    expect(paid).not.toContain('pay online');

    // A Japanese invoice to a Berlin client: no 〒 on a German postcode, and a VAT ID is not a Japanese registration number.
    const berlin = await text(
      invoice({
        language: 'ja',
        billTo: {
          name: 'Klaus Weber',
          company: 'Weber GmbH',
          email: null,
          address: {
            street: 'Unter den Linden 1',
            city: 'Berlin',
            state: null,
            postalCode: '10117',
            country: 'DE',
          },
          taxId: 'DE123456789',
        },
      }),
      'fits-ja-de.pdf',
    );
    expect(berlin).toContain('10117 Berlin');
    expect(berlin).not.toContain('〒10117');
    expect(berlin).toContain('VAT番号: DE123456789');
    // A Russian invoice: the Portuguese seller's NIF is a VAT number, not an ИНН.
    const ru = await text(invoice({ language: 'ru' }), 'fits-ru.pdf');
    expect(ru).not.toContain('ИНН');
    expect(ru).toContain('Номер плательщика НДС: PT500100200');
  });
});

describe('payment instructions on invoices', () => {
  it('are printed under their heading, in the document language', async () => {
    const path = saveTemp(
      await renderDocumentPdf(invoice({ language: 'pt', paymentInstructions: 'IBAN PT50 0002 0123 1234' }), {
        fonts: nodeFonts,
      }),
      'instructions.pdf',
    );
    const text = pdfText(path);
    expect(text).toContain('Instruções de pagamento');
    expect(text).toContain('IBAN PT50 0002 0123 1234');
    expect(invisibleWords(path)).toEqual([]);
  });
});

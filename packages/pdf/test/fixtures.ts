import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontSource, PdfDocumentInput } from '../src';

const require = createRequire(import.meta.url);
const file = (spec: string) => new Uint8Array(readFileSync(require.resolve(spec)));

let jpLoads = 0;
/** Fonts as the Worker gets them, read from the same npm packages. */
export const nodeFonts: FontSource = {
  regular: file('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  fallbacks: [
    async () => {
      jpLoads++;
      return jp;
    },
    async () => sc,
  ],
};
const jp = file('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const sc = file('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const cjkLoads = () => jpLoads;

const address = (
  street: string,
  city: string,
  postalCode: string,
  country: string,
  state: string | null = null,
) => ({
  street,
  city,
  postalCode,
  country,
  state,
});

export function invoice(over: Partial<PdfDocumentInput> = {}): PdfDocumentInput {
  return {
    kind: 'invoice',
    language: 'en',
    currency: 'EUR',
    number: 'INV-2026-0042',
    issueDate: '2026-03-12',
    dueDate: '2026-04-11',
    validUntil: null,
    seller: {
      name: 'Northwind Studio',
      email: 'billing@northwind.studio',
      phone: '+351 21 000 0000',
      address: address('Rua Augusta, 100', 'Lisboa', '1100-053', 'PT'),
      taxId: 'PT500100200',
    },
    billTo: {
      name: 'Maria Oliveira',
      company: 'Oliveira & Filhos Lda',
      email: 'maria@oliveira.pt',
      address: address('Rua da Conceição, 12', 'Lisboa', '1100-152', 'PT'),
      taxId: 'PT509876543',
    },
    lines: [
      {
        description: 'Brand identity — logo, palette and type system',
        quantity: 1,
        unitPrice: 240000,
        taxRate: 23,
        amount: 240000,
      },
      {
        description: 'Website design, 12.5 hours',
        quantity: 12.5,
        unitPrice: 8000,
        taxRate: 23,
        amount: 100000,
      },
    ],
    subtotal: 340000,
    discountTotal: 0,
    taxes: [{ rate: 23, inclusive: false, amount: 78200 }],
    total: 418200,
    amountPaid: 100000,
    amountDue: 318200,
    notes: 'Thank you for your business.',
    footer: 'IBAN PT50 0000 0000 0000 0000 0000 0',
    portalUrl: 'https://app.clientele.dev/portal/login/abc',
    stamp: null,
    ...over,
  };
}

import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  pay,
  sendInvoice,
  signUp,
} from './helpers/api';
import { portal, portalCookie } from './helpers/portal';
import { runEmailQueue } from './helpers/queue';

const isPdf = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-';
const year = new Date().toISOString().slice(0, 4);

async function credit(owner: Caller, invoiceId: string, body: Record<string, unknown>) {
  return call(`/invoices/${invoiceId}/credit-notes`, { method: 'POST', body, as: owner });
}

async function invoiceOf(owner: Caller, id: string) {
  return json(await call(`/invoices/${id}`, { as: owner }));
}

/** 100.00 at 20 % and 60.00 at 10 %: 120.00 + 66.00 = 186.00 gross. */
async function twoRateInvoice(owner: Caller, clientId?: string) {
  const c = clientId ?? (await createClient(owner)).id;
  const draft = await createInvoice(owner, c, {
    currency: 'EUR',
    lines: [
      line({ description: 'Design', unitPrice: 10000, taxRate: 20 }),
      line({ description: 'Books', unitPrice: 6000, taxRate: 10 }),
    ],
  });
  return { clientId: c, invoice: await sendInvoice(owner, draft.id) };
}

describe('credit notes', () => {
  it('credits a whole unpaid invoice: numbered, frozen, the amount due drops to nothing', async () => {
    const owner = await signUp();
    const { invoice, client } = await issuedInvoice(owner, { currency: 'EUR' });
    const res = await credit(owner, invoice.id, { reason: 'Billed by mistake' });
    expect(res.status).toBe(201);
    const note = await json(res);
    expect(note).toMatchObject({
      id: expect.stringMatching(/^crn_/),
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      clientId: client.id,
      number: `CN-${year}-0001`,
      currency: 'EUR',
      total: 12000,
      subtotal: 10000,
      taxTotal: 2000,
      toInvoice: 12000,
      toCredit: 0,
      reason: 'Billed by mistake',
      status: 'issued',
    });
    expect(note.lines).toEqual([
      expect.objectContaining({
        description: 'Design work',
        invoiceLine: 0,
        net: 10000,
        tax: 2000,
        amount: 12000,
      }),
    ]);
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ amountDue: 0, status: 'paid' });
    // The settlement shows among the invoice's payments, named by the credit note.
    const payments = (await json(await call(`/invoices/${invoice.id}/payments`, { as: owner }))).data;
    expect(payments).toEqual([
      expect.objectContaining({ source: 'credit_note', amount: 12000, reference: note.number }),
    ]);
    // Read back, listed by client and by invoice.
    expect(await json(await call(`/credit-notes/${note.id}`, { as: owner }))).toEqual(note);
    const byClient = await json(await call(`/credit-notes?clientId=${client.id}`, { as: owner }));
    expect(byClient.data.map((n: { id: string }) => n.id)).toEqual([note.id]);
    const byInvoice = await json(await call(`/credit-notes?invoiceId=${invoice.id}`, { as: owner }));
    expect(byInvoice.data).toHaveLength(1);
    // Nothing is left to credit.
    expect((await credit(owner, invoice.id, { reason: 'Again' })).status).toBe(422);
  });

  it('credits chosen lines, then what is left; numbers follow each other', async () => {
    const owner = await signUp();
    const { invoice } = await twoRateInvoice(owner);
    const first = await json(
      await credit(owner, invoice.id, { lines: [{ line: 1 }], reason: 'Books returned' }),
    );
    expect(first).toMatchObject({ number: `CN-${year}-0001`, total: 6600, subtotal: 6000, taxTotal: 600 });
    expect(first.lines).toEqual([
      expect.objectContaining({ description: 'Books', invoiceLine: 1, amount: 6600 }),
    ]);
    expect((await invoiceOf(owner, invoice.id)).amountDue).toBe(18600 - 6600);
    const rest = await json(await credit(owner, invoice.id, { reason: 'Cancelled' }));
    expect(rest).toMatchObject({ number: `CN-${year}-0002`, total: 12000 });
    expect(await invoiceOf(owner, invoice.id)).toMatchObject({ amountDue: 0 });
  });

  it('spreads a gross amount over the tax rates in proportion, to the last cent', async () => {
    const owner = await signUp();
    const { invoice } = await twoRateInvoice(owner);
    const note = await json(await credit(owner, invoice.id, { amount: 1000, reason: 'Goodwill' }));
    // 1000 × 12000/18600 = 645.16 and 1000 × 6600/18600 = 354.84: the larger remainder takes the cent.
    expect(note.lines.map((l: { amount: number }) => l.amount)).toEqual([645, 355]);
    // Net carved out of each share at its rate (538 + 107, 323 + 32), adding up exactly.
    expect(note.lines.map((l: { net: number; tax: number }) => [l.net, l.tax])).toEqual([
      [538, 107],
      [323, 32],
    ]);
    expect(note).toMatchObject({ total: 1000, subtotal: 861, taxTotal: 139 });
    expect(note.lines[0].description).toContain('20');
    expect((await invoiceOf(owner, invoice.id)).amountDue).toBe(17600);
    // A gross amount that does not divide evenly still adds up exactly.
    const odd = await json(await credit(owner, invoice.id, { amount: 1, reason: 'Rounding' }));
    expect(odd.total).toBe(1);
    expect(odd.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(1);
  });

  it('on a paid invoice the credit goes to the client’s balance; summary per currency', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const eur = await sendInvoice(owner, (await createInvoice(owner, c.id, { currency: 'EUR' })).id);
    const usd = await sendInvoice(
      owner,
      (await createInvoice(owner, c.id, { currency: 'USD', lines: [line({ unitPrice: 5000, taxRate: 0 })] }))
        .id,
    );
    await pay(owner, eur.id, 12000);
    await pay(owner, usd.id, 2000);
    const paidNote = await json(
      await credit(owner, eur.id, { amount: 3000, reason: 'Discount after payment' }),
    );
    expect(paidNote).toMatchObject({ toInvoice: 0, toCredit: 3000 });
    expect(await invoiceOf(owner, eur.id)).toMatchObject({ status: 'paid', amountDue: 0 });
    // Part paid: the note first takes off what is still due, the rest becomes credit.
    const usdNote = await json(await credit(owner, usd.id, { amount: 4000, reason: 'Scope cut' }));
    expect(usdNote).toMatchObject({ toInvoice: 3000, toCredit: 1000 });
    const s = await json(await call(`/clients/${c.id}/summary`, { as: owner }));
    expect(s.currencies).toEqual([
      {
        currency: 'EUR',
        totalInvoiced: 12000,
        totalPaid: 12000,
        outstanding: 0,
        overdue: 0,
        credited: 3000,
        credit: 3000,
      },
      {
        currency: 'USD',
        totalInvoiced: 5000,
        totalPaid: 2000,
        outstanding: 0,
        overdue: 0,
        credited: 4000,
        credit: 1000,
      },
    ]);
    const credits = (await json(await call(`/clients/${c.id}/credits`, { as: owner }))).data;
    expect(credits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'credit_note',
          amount: 3000,
          currency: 'EUR',
          creditNoteId: paidNote.id,
        }),
        expect.objectContaining({
          source: 'credit_note',
          amount: 1000,
          currency: 'USD',
          creditNoteId: usdNote.id,
        }),
      ]),
    );
    // The dashboard shows the credit held, per currency.
    const dash = await json(await call('/dashboard', { as: owner }));
    expect(dash.clientCredit).toEqual([
      { currency: 'EUR', amount: 3000 },
      { currency: 'USD', amount: 1000 },
    ]);
    // The statement PDF renders with it.
    const statement = await call(`/clients/${c.id}/statement/pdf`, { as: owner });
    expect(statement.status).toBe(200);
    expect(isPdf(await statement.arrayBuffer())).toBe(true);
  });

  it('numbers follow the format in Settings, in a sequence of their own', async () => {
    const owner = await signUp();
    const patched = await call('/settings', {
      method: 'PATCH',
      body: { creditNoteNumberFormat: 'NC/{YY}/{seq:3}' },
      as: owner,
    });
    expect((await json(patched)).creditNoteNumberFormat).toBe('NC/{YY}/{seq:3}');
    const { invoice } = await issuedInvoice(owner);
    const a = await json(await credit(owner, invoice.id, { amount: 100, reason: 'a' }));
    const b = await json(await credit(owner, invoice.id, { amount: 100, reason: 'b' }));
    expect([a.number, b.number]).toEqual([`NC/${year.slice(2)}/001`, `NC/${year.slice(2)}/002`]);
    // Invoices keep their own sequence.
    const next = await issuedInvoice(owner);
    expect(next.invoice.number).toBe(`INV-${year}-0002`);
  });

  it('renders its PDF (cached) and emails it with the PDF attached in the client’s language', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner, {}, { language: 'pt', email: 'cliente@example.com' });
    const note = await json(await credit(owner, invoice.id, { amount: 2400, reason: 'Desconto' }));
    const pdf = await call(`/credit-notes/${note.id}/pdf`, { as: owner });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`${note.number}.pdf`);
    expect(isPdf(await pdf.arrayBuffer())).toBe(true);
    expect((await call(`/credit-notes/${note.id}/pdf`, { as: owner })).headers.get('x-pdf-cache')).toBe(
      'hit',
    );

    const sent = await call(`/credit-notes/${note.id}/send`, {
      method: 'POST',
      as: owner,
      headers: { 'idempotency-key': `send-${note.id}` },
    });
    expect(sent.status).toBe(202);
    const body = await json(sent);
    expect(body).toMatchObject({ status: 'sent', email: { status: 'queued', to: 'cliente@example.com' } });
    await runEmailQueue(owner.tenantId, [body.email.id]);
    const log = await json(await call(`/emails?clientId=${note.clientId}`, { as: owner }));
    expect(log.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: body.email.id, status: 'sent', kind: 'credit_note' }),
      ]),
    );
    // The invoice's own email may be in the outbox too (the queue runs beside the test).
    const outbox: { subject: string; raw: string }[] = (await json(await call('/dev/outbox', { as: owner })))
      .data;
    const mail = outbox.find((m) => m.subject.includes(note.number));
    expect(mail).toBeDefined();
    const parsed = await PostalMime.parse(mail!.raw);
    expect(parsed.subject).toBe(`Nota de crédito ${note.number} de Studio Norte`);
    expect(parsed.text).toContain(`corrige a fatura ${invoice.number}`);
    expect(parsed.text).toContain('24,00');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({
      filename: `${note.number}.pdf`,
      mimeType: 'application/pdf',
    });
    // Its template is one of the kinds a business can rewrite, with the invoice's number to quote.
    const template = await json(await call('/templates/credit_note', { as: owner }));
    expect(template.variables).toContain('invoice.number');
    expect(template.languages.pt.subject).toBe('Nota de crédito {{document.number}} de {{business.name}}');
  });

  it('is shown to the client in the portal: listed, its page and its PDF', async () => {
    const owner = await signUp();
    const { invoice, client } = await issuedInvoice(owner, {}, { email: 'portal@example.com' });
    const note = await json(await credit(owner, invoice.id, { amount: 1200, reason: 'Late delivery' }));
    const cookie = await portalCookie(owner, client.id);
    const list = await portal('/invoices', cookie);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(note.number);
    const page = await portal(`/credit-notes/${note.id}`, cookie);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Late delivery');
    expect(text).toContain(invoice.number);
    const pdf = await portal(`/credit-notes/${note.id}/pdf`, cookie);
    expect(pdf.status).toBe(200);
    expect(isPdf(await pdf.arrayBuffer())).toBe(true);
  });
});

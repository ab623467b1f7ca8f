import { describe, expect, it } from 'vitest';
import { call, createClient, issuedInvoice, json, pay, signUp } from './helpers/api';

/** What a validator says to a developer, never to a person. */
const JARGON = /Invalid input|expected \w+|received \w+|Too (small|big)|[<>]=|minor units|Unrecognized key/i;

describe('validation messages are written for people', () => {
  it('every 422 for common mistakes names the field in plain words', async () => {
    const owner = await signUp();
    const client = await createClient(owner);
    const { invoice } = await issuedInvoice(owner, {
      currency: 'JPY',
      lines: [{ description: 'x', quantity: 1, unitPrice: 125880 }],
    });
    const bad: [string, string, unknown][] = [
      ['POST', '/clients', { name: null }],
      ['POST', '/clients', { name: '' }],
      ['POST', '/clients', { name: 'A', email: 'not-an-email' }],
      ['POST', '/clients', { name: 'A', language: 'de' }],
      ['POST', '/clients', { name: 'x'.repeat(300) }],
      [
        'POST',
        '/invoices',
        { clientId: client.id, lines: [{ description: 'x', quantity: null, unitPrice: 100 }] },
      ],
      [
        'POST',
        '/invoices',
        { clientId: client.id, lines: [{ description: '', quantity: 1, unitPrice: 'ten' }] },
      ],
      ['PATCH', '/settings', { paymentTermsDays: -5 }],
      ['POST', `/invoices/${invoice.id}/payments`, { amount: 999999, date: '2026-03-01', method: 'cash' }],
      ['POST', `/invoices/${invoice.id}/payments`, { amount: 'lots', date: 'yesterday', method: 'cash' }],
    ];
    for (const [method, path, body] of bad) {
      const res = await call(path, { method, body, as: owner });
      expect(res.status, `${method} ${path}`).toBe(422);
      const problem = await json(res);
      expect(problem.errors.length).toBeGreaterThan(0);
      for (const e of problem.errors) {
        expect(e.path).not.toBe('');
        expect(e.message, `${method} ${path} ${e.path}`).not.toMatch(JARGON);
      }
    }
  });

  it('an overpayment says how much is still due, as money', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner, {
      currency: 'JPY',
      lines: [{ description: 'x', quantity: 1, unitPrice: 125880 }],
    });
    const res = await pay(owner, invoice.id, invoice.total + 1);
    expect(res.status).toBe(422);
    const [error] = (await json(res)).errors;
    expect(error.path).toBe('amount');
    expect(error.message).toContain(`¥${invoice.total.toLocaleString('en-US')}`);
  });
});

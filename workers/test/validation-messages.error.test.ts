import { MESSAGES } from '@clientele/core';
import { describe, expect, it } from 'vitest';
import { call, createClient, issuedInvoice, json, pay, problemOf, signUp } from './helpers/api';

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
      ['POST', `/invoices/${invoice.id}/payments`, { amount: 12.5, date: '2026-03-01', method: 'cash' }],
      ['POST', '/clients', { name: 'A', currency: 'XYZ', billingAddress: { country: 'ZZ' } }],
      [
        'PUT',
        '/settings/stripe',
        { publishableKey: 'pk_live_abc', secretKey: 'sk_test_abc', webhookSecret: 'x' },
      ],
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
      // The same mistakes, refused for a Japanese reader: every message is written in Japanese.
      const ja = await json(
        await call(path, { method, body, as: owner, headers: { 'accept-language': 'ja' } }),
      );
      expect(ja.errors.map((e: { path: string }) => e.path)).toEqual(
        problem.errors.map((e: { path: string }) => e.path),
      );
      for (const e of ja.errors)
        expect(e.message, `${method} ${path} ${e.path}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
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
    const [error] = (await problemOf(res)).errors;
    expect(error!.path).toBe('amount');
    expect(error!.message).toContain(`¥${invoice.total.toLocaleString('en-US')}`);
  });

  it('are written in the language the caller asks for (Accept-Language), English otherwise', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner, {
      currency: 'JPY',
      lines: [{ description: 'x', quantity: 1, unitPrice: 125880 }],
    });
    const refusal = async (language: string | undefined, path: string, body: unknown) => {
      const res = await call(path, {
        method: 'POST',
        body,
        as: owner,
        ...(language ? { headers: { 'accept-language': language } } : {}),
      });
      expect(res.status).toBe(422);
      return (await json(res)).errors as { path: string; message: string }[];
    };
    const empty = { name: '' };
    expect((await refusal('ja', '/clients', empty))[0]).toEqual({
      path: 'name',
      message: 'この項目は必須です',
    });
    const whole = await call('/clients', {
      method: 'POST',
      body: empty,
      as: owner,
      headers: { 'accept-language': 'ja' },
    });
    expect((await problemOf(whole)).detail).toBe(MESSAGES.ja.problem.invalidFields);
    expect((await refusal('ru-RU,ru;q=0.9,en;q=0.8', '/clients', empty))[0]?.message).toBe(
      MESSAGES.ru.problem.required,
    );
    // The first language by weight that the product speaks.
    expect((await refusal('de-DE, en;q=0.3, it;q=0.5', '/clients', empty))[0]?.message).toBe(
      MESSAGES.it.problem.required,
    );
    expect((await refusal('de', '/clients', empty))[0]?.message).toBe('This field is required');
    expect((await refusal(undefined, '/clients', empty))[0]?.message).toBe('This field is required');

    // Checks with their own words, and the service's own refusals, follow too.
    const line = await refusal('pt', '/invoices', {
      clientId: invoice.clientId,
      lines: [{ description: '', quantity: -1, unitPrice: 100 }],
    });
    expect(line.map((e) => e.message).sort()).toEqual(
      [MESSAGES.pt.problem.describeLine, MESSAGES.pt.problem.notNegative].sort(),
    );
    const [over] = await refusal('ru', `/invoices/${invoice.id}/payments`, {
      amount: invoice.total + 1,
      date: '2026-03-01',
      method: 'наличные',
    });
    expect(over?.path).toBe('amount');
    // Money as Russian writes it: 138 468 ¥ with no-break spaces.
    const due = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'JPY' }).format(invoice.total);
    expect(over?.message).toBe(MESSAGES.ru.problem.moreThanDue(due));

    // Refusals that are not about a field: a conflict and a failed sign-in.
    const draft = await json(
      await call('/invoices', {
        method: 'POST',
        body: { clientId: invoice.clientId, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] },
        as: owner,
      }),
    );
    const voided = await call(`/invoices/${draft.id}/void`, {
      method: 'POST',
      as: owner,
      headers: { 'accept-language': 'ja' },
    });
    expect(voided.status).toBe(409);
    expect((await problemOf(voided)).detail).toBe('下書きは無効にせず削除してください');
    const signIn = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: 'not the password' },
      headers: { 'accept-language': 'ru' },
    });
    expect(signIn.status).toBe(401);
    expect((await problemOf(signIn)).detail).toBe('Неверная почта или пароль');
  });
});

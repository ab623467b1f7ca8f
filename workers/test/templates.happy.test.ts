import { LANGUAGES } from '@clientele/core';
import { describe, expect, it } from 'vitest';
import { BUILT_IN, TEMPLATE_KINDS } from '../services/mail/defaults';
import { renderTemplate, unknownVariables } from '../services/mail/templates';
import { call, createClient, json, problemOf, signUp } from './helpers/api';

describe('email templates: rendering', () => {
  it('every built-in template exists for every kind and language and uses only its variables', () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const lang of LANGUAGES) {
        const t = BUILT_IN[kind][lang];
        expect(t.subject.length).toBeGreaterThan(3);
        expect(unknownVariables(kind, t)).toEqual([]);
      }
    }
  });

  it('escapes values in HTML, keeps text raw, forces the subject onto one line', () => {
    const r = renderTemplate(
      { subject: 'Invoice for {{client.name}}', body: 'Hello {{client.name}},\n\nPay here: {{portalLink}}' },
      {
        'client.name': '<script>alert(1)</script>\r\nBcc: x@evil.test',
        portalLink: 'https://p.example/a?b=1&c=2',
      },
    );
    expect(r.subject).toBe('Invoice for <script>alert(1)</script> Bcc: x@evil.test');
    expect(r.subject).not.toMatch(/[\r\n]/);
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('<a href="https://p.example/a?b=1&amp;c=2">');
    expect(r.text).toContain('Hello <script>alert(1)</script>');
  });

  it('names unknown variables', () => {
    expect(
      unknownVariables('invoice', { subject: '{{document.number}} {{foo}}', body: '{{ client.nme }}' }),
    ).toEqual(['client.nme', 'foo']);
    expect(unknownVariables('portal_link', { subject: '{{document.total}}', body: '' })).toEqual([
      'document.total',
    ]);
  });
});

describe('email templates: API', () => {
  it('built-in ← business ← client override, per kind and language', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { language: 'ru' });
    const builtIn = await json(await call('/templates/invoice', { as: owner }));
    expect(builtIn.languages.ru).toMatchObject({ source: 'builtin', subject: BUILT_IN.invoice.ru.subject });

    const saved = await call('/templates/invoice', {
      method: 'PUT',
      body: { language: 'ru', subject: 'Счёт {{document.number}}', body: 'Добрый день, {{client.name}}!' },
      as: owner,
    });
    expect(saved.status).toBe(200);
    expect((await json(saved)).languages.ru).toMatchObject({
      source: 'business',
      subject: 'Счёт {{document.number}}',
    });

    const forClient = await json(await call(`/clients/${client.id}/templates/invoice`, { as: owner }));
    expect(forClient.languages.ru!.source).toBe('business');
    expect(forClient.languages.en!.source).toBe('builtin');

    await call(`/clients/${client.id}/templates/invoice`, {
      method: 'PUT',
      body: { language: 'ru', subject: 'Лично для вас: {{document.number}}', body: 'Особый текст' },
      as: owner,
    });
    const overridden = await json(await call(`/clients/${client.id}/templates/invoice`, { as: owner }));
    expect(overridden.languages.ru).toEqual({
      source: 'client',
      subject: 'Лично для вас: {{document.number}}',
      body: 'Особый текст',
    });
    // Other kinds and the business-wide view are untouched.
    expect(
      (await json(await call(`/clients/${client.id}/templates/reminder`, { as: owner })))!.languages.ru
        .source,
    ).toBe('builtin');
    expect((await json(await call('/templates/invoice', { as: owner })))!.languages.ru.source).toBe(
      'business',
    );

    const removed = await call(`/clients/${client.id}/templates/invoice?language=ru`, {
      method: 'DELETE',
      as: owner,
    });
    expect((await json(removed))!.languages.ru.source).toBe('business');
  });

  it('precedence holds for every kind: built-in, then business, then the client override', async () => {
    const owner = await signUp();
    const client = await createClient(owner, { language: 'pt' });
    for (const kind of TEMPLATE_KINDS) {
      const view = async () =>
        (await json(await call(`/clients/${client.id}/templates/${kind}`, { as: owner }))).languages.pt;
      expect((await view())!.source).toBe('builtin');
      await call(`/templates/${kind}`, {
        method: 'PUT',
        body: { language: 'pt', subject: `B ${kind}`, body: 'b' },
        as: owner,
      });
      expect(await view()).toEqual({ source: 'business', subject: `B ${kind}`, body: 'b' });
      await call(`/clients/${client.id}/templates/${kind}`, {
        method: 'PUT',
        body: { language: 'pt', subject: `C ${kind}`, body: 'c' },
        as: owner,
      });
      expect(await view()).toEqual({ source: 'client', subject: `C ${kind}`, body: 'c' });
    }
  });

  it('unknown variables → 422 listing them; nothing saved', async () => {
    const owner = await signUp();
    const res = await call('/templates/receipt', {
      method: 'PUT',
      body: { language: 'en', subject: 'Paid {{document.numbr}}', body: 'Hi {{client.nam}}' },
      as: owner,
    });
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(problem.detail).toBe('Unknown variables: client.nam, document.numbr');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'subject']);
    expect((await json(await call('/templates/receipt', { as: owner })))!.languages.en.source).toBe(
      'builtin',
    );
    const badKind = await call('/templates/newsletter', { as: owner });
    expect(badKind.status).toBe(422);
  });

  it('preview renders the saved template with the client’s language formatting, escaped', async () => {
    const owner = await signUp({ currency: 'JPY' });
    const client = await createClient(owner, { name: '<b>山田</b>', language: 'ja', currency: 'JPY' });
    const res = await call('/templates/invoice/preview', {
      method: 'POST',
      body: { language: 'ja', clientId: client.id },
      as: owner,
    });
    expect(res.status).toBe(200);
    const p = await json(res);
    expect(p.subject).toContain('INV-2026-0042');
    expect(p.text).toContain('<b>山田</b> 様');
    expect(p.text).toMatch(/[¥￥]418,200/);
    expect(p.html).toContain('&lt;b&gt;山田&lt;/b&gt;');
    const draft = await json(
      await call('/templates/invoice/preview', {
        method: 'POST',
        body: { language: 'en', subject: 'Draft {{document.number}}', body: 'Total {{document.total}}' },
        as: owner,
      }),
    );
    expect(draft).toMatchObject({ subject: 'Draft INV-2026-0042' });
  });

  it("another tenant's client templates → 404", async () => {
    const owner = await signUp();
    const other = await signUp();
    const client = await createClient(owner);
    expect((await call(`/clients/${client.id}/templates/invoice`, { as: other })).status).toBe(404);
    const put = await call(`/clients/${client.id}/templates/invoice`, {
      method: 'PUT',
      body: { language: 'en', subject: 'x', body: 'y' },
      as: other,
    });
    expect(put.status).toBe(404);
  });
});
